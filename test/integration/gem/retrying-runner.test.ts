/** The retry/pacing seam with the core's RateLimiter: paced calls stay under Gem's per-token limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { createRetryingGemRunner } from '../../../main/core/gem/retrying-runner';
import { RateLimiter } from '../../../main/core/net/rate-limiter';
import { startGemStandIn, type RunningGemStandIn } from '../../../main/sandbox/gem/server';
import { makeState, TOKENS } from './gem-fixture';

let server: RunningGemStandIn;

beforeAll(async () => {
  server = await startGemStandIn({ state: makeState(), rateLimitPerSecond: 5 });
});
afterAll(async () => {
  await server.close();
});

describe('createRetryingGemRunner with a RateLimiter', () => {
  it('paces 12 concurrent calls under a 5/s limit without a single 429', async () => {
    const limiter = new RateLimiter({ ruleFor: () => ({ limit: 5, windowMs: 1000 }) });
    const runner = createRetryingGemRunner({ limiter, bucket: 'gem:test' });
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.csm, runner });
    server.resetStats();
    const started = Date.now();
    const teams = await Promise.all(Array.from({ length: 12 }, () => client.getTeam('team_acme')));
    const elapsed = Date.now() - started;
    expect(teams.every((t) => t.id === 'team_acme')).toBe(true);
    expect(server.stats().byStatus['429']).toBeUndefined();
    // 12 calls at 5 per (1000 + margin) ms need a little over two seconds.
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('without pacing the same burst meets 429s, which the runner retries after Retry-After', async () => {
    const sleeps: number[] = [];
    const runner = createRetryingGemRunner({
      policy: {
        maxAttempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 1,
        sleep: (ms) => {
          sleeps.push(ms);
          return new Promise((resolve) => setTimeout(resolve, ms));
        },
      },
    });
    const client = createGemHttpClient({ baseUrl: server.url, token: TOKENS.engineer, runner });
    server.resetStats();
    const teams = await Promise.all(Array.from({ length: 8 }, () => client.getTeam('team_beta')));
    expect(teams).toHaveLength(8);
    expect(server.stats().byStatus['429']).toBe(3);
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });
});
