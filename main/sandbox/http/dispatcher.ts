import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  InvalidJsonBodyError,
  parseJsonBody,
  readBodyText,
} from './body';
import { type FaultDecision, FaultInjector } from './faults';
import { QueryParams } from './query';
import { type HttpResult, jsonResult, rateLimitedResult } from './result';
import { type RequestContext, type Router, UNMATCHED_ROUTE } from './router';
import { RequestStats } from './stats';

/** Runs before the handler (auth, rate limits); returning a result short-circuits the request. */
export type Middleware = (ctx: RequestContext) => HttpResult | undefined | Promise<HttpResult | undefined>;

export interface DispatcherOptions {
  faults?: FaultInjector;
  stats?: RequestStats;
  middleware?: Middleware[];
  maxBodyBytes?: number;
  notFound?: (ctx: RequestContext) => HttpResult;
  /** Maps an unexpected handler error to a response; default 500 `{message}`. */
  onError?: (error: unknown, ctx: RequestContext) => HttpResult;
}

export type NodeRequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Dispatcher {
  handle: NodeRequestHandler;
  faults: FaultInjector;
  stats: RequestStats;
}

const REQUEST_ID_HEADER = 'X-Request-ID';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Turns a Router into a node:http handler with request ids, faults, stats, body caps and JSON error handling. */
export function createDispatcher(router: Router, options: DispatcherOptions = {}): Dispatcher {
  const faults = options.faults ?? new FaultInjector();
  const stats = options.stats ?? new RequestStats();
  const middleware = options.middleware ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const notFound = options.notFound ?? (() => jsonResult(404, { message: 'Not Found' }));

  const handle: NodeRequestHandler = (req, res) => {
    void (async () => {
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const incomingId = firstHeader(req.headers, 'x-request-id');
      const requestId = incomingId !== undefined && incomingId !== '' ? incomingId : `req_${randomUUID()}`;
      const match = router.match(method, url.pathname);
      const route = match.found ? match.pattern : UNMATCHED_ROUTE;
      let bodyPromise: Promise<string> | undefined;
      const ctx: RequestContext = {
        method,
        path: url.pathname,
        route,
        params: match.found ? match.params : {},
        query: new QueryParams(url.search),
        headers: req.headers,
        requestId,
        header: (name) => firstHeader(req.headers, name.toLowerCase()),
        bodyText: () => (bodyPromise ??= readBodyText(req, maxBodyBytes)),
        bodyJson: async () => parseJsonBody(await ctx.bodyText()),
      };
      const decision = faults.decide(method, route);
      let result: HttpResult;
      try {
        if (decision.latencyMs > 0) await delay(decision.latencyMs);
        result = await run(ctx, decision);
      } catch (error) {
        result = errorResult(error, ctx, options.onError);
      }
      stats.record(`${method} ${route}`, result.status);
      write(res, result, requestId, decision, stats);
    })();
  };

  async function run(ctx: RequestContext, decision: FaultDecision): Promise<HttpResult> {
    if (decision.replaceStatus === 429) {
      stats.recordFault('injected429');
      return rateLimitedResult(decision.retryAfterSeconds);
    }
    if (decision.replaceStatus !== undefined) {
      stats.recordFault('injected5xx');
      return jsonResult(decision.replaceStatus, { message: serverErrorMessage(decision.replaceStatus) });
    }
    for (const step of middleware) {
      const early = await step(ctx);
      if (early !== undefined) return early;
    }
    const match = router.match(ctx.method, ctx.path);
    if (!match.found) return notFound(ctx);
    return match.handler(ctx);
  }

  return { handle, faults, stats };
}

function errorResult(
  error: unknown,
  ctx: RequestContext,
  onError: ((error: unknown, ctx: RequestContext) => HttpResult) | undefined,
): HttpResult {
  if (error instanceof BodyTooLargeError) {
    return jsonResult(413, {
      message: `Request body exceeds ${error.limitBytes} bytes`,
      code: 'payload_too_large',
    });
  }
  if (error instanceof InvalidJsonBodyError) {
    return jsonResult(400, { message: 'Request body is not valid JSON', code: 'bad_request' });
  }
  if (onError) return onError(error, ctx);
  return jsonResult(500, { message: 'Internal Server Error' });
}

function serverErrorMessage(status: number): string {
  if (status === 502) return 'Bad Gateway';
  if (status === 503) return 'Service Unavailable';
  return 'Internal Server Error';
}

function write(
  res: ServerResponse,
  result: HttpResult,
  requestId: string,
  decision: FaultDecision,
  stats: RequestStats,
): void {
  const headers: Record<string, string> = { ...result.headers, [REQUEST_ID_HEADER]: requestId };
  let body: string | undefined;
  if (result.json !== undefined) {
    body = JSON.stringify(result.json);
    headers['Content-Type'] = JSON_CONTENT_TYPE;
  } else if (result.text !== undefined) {
    body = result.text;
    headers['Content-Type'] = result.contentType ?? 'text/plain; charset=utf-8';
  }
  if (body !== undefined && decision.wrongContentType) {
    stats.recordFault('wrongContentType');
    headers['Content-Type'] = 'text/html; charset=utf-8';
  }
  if (body !== undefined && decision.malformed && result.json !== undefined) {
    stats.recordFault('malformed');
    body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  }
  const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
  if (bytes !== undefined) headers['Content-Length'] = String(bytes.length);
  if (bytes !== undefined && bytes.length > 1 && decision.reset) {
    stats.recordFault('resets');
    // Headers promise the full length; the client sees part of the body and then a dead socket.
    res.writeHead(result.status, headers);
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      res.socket?.destroy();
    });
    return;
  }
  res.writeHead(result.status, headers);
  res.end(bytes);
}

function firstHeader(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
