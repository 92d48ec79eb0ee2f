import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkosClient, type WorkosClient } from '../../../main/core/workos/client';
import { createWorkosRateLimiter } from '../../../main/core/workos/rate-limits';
import { FakeWorkosServer, listBody, userBody, type RecordedRequest } from './fake-workos-server';

// Pacing as the server sees it: assertions use the arrival times the server recorded, never the test's own timing.
const server = new FakeWorkosServer();

function client(safetyMarginMs?: number): WorkosClient {
  return createWorkosClient({
    apiKey: 'sk_test_pacing',
    baseUrl: server.baseUrl,
    // The strict mode: every window the server measures holds at most 4, whatever the delays on this busy machine.
    limiter: createWorkosRateLimiter({
      holdFrom: 'answer',
      ...(safetyMarginMs === undefined ? {} : { safetyMarginMs }),
    }),
    retryPolicy: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 },
  });
}

/** Most requests in any closed 1-second window [t, t + 1000] of arrival times. */
function maxPerSecond(requests: readonly RecordedRequest[]): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) < (times[i] ?? 0) - 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function ofDirectory(directory: string): RecordedRequest[] {
  return server.hits('GET /directory_users').filter((r) => r.query.get('directory') === directory);
}

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
  server.fallback('GET /directory_users', (req) => ({
    status: 200,
    body: listBody([
      userBody(`u_${server.requests.length}`, { directoryId: req.query.get('directory') ?? '' }),
    ]),
  }));
});

describe('WorkOS client: pacing against a local server', () => {
  it('20 user pages of one directory: never more than 4 in any second; another directory is not held back', async () => {
    const c = client();
    const burst = Array.from({ length: 20 }, () => c.listUsersPage({ directory: 'directory_1' }));
    const other = Array.from({ length: 4 }, () => c.listUsersPage({ directory: 'directory_2' }));
    await Promise.all([...burst, ...other]);

    const d1 = ofDirectory('directory_1');
    expect(d1).toHaveLength(20);
    expect(maxPerSecond(d1)).toBe(4);
    const span = Math.max(...d1.map((r) => r.at)) - Math.min(...d1.map((r) => r.at));
    expect(span).toBeGreaterThanOrEqual(4750);

    const d2 = ofDirectory('directory_2');
    expect(d2).toHaveLength(4);
    // directory_2's own budget starts fresh: its 4 requests arrive within its first second, not after directory_1's.
    const firstArrival = Math.min(...d1.map((r) => r.at));
    expect(Math.max(...d2.map((r) => r.at)) - firstArrival).toBeLessThan(1500);
    expect(c.requestCounts()).toEqual({ 'GET /directory_users': 24 });
  });

  it('a 429 with Retry-After holds every request of that directory until then', async () => {
    server.enqueue('GET /directory_users', {
      status: 429,
      body: { message: 'Rate limit exceeded', code: 'rate_limit_exceeded' },
      headers: { 'Retry-After': '1' },
    });
    // A wide margin (500 ms between sends) so that no second request is already on the wire when the 429 lands,
    // even on a loaded machine.
    const c = client(1000);
    await Promise.all(Array.from({ length: 6 }, () => c.listUsersPage({ directory: 'directory_1' })));
    const hits = ofDirectory('directory_1');
    const limited = hits[0];
    expect(limited).toBeDefined();
    // The first request got the 429; each one that reached the server after it did so no earlier than asked —
    // except those already on the wire when the 429 came back, which cannot be recalled.
    const afterAnswer = hits.slice(1).filter((r) => r.at > (limited?.answeredAt ?? 0) + 5);
    expect(afterAnswer.length).toBeGreaterThanOrEqual(5);
    for (const r of afterAnswer) expect(r.at - (limited?.answeredAt ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(hits).toHaveLength(7);
    expect(maxPerSecond(hits)).toBeLessThanOrEqual(4);
  });
});
