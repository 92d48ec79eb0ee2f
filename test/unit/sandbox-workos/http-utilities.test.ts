import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../../main/sandbox/http/faults';
import { QueryParams } from '../../../main/sandbox/http/query';
import { SlidingWindowRateLimiter } from '../../../main/sandbox/http/rate-limiter';
import { Router } from '../../../main/sandbox/http/router';

describe('QueryParams', () => {
  it('keeps repeated keys, merges key[] forms and splits comma lists', () => {
    const query = new QueryParams('?events=a%2Cb&events=c&events[]=d&limit=5&empty=');
    expect(query.getAll('events')).toEqual(['a,b', 'c', 'd']);
    expect(query.getList('events')).toEqual(['a', 'b', 'c', 'd']);
    expect(query.get('limit')).toBe('5');
    expect(query.get('empty')).toBeUndefined();
    expect(query.has('missing')).toBe(false);
  });
});

describe('Router', () => {
  it('matches params, prefers literal segments and reports wrong-method paths', () => {
    const router = new Router();
    router.get('/organizations/:id', () => ({ status: 200, json: 'by-id' }));
    router.get('/organizations/external_id/:externalId', () => ({ status: 200, json: 'by-external' }));
    const byExternal = router.match('GET', '/organizations/external_id/gem%2D1');
    expect(byExternal).toMatchObject({ found: true, pattern: '/organizations/external_id/:externalId' });
    expect(byExternal.found && byExternal.params).toEqual({ externalId: 'gem-1' });
    expect(router.match('GET', '/organizations/org_1')).toMatchObject({
      found: true,
      params: { id: 'org_1' },
    });
    expect(router.match('DELETE', '/organizations/org_1')).toEqual({ found: false, pathExists: true });
    expect(router.match('GET', '/nope')).toEqual({ found: false, pathExists: false });
  });
});

describe('SlidingWindowRateLimiter', () => {
  it('allows N per window per key, answers a ceil Retry-After, and can be switched off', () => {
    let now = 1_000;
    const limiter = new SlidingWindowRateLimiter({ limit: 4, windowMs: 1_000 }, { now: () => now });
    for (let i = 0; i < 4; i += 1) expect(limiter.check('dir_1').allowed).toBe(true);
    expect(limiter.check('dir_1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.check('dir_2').allowed).toBe(true);
    now += 1_001;
    expect(limiter.check('dir_1').allowed).toBe(true);
    const slow = new SlidingWindowRateLimiter({ limit: 1, windowMs: 2_500 }, { now: () => now });
    slow.check('k');
    expect(slow.check('k')).toEqual({ allowed: false, retryAfterSeconds: 3 });
    slow.enabled = false;
    expect(slow.check('k').allowed).toBe(true);
  });
});

describe('FaultInjector', () => {
  it('is deterministic for a seed and hits roughly the configured share', () => {
    const decide = (seed: number) => {
      const faults = new FaultInjector(seed);
      faults.set('/x', { status429Share: 0.3, resetShare: 0.1 });
      return Array.from({ length: 1_000 }, () => faults.decide('GET', '/x'));
    };
    const first = decide(7);
    expect(decide(7)).toEqual(first);
    const share429 = first.filter((d) => d.replaceStatus === 429).length / first.length;
    const shareReset = first.filter((d) => d.reset).length / first.length;
    expect(share429).toBeGreaterThan(0.25);
    expect(share429).toBeLessThan(0.35);
    expect(shareReset).toBeGreaterThan(0.06);
    expect(shareReset).toBeLessThan(0.14);
    const other = new FaultInjector(7).decide('GET', '/y');
    expect(other.replaceStatus).toBeUndefined();
  });

  it('prefers a method-qualified config, then the pattern, then *', () => {
    const faults = new FaultInjector(1);
    faults.set('*', { latencyMs: 5 });
    faults.set('/a', { latencyMs: 10 });
    faults.set('POST /a', { latencyMs: 20 });
    expect(faults.decide('POST', '/a').latencyMs).toBe(20);
    expect(faults.decide('GET', '/a').latencyMs).toBe(10);
    expect(faults.decide('GET', '/b').latencyMs).toBe(5);
  });
});
