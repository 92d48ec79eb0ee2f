import { request } from 'node:http';
import { RateLimitExceededException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkosStandIn } from '../../../main/sandbox/workos/server';
import { API_KEY, call, sdkFor, startSmall } from './helpers';

let standIn: WorkosStandIn | undefined;
function current(): WorkosStandIn {
  if (!standIn) throw new Error('stand-in not started');
  return standIn;
}
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

/** Raw GET that reports whether the body arrived complete. */
function rawGet(url: string): Promise<{ status: number; complete: boolean; body: string }> {
  return new Promise((resolve) => {
    const req = request(url, { headers: { Authorization: `Bearer ${API_KEY}` }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('error', () => undefined);
      res.on('close', () => resolve({ status: res.statusCode ?? 0, complete: res.complete, body }));
    });
    req.on('error', () => resolve({ status: 0, complete: false, body: '' }));
    req.end();
  });
}

describe('rate limits', () => {
  it('a 5 req/s burst on one directory’s /directory_users yields 429s with Retry-After; other directories are unaffected', async () => {
    ({ standIn } = await startSmall({ rateLimits: {} }));
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => call(current(), '/directory_users?directory=directory_acme')),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = burst.find((r) => r.status === 429);
    if (!limited) throw new Error('no 429 in the burst');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json).toEqual({ message: 'Rate limit exceeded', code: 'rate_limit_exceeded' });
    // The group filter counts against the group's directory.
    expect((await call(standIn, '/directory_users?group=directory_group_eng')).status).toBe(429);
    expect((await call(standIn, '/directory_users?directory=directory_beta')).status).toBe(200);
    const error = await sdkFor(standIn)
      .directorySync.listUsers({ directory: 'directory_acme' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceededException);
    expect((error as RateLimitExceededException).retryAfter).toBe(1);
    expect(standIn.stats().byRoute['GET /directory_users']?.byStatus['429']).toBe(3);
  });

  it('applies the per-key limit and can be switched off at runtime or through the control API', async () => {
    ({ standIn } = await startSmall({
      rateLimits: { perKey: { limit: 3, windowMs: 60_000 }, directoryUsers: { enabled: false } },
    }));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(standIn, '/directories')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await call(standIn, '/directories');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    const off = await call(standIn, '/_sandbox/workos/rate-limits', {
      method: 'POST',
      body: { enabled: false },
    });
    expect(off.json).toMatchObject({ perKey: { enabled: false }, directoryUsers: { enabled: false } });
    expect((await call(standIn, '/directories')).status).toBe(200);
    standIn.setRateLimits({ directoryUsers: { enabled: true, limit: 1, windowMs: 1_000 } });
    expect((await call(standIn, '/directory_users?directory=directory_acme')).status).toBe(200);
    expect((await call(standIn, '/directory_users?directory=directory_acme')).status).toBe(429);
  });
});

describe('fault injection', () => {
  it('injects 429s and 5xx at the configured share, deterministically per seed', async () => {
    const run = async () => {
      const started = await startSmall({
        faultSeed: 42,
        faults: { '/directories': { status429Share: 0.3, status5xxShare: 0.2, retryAfterSeconds: 2 } },
      });
      standIn = started.standIn;
      const statuses: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const r = await call(standIn, '/directories');
        if (r.status === 429) expect(r.headers.get('retry-after')).toBe('2');
        statuses.push(r.status);
      }
      const stats = standIn.stats();
      await standIn.close();
      standIn = undefined;
      return { statuses, stats };
    };
    const first = await run();
    const share = (code: (s: number) => boolean) =>
      first.statuses.filter(code).length / first.statuses.length;
    expect(share((s) => s === 429)).toBeGreaterThan(0.2);
    expect(share((s) => s === 429)).toBeLessThan(0.4);
    expect(share((s) => s >= 500)).toBeGreaterThan(0.08);
    expect(share((s) => s >= 500)).toBeLessThan(0.24);
    expect(first.stats.faults.injected429).toBe(first.statuses.filter((s) => s === 429).length);
    expect((await run()).statuses).toEqual(first.statuses);
  });

  it('resets sockets mid-body, truncates JSON and sends wrong content types at the configured share', async () => {
    ({ standIn } = await startSmall({ faultSeed: 3 }));
    standIn.setFaults({ '/organizations': { resetShare: 0.25, malformedShare: 0.25 } });
    const results = await Promise.all(
      Array.from({ length: 120 }, () => rawGet(`${current().url}/organizations`)),
    );
    const resets = results.filter((r) => !r.complete).length;
    const malformed = results.filter((r) => {
      if (!r.complete) return false;
      try {
        JSON.parse(r.body);
        return false;
      } catch {
        return true;
      }
    }).length;
    const stats = standIn.stats().faults;
    expect(resets).toBe(stats.resets);
    expect(malformed).toBe(stats.malformed);
    expect(resets / 120).toBeGreaterThan(0.12);
    expect(resets / 120).toBeLessThan(0.38);
    expect(malformed / 120).toBeGreaterThan(0.1);
    expect(malformed / 120).toBeLessThan(0.36);

    standIn.setFaults({ '*': { wrongContentTypeShare: 1 } });
    const wrong = await call(standIn, '/organizations');
    expect(wrong.headers.get('content-type')).toMatch(/^text\/html/);
    const sdkError = await sdkFor(standIn)
      .organizations.listOrganizations()
      .catch((e: unknown) => e);
    expect(sdkError).toBeInstanceOf(Error);

    standIn.setFaults({ 'GET /directories': { latencyMs: 150 } });
    const started = Date.now();
    await call(standIn, '/directories');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const viaControl = await call(standIn, '/_sandbox/workos/faults', {
      method: 'POST',
      body: { '/directories': { status5xxShare: 1 } },
    });
    expect(viaControl.status).toBe(200);
    expect([500, 502, 503]).toContain((await call(standIn, '/directories')).status);
    // The control API itself is never subject to faults.
    standIn.setFaults({ '*': { status5xxShare: 1 } });
    expect((await call(standIn, '/_sandbox/workos/stats')).status).toBe(200);
  });
});

describe('events filter forms over HTTP', () => {
  it('accepts comma-separated, repeated and events[] forms', async () => {
    ({ standIn } = await startSmall());
    standIn.state.createOrganization({ id: 'org_new', name: 'New' });
    standIn.state.createUser({ directoryId: 'directory_acme', email: 'x@acme.test' });
    const forms = [
      '/events?events=organization.created%2Cdsync.user.created',
      '/events?events=organization.created&events=dsync.user.created',
      '/events?events[]=organization.created&events[]=dsync.user.created',
    ];
    for (const path of forms) {
      const r = await call(standIn, path);
      expect((r.json as { data: { event: string }[] }).data.map((e) => e.event)).toEqual([
        'organization.created',
        'dsync.user.created',
      ]);
      expect(r.json).toMatchObject({ list_metadata: { after: null } });
      expect(Object.keys((r.json as { list_metadata: object }).list_metadata)).toEqual(['after']);
    }
    expect((await call(standIn, '/events?events=organization.created&limit=101')).status).toBe(422);
  });
});
