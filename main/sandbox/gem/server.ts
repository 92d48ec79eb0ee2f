/**
 * The local Gem admin API stand-in: the contract's calls under a path prefix (default `/admin/v0`), the control API
 * under `/_sandbox/gem/`, fault injection, a per-token rate limit and request stats, over loopback HTTP.
 */
import {
  createDispatcher,
  jsonResult,
  RequestStats,
  Router,
  SlidingWindowRateLimiter,
  startHttpServer,
  type FaultConfig,
  type HttpStats,
} from '../http';
import { registerGemApiRoutes } from './api-routes';
import { CONTROL_PREFIX, registerGemControlRoutes } from './control-routes';
import { CursorCodec } from './cursor';
import { GemFaults } from './gem-faults';
import { IdempotencyStore } from './idempotency';
import type { GemState } from './state';
import { errorBody } from './wire';

export const DEFAULT_GEM_PREFIX = '/admin/v0';
export const DEFAULT_GEM_RATE_LIMIT_PER_SECOND = 20;

export interface GemStandInOptions {
  state: GemState;
  /** 0 or absent: a random free port. */
  port?: number;
  /** Path prefix of the admin API; '' serves it at the root. */
  prefix?: string;
  /** Requests per second per token; null or 0 switches the limit off. Default 20. */
  rateLimitPerSecond?: number | null;
  /** Initial faults; keys are `*`, `pattern` or `METHOD pattern` with patterns relative to the prefix. */
  faults?: Record<string, FaultConfig>;
  /** Seed of the fault PRNG. */
  faultSeed?: number;
  /** HMAC secret of the pagination cursors; random per server by default. */
  cursorSecret?: string;
}

export interface RunningGemStandIn {
  /** Base URL of the admin API, prefix included (what a console profile stores). */
  url: string;
  /** `http://127.0.0.1:<port>`: where the control API lives (`/_sandbox/gem/…`). */
  origin: string;
  port: number;
  prefix: string;
  state: GemState;
  close(): Promise<void>;
  setFaults(configs: Record<string, FaultConfig>): void;
  setRateLimit(perSecond: number | null): void;
  stats(): HttpStats;
  resetStats(): void;
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export async function startGemStandIn(options: GemStandInOptions): Promise<RunningGemStandIn> {
  const { state } = options;
  const prefix = normalizePrefix(options.prefix ?? DEFAULT_GEM_PREFIX);
  const stats = new RequestStats();
  const faults = new GemFaults(options.faultSeed ?? 1, (key) => {
    // `GET /teams/:team_id` → `GET /admin/v0/teams/:team_id`; control routes and full patterns stay as given.
    const [method, pattern] = key.includes(' ') ? (key.split(' ', 2) as [string, string]) : [undefined, key];
    const full =
      pattern.startsWith(CONTROL_PREFIX) || (prefix !== '' && pattern.startsWith(`${prefix}/`))
        ? pattern
        : `${prefix}${pattern}`;
    return method === undefined ? full : `${method.toUpperCase()} ${full}`;
  });
  const limiter = new SlidingWindowRateLimiter({ limit: DEFAULT_GEM_RATE_LIMIT_PER_SECOND, windowMs: 1000 });
  const setRateLimit = (perSecond: number | null) => {
    if (perSecond === null || perSecond <= 0) {
      limiter.enabled = false;
      return;
    }
    limiter.enabled = true;
    limiter.configure({ limit: perSecond, windowMs: 1000 });
  };
  setRateLimit(
    options.rateLimitPerSecond === undefined ? DEFAULT_GEM_RATE_LIMIT_PER_SECOND : options.rateLimitPerSecond,
  );
  faults.set(options.faults ?? {});

  const router = new Router();
  const idempotency = new IdempotencyStore(() => state.now().getTime());
  registerGemApiRoutes(router, prefix, {
    state,
    limiter,
    idempotency,
    cursors: new CursorCodec(options.cursorSecret),
  });
  registerGemControlRoutes(router, {
    state,
    setFaults: (configs) => faults.set(configs),
    faults: () => faults.snapshot(),
    setRateLimit,
    stats: () => stats.snapshot(),
  });

  const dispatcher = createDispatcher(router, {
    faults: faults.transport,
    stats,
    middleware: [(ctx) => faults.injectedStatus(ctx.method, ctx.route, stats)],
    notFound: (ctx) =>
      jsonResult(404, errorBody('not_found', `No Gem admin API call ${ctx.method} ${ctx.path}`)),
    onError: () => jsonResult(500, errorBody('internal', 'The Gem stand-in failed to handle the request')),
  });
  const server = await startHttpServer(dispatcher.handle, { port: options.port ?? 0 });
  return {
    url: `${server.url}${prefix}`,
    origin: server.url,
    port: server.port,
    prefix,
    state,
    close: () => server.close(),
    setFaults: (configs) => faults.set(configs),
    setRateLimit,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}
