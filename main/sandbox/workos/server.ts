import { createDispatcher, type Middleware } from '../http/dispatcher';
import { type FaultConfig, FaultInjector } from '../http/faults';
import { jsonResult, rateLimitedResult } from '../http/result';
import type { RequestContext } from '../http/router';
import { Router } from '../http/router';
import { startHttpServer } from '../http/server';
import { type HttpStats, RequestStats } from '../http/stats';
import { sandboxErrorResult } from './http-errors';
import { IdempotencyStore } from './idempotency';
import { PortalLinks } from './portal-links';
import { type WorkosRateLimitConfig, WorkosRateLimiters } from './rate-limits';
import { apiKeyOf, type WorkosRouteDeps } from './route-deps';
import { addAuthorizationRoutes } from './routes-authorization';
import { addControlRoutes, CONTROL_PREFIX } from './routes-control';
import { addDirectorySyncRoutes } from './routes-directory-sync';
import { addEventRoutes } from './routes-events';
import { addOrganizationRoutes } from './routes-organizations';
import type { WorkosState } from './state';

export interface WorkosStandInOptions {
  state: WorkosState;
  /** Accepted bearer keys (`Authorization: Bearer <key>`). */
  apiKeys: readonly string[];
  port?: number;
  rateLimits?: WorkosRateLimitConfig;
  /** Route pattern (e.g. `/directory_users`, `GET /events`, `*`) → faults. */
  faults?: Record<string, FaultConfig>;
  /** Seed of the fault PRNG (deterministic faults). */
  faultSeed?: number;
}

export interface WorkosStandIn {
  url: string;
  port: number;
  state: WorkosState;
  close(): Promise<void>;
  /** Replaces every fault config (and restarts the fault PRNG streams). */
  setFaults(faults: Record<string, FaultConfig>): void;
  setRateLimits(config: WorkosRateLimitConfig): void;
  /** Counts of the public API by route and status (the control API is not counted). */
  stats(): HttpStats;
  resetStats(): void;
}

/** Paths that a browser opens without the API key. */
const UNAUTHENTICATED = new Set(['/portal/launch']);

/** Starts the local WorkOS stand-in on 127.0.0.1 with the contract's public API and the private control API. */
export async function startWorkosStandIn(options: WorkosStandInOptions): Promise<WorkosStandIn> {
  const { state } = options;
  const apiKeys = new Set(options.apiKeys);
  const faults = new FaultInjector(options.faultSeed ?? 1);
  if (options.faults) faults.replaceAll(options.faults);
  const stats = new RequestStats();
  const rateLimits = new WorkosRateLimiters(options.rateLimits, state.now);
  let baseUrl = '';

  const requireKey: Middleware = (ctx) => {
    if (UNAUTHENTICATED.has(ctx.path)) return undefined;
    return apiKeys.has(apiKeyOf(ctx)) && /^Bearer\s/i.test(ctx.header('authorization') ?? '')
      ? undefined
      : jsonResult(401, { message: 'Unauthorized' });
  };

  const limitRate: Middleware = (ctx) => {
    if (UNAUTHENTICATED.has(ctx.path)) return undefined;
    const perKey = rateLimits.perKey.check(apiKeyOf(ctx));
    if (!perKey.allowed) return rateLimitedResult(perKey.retryAfterSeconds);
    const directoryId = directoryOfUsersRequest(ctx, state);
    if (directoryId !== undefined) {
      const perDirectory = rateLimits.directoryUsers.check(directoryId);
      if (!perDirectory.allowed) return rateLimitedResult(perDirectory.retryAfterSeconds);
    }
    return undefined;
  };

  const deps: WorkosRouteDeps = {
    state,
    portal: new PortalLinks(state.now),
    idempotency: new IdempotencyStore(state.now),
    baseUrl: () => baseUrl,
  };
  const publicRouter = new Router();
  addDirectorySyncRoutes(publicRouter, deps);
  addEventRoutes(publicRouter, deps);
  addOrganizationRoutes(publicRouter, deps);
  addAuthorizationRoutes(publicRouter, deps);
  const notFound = (ctx: RequestContext) =>
    jsonResult(404, {
      message: `The requested path '${ctx.path}' could not be found.`,
      code: 'entity_not_found',
    });
  const publicApi = createDispatcher(publicRouter, {
    faults,
    stats,
    middleware: [requireKey, limitRate],
    notFound,
    onError: sandboxErrorResult,
  });

  const controlRouter = new Router();
  addControlRoutes(controlRouter, { state, faults, stats, rateLimits });
  const controlApi = createDispatcher(controlRouter, {
    middleware: [requireKey],
    notFound,
    onError: sandboxErrorResult,
  });

  const server = await startHttpServer(
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) controlApi.handle(req, res);
      else publicApi.handle(req, res);
    },
    { port: options.port },
  );
  baseUrl = server.url;

  return {
    url: server.url,
    port: server.port,
    state,
    close: server.close,
    setFaults: (config) => faults.replaceAll(config),
    setRateLimits: (config) => rateLimits.configure(config),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}

/** The directory a `/directory_users` request counts against (4 req/s per directory); a `group` filter counts for its directory. */
function directoryOfUsersRequest(ctx: RequestContext, state: WorkosState): string | undefined {
  if (ctx.route === '/directory_users') {
    const directory = ctx.query.get('directory');
    if (directory !== undefined) return directory;
    const group = ctx.query.get('group');
    return group === undefined ? undefined : (state.groups.get(group)?.directoryId ?? group);
  }
  if (ctx.route === '/directory_users/:id') return state.users.get(ctx.params.id ?? '')?.directoryId;
  return undefined;
}
