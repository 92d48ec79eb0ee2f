import { AppError, type ErrorCode } from '../errors';
import type { ClassifiedFailure } from '../net/failure';

/**
 * Maps what @workos-inc/node 8.13.0 throws to a ClassifiedFailure. Checked against the SDK's compiled
 * lib/factory-HM2NchXm.mjs (`handleHttpError`, `handleParseError`, `FetchHttpClient.fetchRequest`):
 * - 401 → UnauthorizedException{status 401}; 404 → NotFoundException{status, code}; 409 → ConflictException{status}
 *   (not exported by the SDK: matched by name); 422 → UnprocessableEntityException{status, code};
 *   429 → RateLimitExceededException{status 429, retryAfter: seconds | null}; 400 with code+errors →
 *   BadRequestException; a body with `error`/`error_description` → OauthException{status}; the rest →
 *   GenericServerException{status, rawData}.
 * - Timeout (AbortController) → OauthException(408, error "Request timeout").
 * - Network failure → Error("Unexpected error: TypeError: fetch failed", {cause: TypeError}).
 * - Non-JSON error body → Error("Unexpected error: ParseError: …", {cause: ParseError{rawStatus}}).
 * - Non-JSON 2xx body → meant to be ParseError{rawStatus}, but handleParseError re-reads the consumed body, so
 *   what escapes is TypeError("Body is unusable: Body has already been read") [seen with Node 20's fetch].
 * - 2xx without `Content-Type: application/json` → the SDK deserializes `null` and a TypeError escapes.
 * - Body cut mid-way → TypeError("terminated").
 * Names are matched rather than `instanceof`, so a second copy of the SDK (CJS next to ESM) cannot fool us.
 */

export const MALFORMED_RESPONSE = 'WorkOS sent a malformed response';

/** Raised by our own mapping when a 2xx body lacks fields we rely on (e.g. a user without an id). */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
}

interface ErrorFields {
  name: string;
  message: string;
  status: number | null;
  code: string | null;
  cause: unknown;
}

function fieldsOf(error: Error): ErrorFields {
  const record = error as unknown as Record<string, unknown>;
  const status = typeof record['status'] === 'number' ? record['status'] : null;
  let code = typeof record['code'] === 'string' ? record['code'] : null;
  const raw = record['rawData'];
  if (code === null && typeof raw === 'object' && raw !== null) {
    const rawCode = (raw as Record<string, unknown>)['code'];
    if (typeof rawCode === 'string') code = rawCode;
  }
  return { name: error.name, message: error.message, status, code, cause: error.cause };
}

function failure(
  errorCode: ErrorCode,
  retryable: boolean,
  status: number | null,
  code: string | null,
  message: string,
  retryAfterMs: number | null = null,
): ClassifiedFailure {
  return { errorCode, retryable, status, code, message, retryAfterMs };
}

/** Classification of an HTTP status when the SDK gave us nothing more specific. */
export function classifyStatus(status: number, code: string | null, message: string): ClassifiedFailure {
  if (status === 400 || status === 422) return failure('invalid_input', false, status, code, message);
  if (status === 401 || status === 403) return failure('unauthorized', false, status, code, message);
  if (status === 404) return failure('not_found', false, status, code, message);
  if (status === 409) return failure('conflict', false, status, code, message);
  if (status === 408) return failure('offline', true, status, code, message);
  if (status === 429) return failure('rate_limited', true, status, code, message);
  if (status >= 500) return failure('internal', true, status, code, message);
  return failure('internal', false, status, code, message);
}

function retryAfterMs(error: Error): number | null {
  const value = (error as unknown as Record<string, unknown>)['retryAfter'];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return Math.ceil(value * 1000);
}

/** A ParseError: the body was not JSON. Retryable unless the status itself says the request was wrong. */
function classifyParseError(error: Error): ClassifiedFailure {
  const rawStatus = (error as unknown as Record<string, unknown>)['rawStatus'];
  const status = typeof rawStatus === 'number' ? rawStatus : null;
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return classifyStatus(status, null, `${MALFORMED_RESPONSE} (the error body is not JSON)`);
  }
  const errorCode: ErrorCode = status === 429 ? 'rate_limited' : status === 408 ? 'offline' : 'internal';
  return failure(errorCode, true, status, null, `${MALFORMED_RESPONSE} (the body is not valid JSON)`);
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** The innermost network error code (ECONNREFUSED, UND_ERR_SOCKET, …) in a cause chain, if any. */
function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as unknown as Record<string, unknown>)['code'];
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code;
  }
  return null;
}

/** fetch's own TypeErrors: "fetch failed" (no connection) and "terminated" (connection cut mid-body). */
function isTransportTypeError(error: TypeError): boolean {
  return error.message === 'fetch failed' || error.message === 'terminated' || networkCode(error) !== null;
}

function offline(error: unknown): ClassifiedFailure {
  const code = networkCode(error);
  const what = code === null ? 'the connection failed' : `the connection failed (${code})`;
  return failure('offline', true, null, null, `could not reach WorkOS: ${what}`);
}

export function classifyWorkosError(error: unknown): ClassifiedFailure {
  if (error instanceof AppError) {
    return failure(error.code, error.retryable, null, null, error.message);
  }
  if (!(error instanceof Error)) {
    return failure('internal', false, null, null, `unexpected failure: ${String(error)}`);
  }
  const f = fieldsOf(error);
  switch (f.name) {
    case 'UnauthorizedException':
      return failure('unauthorized', false, 401, null, f.message);
    case 'NoApiKeyProvidedException':
    case 'ApiKeyRequiredException':
      return failure('unauthorized', false, null, null, 'no WorkOS API key is configured');
    case 'RateLimitExceededException':
      return failure('rate_limited', true, 429, f.code, f.message, retryAfterMs(error));
    case 'NotFoundException':
      return failure('not_found', false, 404, f.code, f.message);
    case 'ConflictException':
      return failure('conflict', false, 409, f.code, f.message);
    case 'UnprocessableEntityException':
      return failure('invalid_input', false, 422, f.code, f.message);
    case 'BadRequestException':
      return failure('invalid_input', false, 400, f.code, f.message);
    case 'OauthException':
      if (f.status === 408) return failure('offline', true, 408, null, 'WorkOS did not answer in time');
      return classifyStatus(f.status ?? 500, f.code, f.message);
    case 'GenericServerException':
      return classifyStatus(f.status ?? 500, f.code, f.message);
    case 'ParseError':
      return classifyParseError(error);
    case 'MalformedResponseError':
      return failure('internal', true, null, null, `${MALFORMED_RESPONSE} (${f.message})`);
    case 'SyntaxError':
      return failure('internal', true, null, null, `${MALFORMED_RESPONSE} (the body is not valid JSON)`);
  }
  if (error instanceof TypeError) {
    if (isTransportTypeError(error)) return offline(error);
    // SDK 8.13 on a non-JSON 2xx: res.json() fails, then handleParseError calls res.text() on the used body.
    if (error.message.startsWith('Body is unusable')) {
      return failure('internal', true, null, null, `${MALFORMED_RESPONSE} (the body is not valid JSON)`);
    }
    // The SDK deserialized a body it could not read (no JSON content type, or a missing field it maps over).
    return failure('internal', true, null, null, `${MALFORMED_RESPONSE} (${error.message})`);
  }
  if (f.message.startsWith('Unexpected error: ')) {
    // handleHttpError wraps anything that is not an HTTP error; the cause says what really happened.
    const cause = f.cause;
    if (cause instanceof Error && cause.name === 'ParseError') return classifyParseError(cause);
    if (f.message.startsWith('Unexpected error: ParseError')) {
      return failure('internal', true, null, null, `${MALFORMED_RESPONSE} (the body is not valid JSON)`);
    }
    if (cause instanceof TypeError || f.message.startsWith('Unexpected error: TypeError'))
      return offline(cause);
    if (networkCode(cause) !== null) return offline(cause);
    if (cause instanceof Error && cause.name === 'AbortError') {
      return failure('offline', true, null, null, 'the request to WorkOS was aborted');
    }
  }
  return failure('internal', false, f.status, f.code, f.message);
}
