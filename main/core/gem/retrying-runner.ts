/**
 * The retry/pacing wrapper for the Gem client (one place for every request): paces each attempt through the
 * core's RateLimiter (Gem allows 20 requests/s per token), retries retryable failures with net/retry's policy
 * (Retry-After on 429, full-jitter backoff on 5xx/resets/malformed bodies), and pauses the bucket on a 429 so
 * concurrent calls wait too.
 */
import type { RateLimiter } from '../net/rate-limiter';
import { withRetry, type RetryPolicy } from '../net/retry';
import { classifyGemError, GEM_SERVICE, GemApiError } from './errors';
import type { GemCallRunner } from './http-client';

export const GEM_RATE_LIMIT_RULE = { limit: 20, windowMs: 1000 } as const;

export const DEFAULT_GEM_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

export interface RetryingGemRunnerOptions {
  policy?: RetryPolicy;
  /** Paces attempts; its rule for `bucket` should be GEM_RATE_LIMIT_RULE (or the profile's own). */
  limiter?: RateLimiter;
  /** The limiter bucket of this token, e.g. `gem:<profileId>`. */
  bucket?: string;
}

export function createRetryingGemRunner(options: RetryingGemRunnerOptions = {}): GemCallRunner {
  const policy = options.policy ?? DEFAULT_GEM_RETRY_POLICY;
  const { limiter, bucket } = options;
  return (call, attempt) =>
    withRetry(
      async () => {
        // The permit is released when the answer (or failure) arrives: the limiter counts from then.
        const permit = limiter !== undefined && bucket !== undefined ? await limiter.acquire([bucket]) : null;
        try {
          return await attempt();
        } catch (error) {
          if (
            limiter !== undefined &&
            bucket !== undefined &&
            error instanceof GemApiError &&
            error.retryAfterMs !== null
          ) {
            limiter.pauseFor(bucket, error.retryAfterMs);
          }
          throw error;
        } finally {
          permit?.done();
        }
      },
      policy,
      {
        service: GEM_SERVICE,
        operation: call.operation,
        method: call.method,
        idempotencyKey: call.idempotencyKey,
        classify: classifyGemError,
      },
    );
}
