/** A refusal the stand-in answers with `{"error": {code, message, details?}}` and the given status. */
export type GemErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'claimed_by_other'
  | 'directory_linked'
  | 'organization_already_linked'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'internal';

export interface GemFailure {
  status: number;
  code: GemErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type GemOutcome<T> = { ok: true; value: T } | { ok: false; failure: GemFailure };

export function succeed<T>(value: T): GemOutcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  status: number,
  code: GemErrorCode,
  message: string,
  details?: Record<string, unknown>,
): GemOutcome<T> {
  return {
    ok: false,
    failure: details === undefined ? { status, code, message } : { status, code, message, details },
  };
}

export function invalidRequest<T = never>(message: string, fields: string[]): GemOutcome<T> {
  return fail(400, 'invalid_request', message, { fields });
}

export function notFound<T = never>(what: string): GemOutcome<T> {
  return fail(404, 'not_found', `${what} not found`);
}
