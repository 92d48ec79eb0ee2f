/** Idempotency replay and reuse, the per-token rate limit, and each injected fault as the client's AppError. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { GemApiError } from '../../../main/core/gem/errors';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { createRetryingGemRunner } from '../../../main/core/gem/retrying-runner';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { makeState, testClock, TOKENS, type TestClock } from './gem-fixture';

let server: RunningGemStandIn;
let clock: TestClock;

beforeEach(async () => {
  clock = testClock();
  server = await startGemStandIn({ state: makeState(clock), rateLimitPerSecond: null });
});
afterEach(async () => {
  await server.close();
});

function put(path: string, body: unknown, key: string | undefined, token: string = TOKENS.engineer) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  return fetch(`${server.url}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
}

async function caught(promise: Promise<unknown>): Promise<GemApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GemApiError);
  return error as GemApiError;
}

describe('Idempotency-Key', () => {
  const path = '/teams/team_acme/roles/recruiter-plus/workos-sync';

  it('replays the first answer for the same key and body, even after the state moved on', async () => {
    const first = await put(path, { status: 'in_progress' }, 'k1');
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    expect(await (await put(path, { status: 'pending' }, 'k2')).json()).toMatchObject({
      workos_sync: { status: 'pending' },
    });
    // Same body with other key order and spacing is the same request.
    const replay = await fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${TOKENS.engineer}`,
        'Idempotency-Key': 'k1',
        'Content-Type': 'application/json',
      },
      body: '{ "status" : "in_progress" }',
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(firstBody);
    expect(server.state.getRole('team_acme', 'recruiter-plus')?.workos_sync.status).toBe('pending');
  });

  it('replays refusals too, and refuses the key with a different body (409 idempotency_key_reused)', async () => {
    const refused = await put(path, { status: 'synced' }, 'k3');
    expect(refused.status).toBe(409);
    expect((await put(path, { status: 'synced' }, 'k3')).status).toBe(409);
    const reused = await put(path, { status: 'in_progress' }, 'k3');
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.engineer });
    const error = await caught(
      client.setRoleWorkosSync(
        'team_acme',
        'recruiter-plus',
        { status: 'pending' },
        { idempotencyKey: 'k3' },
      ),
    );
    expect(error).toMatchObject({ code: 'conflict', gemCode: 'idempotency_key_reused' });
  });

  it('forgets a key after 24 hours, and scopes keys per token', async () => {
    await put(path, { status: 'in_progress' }, 'k4');
    await put(path, { status: 'pending' }, 'k5');
    clock.advance(24 * 60 * 60 * 1000);
    const fresh = await put(path, { status: 'in_progress' }, 'k4');
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(server.state.getRole('team_acme', 'recruiter-plus')?.workos_sync).toMatchObject({
      status: 'in_progress',
      claimed_by: 'eli@gem.com',
    });
    // Fay's k4 is her own key: her claim attempt runs (and meets Eli's claim).
    const fay = await put(path, { status: 'in_progress' }, 'k4', TOKENS.engineer2);
    expect(await fay.json()).toMatchObject({
      error: { code: 'claimed_by_other', details: { claimed_by: 'eli@gem.com' } },
    });
  });

  it('the client sends a fresh Idempotency-Key on every PUT and none on GET', async () => {
    const seen: { method: string; key: string | null }[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({ method: init?.method ?? 'GET', key: new Headers(init?.headers).get('idempotency-key') });
      return fetch(input, init);
    };
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm, fetch: spy });
    await client.setScimModule('team_cobalt', true);
    await client.linkWorkosOrganization('team_cobalt', 'org_cobalt');
    await client.getTeam('team_cobalt');
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT', 'GET']);
    expect(seen[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.key).not.toBe(seen[1]?.key);
    expect(seen[2]?.key).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limited with Retry-After past the per-token limit, per token', async () => {
    server.setRateLimit(5);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } }),
      ),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(3);
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]?.json()).toMatchObject({ error: { code: 'rate_limited' } });

    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm });
    const error = await caught(client.me());
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryable: true, retryAfterMs: 1000 });
    // Another token has its own budget.
    expect((await createGemHttpClient({ baseUrl: server.url, token: TOKENS.engineer }).me()).email).toBe(
      'eli@gem.com',
    );
  });

  it('defaults to 20 requests per second and can be switched off through the control API', async () => {
    const limited = await startGemStandIn({ state: server.state });
    try {
      const statuses = await Promise.all(
        Array.from(
          { length: 22 },
          async () =>
            (await fetch(`${limited.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } })).status,
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      const off = await fetch(`${limited.origin}/_sandbox/gem/rate-limit`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${TOKENS.csm}` },
        body: JSON.stringify({ per_second: null }),
      });
      expect(off.status).toBe(200);
      const after = await Promise.all(
        Array.from(
          { length: 30 },
          async () =>
            (await fetch(`${limited.url}/me`, { headers: { Authorization: `Bearer ${TOKENS.csm}` } })).status,
        ),
      );
      expect(after.every((s) => s === 200)).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

describe('faults surface as the right AppError', () => {
  const client = (options: { timeoutMs?: number } = {}) =>
    createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm, ...options });

  it('injected 429: rate_limited, retryable, with Retry-After and a Gem error body', async () => {
    server.setFaults({ 'GET /teams/:team_id': { status429Share: 1, retryAfterSeconds: 3 } });
    const error = await caught(client().getTeam('team_acme'));
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      gemCode: 'rate_limited',
      retryable: true,
      retryAfterMs: 3000,
    });
    expect(error.message).toContain('get team team_acme');
    // Other routes are untouched.
    expect((await client().me()).id).toBe('staff_dana');
    expect(server.stats().faults.injected429).toBe(1);
  });

  it('injected 5xx: internal, retryable', async () => {
    server.setFaults({ '/me': { status5xxShare: 1 } });
    const error = await caught(client().me());
    expect(error.code).toBe('internal');
    expect(error.retryable).toBe(true);
    expect([500, 502, 503]).toContain(error.status);
    expect(error.gemCode).toBe('internal');
  });

  it('latency beyond the timeout: offline, retryable', async () => {
    server.setFaults({ '*': { latencyMs: 400 } });
    const error = await caught(client({ timeoutMs: 100 }).me());
    expect(error).toMatchObject({ code: 'offline', retryable: true });
    expect(error.message).toContain('in time');
    expect((await client({ timeoutMs: 2000 }).me()).id).toBe('staff_dana');
  });

  it('connection reset mid-body: internal, retryable', async () => {
    server.setFaults({ 'GET /teams': { resetShare: 1 } });
    const error = await caught(client().listTeams());
    expect(error).toMatchObject({ code: 'internal', retryable: true, status: null });
    expect(error.message).toMatch(/connection to Gem broke/);
  });

  it('malformed JSON and a wrong content type: internal, retryable, naming Gem and the call', async () => {
    server.setFaults({ 'GET /teams/:team_id/roles': { malformedShare: 1 } });
    const malformed = await caught(client().listRoles('team_acme'));
    expect(malformed).toMatchObject({ code: 'internal', retryable: true, status: 200 });
    expect(malformed.message).toContain('Gem sent a malformed response to list roles of team team_acme');

    server.setFaults({ 'GET /teams/:team_id/roles': { wrongContentTypeShare: 1 } });
    const wrongType = await caught(client().listRoles('team_acme'));
    expect(wrongType).toMatchObject({ code: 'internal', retryable: true });
    expect(wrongType.message).toContain('text/html');
  });

  it('a body that parses but breaks the contract: internal, retryable', async () => {
    const lying: typeof fetch = async () =>
      new Response(JSON.stringify({ id: 'staff_x', email: 'x@gem.com' }), {
        headers: { 'Content-Type': 'application/json' },
      });
    const error = await caught(
      createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm, fetch: lying }).me(),
    );
    expect(error).toMatchObject({ code: 'internal', retryable: true });
    expect(error.message).toMatch(/does not match the contract \(name: .*capabilities/);
  });

  it('nobody listening: offline, retryable', async () => {
    const gone = await startGemStandIn({ state: server.state });
    const url = gone.url;
    await gone.close();
    const error = await caught(createGemHttpClient({ baseUrl: url, token: TOKENS.csm }).me());
    expect(error).toMatchObject({ code: 'offline', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('the retrying runner rides out 5xx and 429 (honouring Retry-After) through the one seam', async () => {
    server.setFaults({
      'GET /teams': { status5xxShare: 0.5 },
      'GET /me': { status429Share: 1, retryAfterSeconds: 2 },
    });
    const sleeps: number[] = [];
    const runner = createRetryingGemRunner({
      policy: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 2, sleep: async (ms) => void sleeps.push(ms) },
    });
    const retrying = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm, runner });
    for (let i = 0; i < 5; i += 1) expect((await retrying.listTeams()).data).toHaveLength(3);
    expect(server.stats().faults.injected5xx).toBeGreaterThan(0);

    const exhausted = await retrying.me().catch((e: unknown) => e);
    expect(exhausted).toBeInstanceOf(AppError);
    expect(exhausted).toMatchObject({ code: 'rate_limited', retryable: true });
    expect((exhausted as AppError).message).toContain('Gem');
    expect(sleeps.filter((ms) => ms === 2000)).toHaveLength(9);
  });
});
