/**
 * The API clients a benchmark syncs with: the session's (main/core/session/api-clients.ts: createApiClients) built
 * the same way here, so that the benchmark can time the WorkOS client's HTTP calls (`fetchFn`).
 * `workos-limits`: the WorkOS limiter of createWorkosRateLimiter (4/s per directory on /directory_users with a
 * 25 ms margin, 100/s per key). `unpaced`: a limiter whose rules never bind (a million requests per second per
 * bucket) — the product has no switch for a server without limits (createWorkosRateLimiter takes no rules).
 * Retries (SYNC_RETRY_POLICY) and the Gem side (20/s limiter) are the session's in both.
 */
import { SYNC_RETRY_POLICY, type ApiClients } from '../../../main/core/session/api-clients';
import type { ServiceEndpoints } from '../../../main/core/session/sandbox-runtime';
import { createGemHttpClient } from '../../../main/core/gem/http-client';
import { createRetryingGemRunner, GEM_RATE_LIMIT_RULE } from '../../../main/core/gem/retrying-runner';
import { RateLimiter } from '../../../main/core/net/rate-limiter';
import { createWorkosClient } from '../../../main/core/workos/client';
import { createWorkosRateLimiter } from '../../../main/core/workos/rate-limits';

export type WorkosPacing = 'workos-limits' | 'unpaced';

const NEVER_BINDING = { limit: 1_000_000, windowMs: 1_000 };

export function createBenchClients(
  endpoints: ServiceEndpoints,
  pacing: WorkosPacing,
  workosFetch?: typeof fetch,
): ApiClients {
  const workos = createWorkosClient({
    apiKey: endpoints.workos.apiKey,
    baseUrl: endpoints.workos.baseUrl,
    limiter:
      pacing === 'workos-limits'
        ? createWorkosRateLimiter()
        : new RateLimiter({ ruleFor: () => NEVER_BINDING, safetyMarginMs: 0, holdFrom: 'send' }),
    retryPolicy: SYNC_RETRY_POLICY,
    ...(workosFetch === undefined ? {} : { fetchFn: workosFetch }),
  });
  const gem = createGemHttpClient({
    baseUrl: endpoints.gem.baseUrl,
    token: endpoints.gem.token,
    runner: createRetryingGemRunner({
      policy: SYNC_RETRY_POLICY,
      limiter: new RateLimiter({ ruleFor: () => GEM_RATE_LIMIT_RULE, holdFrom: 'send', safetyMarginMs: 25 }),
      bucket: 'gem:token',
    }),
  });
  return { workos, gem };
}
