import type { IncomingHttpHeaders } from 'node:http';
import type { QueryParams } from './query';
import type { HttpResult } from './result';

/** Everything a handler sees of one request. */
export interface RequestContext {
  method: string;
  /** Path without query string, e.g. `/directories/directory_1`. */
  path: string;
  /** The matched route pattern, e.g. `/directories/:id`, or `(unmatched)`. */
  route: string;
  params: Record<string, string>;
  query: QueryParams;
  headers: IncomingHttpHeaders;
  requestId: string;
  /** First value of a request header, case-insensitive. */
  header(name: string): string | undefined;
  /** The raw body (read once, size-capped). */
  bodyText(): Promise<string>;
  /** The body parsed as JSON; undefined when empty. Throws InvalidJsonBodyError on bad JSON. */
  bodyJson(): Promise<unknown>;
}

export type RouteHandler = (ctx: RequestContext) => HttpResult | Promise<HttpResult>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  | { found: true; pattern: string; params: Record<string, string>; handler: RouteHandler }
  | { found: false; pathExists: boolean };

export const UNMATCHED_ROUTE = '(unmatched)';

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Method + path-pattern router. Patterns use `:name` segments; literal segments win over params at equal length. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), pattern, segments: splitPath(pattern), handler });
    // Literal segments first so `/organizations/external_id/:id` beats `/organizations/:id/roles`-style ambiguity.
    this.routes.sort((a, b) => literalScore(b) - literalScore(a));
    return this;
  }

  get(pattern: string, handler: RouteHandler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: RouteHandler): this {
    return this.add('POST', pattern, handler);
  }
  put(pattern: string, handler: RouteHandler): this {
    return this.add('PUT', pattern, handler);
  }
  patch(pattern: string, handler: RouteHandler): this {
    return this.add('PATCH', pattern, handler);
  }
  delete(pattern: string, handler: RouteHandler): this {
    return this.add('DELETE', pattern, handler);
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    let pathExists = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      if (route.method !== method.toUpperCase()) {
        pathExists = true;
        continue;
      }
      return { found: true, pattern: route.pattern, params, handler: route.handler };
    }
    return { found: false, pathExists };
  }
}

function literalScore(route: Route): number {
  return route.segments.filter((segment) => !segment.startsWith(':')).length;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] as string;
    const value = actual[i] as string;
    if (expected.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}
