/**
 * Gem's answers as AppErrors. GemApiError keeps what the console needs beyond the AppError code: the HTTP status,
 * Gem's own error code (e.g. `claimed_by_other`), its details (e.g. `claimed_by`), and Retry-After for 429.
 */
import { AppError, type ErrorCode } from '../errors';
import type { ClassifiedFailure } from '../net/failure';
import { gemErrorBodySchema, type GemCapability } from './schemas';

export const GEM_SERVICE = 'Gem';

/** Which call failed, for the message: `GET /teams/{id}/members` as words, e.g. "list members of team_01…". */
export interface GemCallInfo {
  operation: string;
  method: 'GET' | 'PUT' | 'POST';
  /** The capability the call needs, or null when any valid token will do. */
  capability: GemCapability | null;
}

export interface GemApiErrorFields {
  status: number | null;
  gemCode: string | null;
  details: Record<string, unknown> | null;
  retryAfterMs: number | null;
  retryable?: boolean;
  cause?: unknown;
}

export class GemApiError extends AppError {
  readonly status: number | null;
  readonly gemCode: string | null;
  readonly details: Record<string, unknown> | null;
  readonly retryAfterMs: number | null;

  constructor(code: ErrorCode, message: string, fields: GemApiErrorFields) {
    super(code, message, { retryable: fields.retryable, cause: fields.cause });
    this.name = 'GemApiError';
    this.status = fields.status;
    this.gemCode = fields.gemCode;
    this.details = fields.details;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** `Retry-After` as milliseconds: integer seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** An HTTP error answer (status ≥ 400) as a GemApiError; the body is read leniently (a proxy may send HTML). */
export function gemErrorFromResponse(
  call: GemCallInfo,
  status: number,
  bodyText: string,
  retryAfterHeader: string | null,
): GemApiError {
  let gemCode: string | null = null;
  let gemMessage: string | null = null;
  let details: Record<string, unknown> | null = null;
  try {
    const parsed = gemErrorBodySchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) {
      gemCode = parsed.data.error.code;
      gemMessage = parsed.data.error.message;
      details = parsed.data.error.details ?? null;
    }
  } catch {
    // Not JSON: the status alone decides.
  }
  const answered = `HTTP ${status}${gemCode === null ? '' : ` ${gemCode}`}${gemMessage === null ? '' : `: ${gemMessage}`}`;
  const fields = (retryable: boolean, retryAfterMs: number | null = null): GemApiErrorFields => ({
    status,
    gemCode,
    details,
    retryAfterMs,
    retryable,
  });
  const op = call.operation;

  if (status === 401) {
    return new GemApiError(
      'unauthorized',
      `Gem rejected the staff token for ${op} (${answered}). Check the Gem staff token of this profile.`,
      fields(false),
    );
  }
  if (status === 403) {
    const fromGem = typeof details?.['capability'] === 'string' ? details['capability'] : null;
    const capability = fromGem ?? call.capability;
    const lacking = capability === null ? 'a capability this call needs' : `the ${capability} capability`;
    return new GemApiError(
      'unauthorized',
      `Gem refused ${op}: the staff token lacks ${lacking} (${answered}). Ask a Gem admin to grant it.`,
      fields(false),
    );
  }
  if (status === 404)
    return new GemApiError('not_found', `Gem could not find it for ${op} (${answered})`, fields(false));
  if (status === 409) return new GemApiError('conflict', `Gem refused ${op} (${answered})`, fields(false));
  if (status === 400 || status === 422) {
    return new GemApiError(
      'invalid_input',
      `Gem rejected the request for ${op} (${answered})`,
      fields(false),
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfterHeader);
    const wait = retryAfterMs === null ? '' : `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s`;
    return new GemApiError(
      'rate_limited',
      `Gem rate limited ${op} (${answered})${wait}`,
      fields(true, retryAfterMs),
    );
  }
  if (status === 408) return new GemApiError('offline', `Gem timed out on ${op} (${answered})`, fields(true));
  if (status >= 500) return new GemApiError('internal', `Gem failed on ${op} (${answered})`, fields(true));
  return new GemApiError('internal', `Gem gave an unexpected answer to ${op} (${answered})`, fields(false));
}

/** A 2xx body that is not what the contract promises: retryable, since a proxy or a cut body may be to blame. */
export function gemMalformedResponse(
  call: GemCallInfo,
  status: number,
  problem: string,
  cause?: unknown,
): GemApiError {
  return new GemApiError(
    'internal',
    `Gem sent a malformed response to ${call.operation} (HTTP ${status}): ${problem}`,
    {
      status,
      gemCode: null,
      details: null,
      retryAfterMs: null,
      retryable: true,
      cause,
    },
  );
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as unknown as Record<string, unknown>)['code'];
    if (typeof code === 'string') return code;
  }
  return null;
}

/**
 * fetch threw: no connection at all is `offline`; a connection cut or a timeout after it was made is `internal`
 * (the server may have acted), both retryable.
 */
export function gemTransportError(call: GemCallInfo, error: unknown, phase: 'request' | 'body'): GemApiError {
  const fields: GemApiErrorFields = {
    status: null,
    gemCode: null,
    details: null,
    retryAfterMs: null,
    retryable: true,
    cause: error,
  };
  const code = networkCode(error);
  const isTimeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  if (isTimeout) return new GemApiError('offline', `Gem did not answer ${call.operation} in time`, fields);
  if (phase === 'request' && (code === null || CONNECTION_CODES.has(code))) {
    const why = code === null ? '' : ` (${code})`;
    return new GemApiError('offline', `Could not reach Gem for ${call.operation}${why}`, fields);
  }
  const why = code === null ? '' : ` (${code})`;
  return new GemApiError('internal', `The connection to Gem broke during ${call.operation}${why}`, fields);
}

/** For net/retry: how a Gem client failure should be retried. */
export function classifyGemError(error: unknown): ClassifiedFailure {
  if (error instanceof GemApiError) {
    return {
      errorCode: error.code,
      retryable: error.retryable,
      status: error.status,
      code: error.gemCode,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    };
  }
  if (error instanceof AppError) {
    return {
      errorCode: error.code,
      retryable: error.retryable,
      status: null,
      code: null,
      message: error.message,
      retryAfterMs: null,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { errorCode: 'internal', retryable: false, status: null, code: null, message, retryAfterMs: null };
}
