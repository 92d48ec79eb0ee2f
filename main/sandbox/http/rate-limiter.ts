/**
 * Sliding-window rate limiter: at most `limit` requests per `windowMs` per key. Used by the stand-ins to behave like
 * WorkOS (4 req/s per directory on /directory_users, a per-key overall cap) and Gem. Can be switched off.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class SlidingWindowRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private rule: RateLimitRule;
  enabled: boolean;

  constructor(rule: RateLimitRule, options: { enabled?: boolean; now?: () => number } = {}) {
    this.rule = { ...rule };
    this.enabled = options.enabled ?? true;
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  get config(): RateLimitRule {
    return { ...this.rule };
  }

  configure(rule: RateLimitRule): void {
    this.rule = { ...rule };
    this.hits.clear();
  }

  reset(): void {
    this.hits.clear();
  }

  /** Counts the request when allowed; a refused request does not consume capacity. */
  check(key: string): RateLimitVerdict {
    if (!this.enabled) return { allowed: true };
    const now = this.now();
    const windowStart = now - this.rule.windowMs;
    let stamps = this.hits.get(key);
    if (stamps === undefined) {
      stamps = [];
      this.hits.set(key, stamps);
    }
    let expired = 0;
    while (expired < stamps.length && (stamps[expired] as number) <= windowStart) expired += 1;
    if (expired > 0) stamps.splice(0, expired);
    if (stamps.length < this.rule.limit) {
      stamps.push(now);
      return { allowed: true };
    }
    const oldest = stamps[0] as number;
    const waitMs = oldest + this.rule.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
