import { type RateLimitRule, SlidingWindowRateLimiter } from '../http/rate-limiter';

export interface RateRuleConfig {
  limit?: number;
  windowMs?: number;
  enabled?: boolean;
}

/** Rate limits of the stand-in (contract §6.4); each can be tuned or switched off, `enabled` switches all. */
export interface WorkosRateLimitConfig {
  enabled?: boolean;
  /** `/directory_users`: 4 requests per second per directory by default. */
  directoryUsers?: RateRuleConfig;
  /** Every public request: 100 per second per API key by default. */
  perKey?: RateRuleConfig;
}

const DEFAULT_DIRECTORY_USERS: RateLimitRule = { limit: 4, windowMs: 1_000 };
const DEFAULT_PER_KEY: RateLimitRule = { limit: 100, windowMs: 1_000 };

export class WorkosRateLimiters {
  readonly directoryUsers: SlidingWindowRateLimiter;
  readonly perKey: SlidingWindowRateLimiter;

  constructor(config: WorkosRateLimitConfig = {}, now: () => number = Date.now) {
    this.directoryUsers = new SlidingWindowRateLimiter(DEFAULT_DIRECTORY_USERS, { now });
    this.perKey = new SlidingWindowRateLimiter(DEFAULT_PER_KEY, { now });
    this.configure(config);
  }

  configure(config: WorkosRateLimitConfig): void {
    apply(this.directoryUsers, config.directoryUsers, config.enabled);
    apply(this.perKey, config.perKey, config.enabled);
  }

  snapshot() {
    return {
      directoryUsers: { ...this.directoryUsers.config, enabled: this.directoryUsers.enabled },
      perKey: { ...this.perKey.config, enabled: this.perKey.enabled },
    };
  }
}

function apply(
  limiter: SlidingWindowRateLimiter,
  rule: RateRuleConfig | undefined,
  allEnabled: boolean | undefined,
): void {
  if (rule?.limit !== undefined || rule?.windowMs !== undefined) {
    const current = limiter.config;
    limiter.configure({ limit: rule.limit ?? current.limit, windowMs: rule.windowMs ?? current.windowMs });
  }
  if (allEnabled !== undefined) limiter.enabled = allEnabled;
  if (rule?.enabled !== undefined) limiter.enabled = rule.enabled;
}
