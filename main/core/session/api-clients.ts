/** The WorkOS and Gem clients of a session, paced and retried, built from the session's endpoints. */
import { createGemHttpClient } from '../gem/http-client';
import type { GemAdminClient } from '../gem/client';
import { createRetryingGemRunner, GEM_RATE_LIMIT_RULE } from '../gem/retrying-runner';
import { RateLimiter } from '../net/rate-limiter';
import type { RetryPolicy } from '../net/retry';
import { createWorkosClient } from '../workos/client';
import type { WorkosClient } from '../workos/client';
import { createWorkosRateLimiter } from '../workos/rate-limits';
import type { ServiceEndpoints } from './sandbox-runtime';

export interface ApiClients {
  workos: WorkosClient;
  gem: GemAdminClient;
}

/** 1 + 5 retries, 250 ms base, 8 s cap: survives a few seconds of 5xx or resets before reporting. */
export const SYNC_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };
const GEM_BUCKET = 'gem:token';

export function createApiClients(endpoints: ServiceEndpoints): ApiClients {
  const workos = createWorkosClient({
    apiKey: endpoints.workos.apiKey,
    baseUrl: endpoints.workos.baseUrl,
    limiter: createWorkosRateLimiter(),
    retryPolicy: SYNC_RETRY_POLICY,
  });
  const gemLimiter = new RateLimiter({
    ruleFor: () => GEM_RATE_LIMIT_RULE,
    holdFrom: 'send',
    safetyMarginMs: 25,
  });
  const gem = createGemHttpClient({
    baseUrl: endpoints.gem.baseUrl,
    token: endpoints.gem.token,
    runner: createRetryingGemRunner({ policy: SYNC_RETRY_POLICY, limiter: gemLimiter, bucket: GEM_BUCKET }),
  });
  return { workos, gem };
}
