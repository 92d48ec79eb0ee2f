/**
 * The real clients of a sync test (SDK 8.13 + pacing + retries for WorkOS; fetch + pacing + retries for Gem) and an
 * engine over a real store. No vitest import: the crash test's child process bundles this file.
 */
import {
  classifyGemError,
  createGemHttpClient,
  GEM_RATE_LIMIT_RULE,
  GEM_SERVICE,
  GemApiError,
  type GemCallRunner,
} from '../../../main/core/gem';
import { RateLimiter, rulesByPrefix } from '../../../main/core/net/rate-limiter';
import { withRetry, type RetryPolicy } from '../../../main/core/net/retry';
import { openStore, type Store } from '../../../main/core/store';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../../main/core/sync';
import { createWorkosClient } from '../../../main/core/workos/client';
import { createWorkosRateLimiter } from '../../../main/core/workos/rate-limits';

export const WORKOS_KEY = 'sk_test_sync_world';
export const GEM_TOKEN = 'tok_sync_world_csm';

export const FAST_RETRIES: RetryPolicy = { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 200 };

export interface EngineHandle {
  engine: SyncEngine;
  store: Store;
  workosRequests(): number;
  gemRequests(): number;
}

export function makeEngine(
  world: { workosUrl: string; gemUrl: string },
  storeFile: string,
  options: Partial<SyncEngineOptions> & { retryPolicy?: RetryPolicy } = {},
): EngineHandle {
  const store = openStore(storeFile);
  const retryPolicy = options.retryPolicy ?? FAST_RETRIES;
  const workos = createWorkosClient({
    apiKey: WORKOS_KEY,
    baseUrl: world.workosUrl,
    limiter: createWorkosRateLimiter(),
    retryPolicy,
  });
  let gemAttempts = 0;
  const counting = pacedGemRunner(retryPolicy, () => {
    gemAttempts += 1;
  });
  const gem = createGemHttpClient({ baseUrl: world.gemUrl, token: GEM_TOKEN, runner: counting });
  const engine = createSyncEngine({ store, workos, gem, ...options });
  return {
    engine,
    store,
    workosRequests: () => Object.values(workos.requestCounts()).reduce((a, b) => a + b, 0),
    gemRequests: () => gemAttempts,
  };
}

/**
 * Gem calls paced (20/s) and retried like createRetryingGemRunner, but through `limiter.schedule`, which also
 * reports each answer: createRetryingGemRunner discards the permit of `acquire`, so after 20 calls every slot looks
 * in flight forever and the 21st call waits for ever (reported to the lead).
 */
export function pacedGemRunner(policy: RetryPolicy, onAttempt: () => void): GemCallRunner {
  const limiter = new RateLimiter({ ruleFor: rulesByPrefix({ 'gem:': GEM_RATE_LIMIT_RULE }) });
  const bucket = 'gem:test';
  return (call, attempt) =>
    withRetry(
      () =>
        limiter.schedule([bucket], async () => {
          onAttempt();
          try {
            return await attempt();
          } catch (error) {
            if (error instanceof GemApiError && error.retryAfterMs !== null)
              limiter.pauseFor(bucket, error.retryAfterMs);
            throw error;
          }
        }),
      policy,
      {
        service: GEM_SERVICE,
        operation: call.operation,
        method: call.method,
        ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
        classify: classifyGemError,
      },
    );
}
