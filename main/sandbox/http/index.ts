export {
  readBodyText,
  parseJsonBody,
  BodyTooLargeError,
  InvalidJsonBodyError,
  DEFAULT_MAX_BODY_BYTES,
} from './body';
export { createDispatcher, JSON_CONTENT_TYPE } from './dispatcher';
export type { Dispatcher, DispatcherOptions, Middleware, NodeRequestHandler } from './dispatcher';
export { FaultInjector, ALL_ROUTES } from './faults';
export type { FaultConfig, FaultDecision } from './faults';
export { createSeededRandom, hashString } from './prng';
export type { Random } from './prng';
export { QueryParams } from './query';
export { SlidingWindowRateLimiter } from './rate-limiter';
export type { RateLimitRule, RateLimitVerdict } from './rate-limiter';
export { jsonResult, emptyResult, textResult, rateLimitedResult, RATE_LIMIT_BODY } from './result';
export type { HttpResult } from './result';
export { Router, UNMATCHED_ROUTE } from './router';
export type { RequestContext, RouteHandler, RouteMatch } from './router';
export { startHttpServer } from './server';
export type { RunningHttpServer } from './server';
export { RequestStats } from './stats';
export type { HttpStats, RouteStats, FaultCounts } from './stats';
