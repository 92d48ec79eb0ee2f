/**
 * Fault injection with Gem-shaped error bodies. The shared dispatcher (../http) answers injected 429/5xx with
 * WorkOS-shaped bodies, so the Gem stand-in splits each route's FaultConfig in two:
 * - latency, resets, malformed bodies and wrong content types go to the dispatcher's injector as usual;
 * - 429 and 5xx shares go to a second FaultInjector this module consults first in the middleware, answering
 *   `{"error": {"code": "rate_limited" | "internal", …}}` (with Retry-After on 429).
 * Both are the shared FaultInjector, so the seeded PRNG behaviour is the same one.
 */
import {
  ALL_ROUTES,
  FaultInjector,
  jsonResult,
  type FaultConfig,
  type HttpResult,
  type RequestStats,
} from '../http';
import { errorBody } from './wire';

export class GemFaults {
  /** Handed to the dispatcher: every fault but the status replacements. */
  readonly transport: FaultInjector;
  private readonly statuses: FaultInjector;
  private current: Record<string, FaultConfig> = {};

  constructor(
    seed: number,
    /** Turns a route key relative to the API prefix (`GET /teams/:team_id`) into the router's full pattern. */
    private readonly resolveRouteKey: (key: string) => string,
  ) {
    this.transport = new FaultInjector(seed);
    this.statuses = new FaultInjector(seed);
  }

  /** Replaces every route's faults; keys are `*`, `pattern` or `METHOD pattern`, patterns relative to the prefix. */
  set(configs: Record<string, FaultConfig>): void {
    this.current = structuredClone(configs);
    const transport: Record<string, FaultConfig> = {};
    const statuses: Record<string, FaultConfig> = {};
    for (const [key, config] of Object.entries(configs)) {
      const full = key === ALL_ROUTES ? key : this.resolveRouteKey(key);
      const { status429Share, status5xxShare, retryAfterSeconds, ...rest } = config;
      transport[full] = rest;
      statuses[full] = { status429Share, status5xxShare, retryAfterSeconds };
    }
    this.transport.replaceAll(transport);
    this.statuses.replaceAll(statuses);
  }

  snapshot(): Record<string, FaultConfig> {
    return structuredClone(this.current);
  }

  /** An injected 429/5xx for this request, or undefined. */
  injectedStatus(method: string, route: string, stats: RequestStats): HttpResult | undefined {
    const decision = this.statuses.decide(method, route);
    if (decision.replaceStatus === 429) {
      stats.recordFault('injected429');
      const seconds = Math.max(1, Math.ceil(decision.retryAfterSeconds));
      return jsonResult(429, errorBody('rate_limited', 'Too many requests (injected fault)'), {
        'Retry-After': String(seconds),
      });
    }
    if (decision.replaceStatus !== undefined) {
      stats.recordFault('injected5xx');
      return jsonResult(
        decision.replaceStatus,
        errorBody('internal', `Gem stand-in answered ${decision.replaceStatus} (injected fault)`),
      );
    }
    return undefined;
  }
}
