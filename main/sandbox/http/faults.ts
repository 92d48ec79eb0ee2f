import { createSeededRandom, hashString, type Random } from './prng';

/**
 * Per-route fault injection. Each share is a probability in [0, 1] drawn from a seeded PRNG (one stream per route
 * pattern), so a test that sends the same requests sees the same faults.
 */
export interface FaultConfig {
  /** Share of requests answered 429 before the handler runs. */
  status429Share?: number;
  /** Retry-After (seconds) sent with injected 429s; default 1. */
  retryAfterSeconds?: number;
  /** Share of requests answered 500/502/503 (picked uniformly) before the handler runs. */
  status5xxShare?: number;
  /** Delay added before handling, in milliseconds. */
  latencyMs?: number;
  /** Share of responses whose socket is destroyed after the headers and part of the body. */
  resetShare?: number;
  /** Share of responses whose JSON body is truncated (Content-Length matches the truncated body). */
  malformedShare?: number;
  /** Share of responses sent with Content-Type text/html instead of application/json. */
  wrongContentTypeShare?: number;
}

/** What the injector decided for one request, before and after the handler. */
export interface FaultDecision {
  latencyMs: number;
  /** Answer this status instead of running the handler (429 or 5xx), or undefined. */
  replaceStatus?: number;
  retryAfterSeconds: number;
  reset: boolean;
  malformed: boolean;
  wrongContentType: boolean;
}

/** The key matching every route; a route's own config wins over it. */
export const ALL_ROUTES = '*';

const SERVER_ERRORS = [500, 502, 503] as const;

export class FaultInjector {
  private readonly configs = new Map<string, FaultConfig>();
  private readonly streams = new Map<string, Random>();

  constructor(private readonly seed = 1) {}

  /** Sets (replaces) the faults of a route pattern (e.g. `/directory_users`, `GET /events`) or of `*`. */
  set(routeKey: string, config: FaultConfig): void {
    this.configs.set(routeKey, { ...config });
  }

  clear(routeKey?: string): void {
    if (routeKey === undefined) this.configs.clear();
    else this.configs.delete(routeKey);
  }

  /** Replaces every config at once; also restarts the PRNG streams so a test starts from a known point. */
  replaceAll(configs: Record<string, FaultConfig>): void {
    this.configs.clear();
    this.streams.clear();
    for (const [key, config] of Object.entries(configs)) this.set(key, config);
  }

  snapshot(): Record<string, FaultConfig> {
    return Object.fromEntries([...this.configs].map(([key, config]) => [key, { ...config }]));
  }

  /** The config that applies to a route: `METHOD pattern`, then `pattern`, then `*`. */
  configFor(method: string, pattern: string): FaultConfig | undefined {
    return (
      this.configs.get(`${method} ${pattern}`) ?? this.configs.get(pattern) ?? this.configs.get(ALL_ROUTES)
    );
  }

  decide(method: string, pattern: string): FaultDecision {
    const config = this.configFor(method, pattern);
    const decision: FaultDecision = {
      latencyMs: config?.latencyMs ?? 0,
      retryAfterSeconds: config?.retryAfterSeconds ?? 1,
      reset: false,
      malformed: false,
      wrongContentType: false,
    };
    if (config === undefined) return decision;
    const random = this.stream(pattern);
    // Draw every share on every request so one share's value does not shift the others' sequences.
    const draw429 = random();
    const draw5xx = random();
    const pick5xx = random();
    const drawReset = random();
    const drawMalformed = random();
    const drawContentType = random();
    if (draw429 < (config.status429Share ?? 0)) decision.replaceStatus = 429;
    else if (draw5xx < (config.status5xxShare ?? 0)) {
      decision.replaceStatus = SERVER_ERRORS[Math.floor(pick5xx * SERVER_ERRORS.length)] ?? 500;
    }
    decision.reset = drawReset < (config.resetShare ?? 0);
    decision.malformed = !decision.reset && drawMalformed < (config.malformedShare ?? 0);
    decision.wrongContentType = drawContentType < (config.wrongContentTypeShare ?? 0);
    return decision;
  }

  private stream(pattern: string): Random {
    let random = this.streams.get(pattern);
    if (random === undefined) {
      random = createSeededRandom(this.seed ^ hashString(pattern));
      this.streams.set(pattern, random);
    }
    return random;
  }
}
