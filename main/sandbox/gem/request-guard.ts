/**
 * What every admin-API call goes through before its handler: bearer token (401), the per-token rate limit (429),
 * the capability the call needs (403); and for PUT/POST, the JSON body and `Idempotency-Key` replay.
 */
import { jsonResult, type HttpResult, type RequestContext, type SlidingWindowRateLimiter } from '../http';
import type { GemFailure } from './failure';
import { requestFingerprint, type IdempotencyStore } from './idempotency';
import type { GemState } from './state';
import type { Capability, GemStaff } from './state-types';
import { errorBody } from './wire';

export interface GuardDeps {
  state: GemState;
  limiter: SlidingWindowRateLimiter;
  idempotency: IdempotencyStore;
}

export type StaffHandler = (ctx: RequestContext, staff: GemStaff) => HttpResult;
export type MutationHandler = (ctx: RequestContext, staff: GemStaff, body: unknown) => HttpResult;

export function failureResult(failure: GemFailure): HttpResult {
  return jsonResult(failure.status, errorBody(failure.code, failure.message, failure.details));
}

export function invalidRequestResult(message: string, fields: string[]): HttpResult {
  return failureResult({ status: 400, code: 'invalid_request', message, details: { fields } });
}

/** The staff member behind the request's bearer token, or the 401 to answer. */
export function authenticate(ctx: RequestContext, state: GemState): GemStaff | HttpResult {
  const header = ctx.header('authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const staff = match?.[1] === undefined ? undefined : state.authenticate(match[1]);
  if (staff === undefined) {
    return failureResult({
      status: 401,
      code: 'unauthorized',
      message: header === undefined ? 'Missing bearer token' : 'Unknown or revoked staff token',
    });
  }
  return staff;
}

export function isStaff(value: GemStaff | HttpResult): value is GemStaff {
  return 'token' in value;
}

/** Admits a caller: 401, then 429, then 403 for the missing capability (null: any valid token). */
export function admit(
  deps: GuardDeps,
  ctx: RequestContext,
  capability: Capability | null,
): GemStaff | HttpResult {
  const staff = authenticate(ctx, deps.state);
  if (!isStaff(staff)) return staff;
  const verdict = deps.limiter.check(staff.id);
  if (!verdict.allowed) {
    return jsonResult(
      429,
      errorBody('rate_limited', 'More than the allowed requests per second for this token'),
      {
        'Retry-After': String(verdict.retryAfterSeconds),
      },
    );
  }
  if (capability !== null && !staff.capabilities.includes(capability)) {
    return failureResult({
      status: 403,
      code: 'forbidden',
      message: `This call needs the ${capability} capability`,
      details: { capability },
    });
  }
  return staff;
}

export function guarded(deps: GuardDeps, capability: Capability | null, handler: StaffHandler) {
  return (ctx: RequestContext): HttpResult => {
    const staff = admit(deps, ctx, capability);
    return isStaff(staff) ? handler(ctx, staff) : staff;
  };
}

/** A PUT/POST: the read guard, then the JSON body, then `Idempotency-Key` replay or reuse detection. */
export function guardedMutation(deps: GuardDeps, capability: Capability, handler: MutationHandler) {
  return async (ctx: RequestContext): Promise<HttpResult> => {
    // The body is read only for a caller allowed to send it.
    const staff = admit(deps, ctx, capability);
    if (!isStaff(staff)) return staff;
    const text = await ctx.bodyText();
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return invalidRequestResult('Request body is not valid JSON', ['body']);
    }
    const key = ctx.header('idempotency-key');
    if (key === undefined || key === '') return handler(ctx, staff, body);
    const fingerprint = requestFingerprint(ctx.method, ctx.path, body);
    const seen = deps.idempotency.lookup(staff.id, key, fingerprint);
    if (seen.kind === 'replay') {
      return { ...seen.result, headers: { ...seen.result.headers, 'Idempotent-Replayed': 'true' } };
    }
    if (seen.kind === 'reused') {
      return failureResult({
        status: 409,
        code: 'idempotency_key_reused',
        message: 'This Idempotency-Key was used with a different request in the last 24 hours',
      });
    }
    const result = handler(ctx, staff, body);
    // Server errors are not remembered: a retry with the same key should get a real answer.
    if (result.status < 500) deps.idempotency.remember(staff.id, key, fingerprint, result);
    return result;
  };
}
