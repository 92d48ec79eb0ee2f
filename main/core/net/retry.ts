import { AppError } from '../errors';
import { systemClock } from './clock';
import { describeFailure, type ClassifiedFailure } from './failure';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How hard to try, shared by every call of one client. */
export interface RetryPolicy {
  /** Total attempts, the first one included (>= 1). */
  maxAttempts: number;
  /** Full-jitter backoff: the wait before retry n (n = 0, 1, …) is random(0, min(maxDelayMs, baseDelayMs·2ⁿ)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking to wait longer than this ends the retries at once (default 60 s). */
  maxRetryAfterMs?: number;
  /** Optional budget for the sum of all waits of one call; a wait that would exceed it ends the retries. */
  maxTotalDelayMs?: number;
  /** Injectable for tests: uniform in [0, 1). */
  random?: () => number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait; for counting retries and showing progress. */
  onRetry?: (event: RetryEvent) => void;
}

/** What is being called, for the decision and for the message the user sees. */
export interface RetryCall {
  /** "WorkOS", "Gem". */
  service: string;
  /** What the call does, in words: "list directory users". */
  operation: string;
  method: HttpMethod;
  /** With a key the server deduplicates a repeated POST, so it is safe to retry. */
  idempotencyKey?: string;
  /** A POST whose repetition is harmless by design (e.g. a create that treats "already exists" as done). */
  safeToRepeat?: boolean;
  /** Turns whatever `fn` threw into a ClassifiedFailure. */
  classify: (error: unknown) => ClassifiedFailure;
}

export interface RetryEvent {
  service: string;
  operation: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  failure: ClassifiedFailure;
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Full jitter (AWS architecture blog): spreads clients out instead of retrying in lock-step. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return random() * ceiling;
}

function isRepeatable(call: RetryCall): boolean {
  if (call.method === 'POST' || call.method === 'PATCH') {
    return call.idempotencyKey !== undefined || call.safeToRepeat === true;
  }
  return true;
}

/**
 * Runs `fn` until it succeeds, a failure is not worth retrying, or the budget is spent; then throws an AppError
 * that says which service, which call, what it answered last, and after how many attempts.
 * 429: waits exactly Retry-After when given (else backs off); 5xx, 408, cut connections and malformed bodies:
 * full-jitter backoff; other 4xx: no retry; POST/PATCH: retried only with an idempotency key (or safeToRepeat).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  call: RetryCall,
): Promise<T> {
  if (!(policy.maxAttempts >= 1)) throw new RangeError('maxAttempts must be >= 1');
  const random = policy.random ?? Math.random;
  const sleep = policy.sleep ?? systemClock.sleep;
  const maxRetryAfterMs = policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  let waited = 0;

  for (let attempt = 1; ; attempt++) {
    let failure: ClassifiedFailure;
    let error: unknown;
    try {
      return await fn(attempt);
    } catch (caught) {
      error = caught;
      failure = call.classify(caught);
    }

    if (!failure.retryable) throw finalError(call, failure, attempt, error, 'refused');
    if (!isRepeatable(call)) throw finalError(call, failure, attempt, error, 'not-repeatable');
    if (attempt >= policy.maxAttempts) throw finalError(call, failure, attempt, error, 'budget');

    let delayMs: number;
    if (failure.retryAfterMs !== null) {
      if (failure.retryAfterMs > maxRetryAfterMs)
        throw finalError(call, failure, attempt, error, 'wait-too-long');
      delayMs = failure.retryAfterMs;
    } else {
      delayMs = backoffDelay(attempt - 1, policy, random);
    }
    if (policy.maxTotalDelayMs !== undefined && waited + delayMs > policy.maxTotalDelayMs) {
      throw finalError(call, failure, attempt, error, 'budget');
    }
    policy.onRetry?.({ service: call.service, operation: call.operation, attempt, delayMs, failure });
    waited += delayMs;
    await sleep(delayMs);
  }
}

type Ending = 'refused' | 'not-repeatable' | 'budget' | 'wait-too-long';

function finalError(
  call: RetryCall,
  failure: ClassifiedFailure,
  attempts: number,
  cause: unknown,
  ending: Ending,
): AppError {
  if (cause instanceof AppError && ending === 'refused') return cause;
  const answer = describeFailure(failure);
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  let message: string;
  switch (ending) {
    case 'refused':
      message = `${call.service} ${call.operation} failed: ${answer}`;
      break;
    case 'not-repeatable':
      message =
        `${call.service} ${call.operation} failed: ${answer}. ` +
        'Not retried automatically, because repeating this request could apply it twice.';
      break;
    case 'wait-too-long':
      message =
        `${call.service} ${call.operation} was rate limited after ${tries}: ` +
        `asked to wait ${Math.ceil((failure.retryAfterMs ?? 0) / 1000)} s. Try again later.`;
      break;
    case 'budget':
      message = `${call.service} ${call.operation} failed after ${tries}; last answer: ${answer}`;
      break;
  }
  return new AppError(failure.errorCode, message, { retryable: failure.retryable, cause });
}
