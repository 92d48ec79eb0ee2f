import type { Clock } from '../net/clock';
import { RateLimiter, rulesByPrefix } from '../net/rate-limiter';

/**
 * WorkOS's published limits (api-contract §6.4): 6,000 requests / 60 s per API key — paced here as an even
 * 100/s — and 4 requests/s per directory on /directory_users.
 */
export const WORKOS_KEY_BUCKET = 'workos:key';
const DIRECTORY_BUCKET_PREFIX = 'workos:dir:';

export function workosDirectoryBucket(directoryId: string): string {
  return `${DIRECTORY_BUCKET_PREFIX}${directoryId}`;
}

export const WORKOS_RATE_RULES = {
  [WORKOS_KEY_BUCKET]: { limit: 100, windowMs: 1000 },
  [DIRECTORY_BUCKET_PREFIX]: { limit: 4, windowMs: 1000 },
} as const;

/**
 * The margin the sync runs with: sends spaced (1000 + 25) / 4 ms apart keep a full sync within ~3% of the floor
 * the limits allow, while absorbing the usual jitter between our send and WorkOS's stamp.
 */
export const WORKOS_SYNC_SAFETY_MARGIN_MS = 25;

/**
 * One limiter per WorkOS API key, shared by every client and sync job using that key. By default requests count
 * from their send (full throughput; see RateLimiterOptions.holdFrom); `holdFrom: 'answer'` is the strict mode.
 */
export function createWorkosRateLimiter(
  options: { safetyMarginMs?: number; clock?: Clock; holdFrom?: 'answer' | 'send' } = {},
): RateLimiter {
  return new RateLimiter({
    ruleFor: rulesByPrefix(WORKOS_RATE_RULES),
    safetyMarginMs: WORKOS_SYNC_SAFETY_MARGIN_MS,
    holdFrom: 'send',
    ...options,
  });
}
