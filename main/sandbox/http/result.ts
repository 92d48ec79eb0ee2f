/** What a route handler returns; the dispatcher writes it (after fault injection may have altered it). */
export interface HttpResult {
  status: number;
  /** JSON body. Serialised with Content-Type: application/json. */
  json?: unknown;
  /** Plain-text body (e.g. the `Accepted` of a WorkOS delete); ignored when `json` is set. */
  text?: string;
  /** Content type for `text`; defaults to `text/plain; charset=utf-8`. */
  contentType?: string;
  headers?: Record<string, string>;
}

export function jsonResult(status: number, json: unknown, headers?: Record<string, string>): HttpResult {
  return headers === undefined ? { status, json } : { status, json, headers };
}

export function emptyResult(status: number): HttpResult {
  return { status };
}

export function textResult(
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): HttpResult {
  return { status, text, contentType };
}

export const RATE_LIMIT_BODY = { message: 'Rate limit exceeded', code: 'rate_limit_exceeded' } as const;

/** A 429 with an integer-seconds Retry-After (what SDK 8.13 reads with Number(header)). */
export function rateLimitedResult(retryAfterSeconds: number): HttpResult {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return jsonResult(429, RATE_LIMIT_BODY, { 'Retry-After': String(seconds) });
}
