import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import type { ClassifiedFailure } from '../../../main/core/net/failure';
import { withRetry, type RetryCall, type RetryEvent, type RetryPolicy } from '../../../main/core/net/retry';

/** A failure the test classifier passes through unchanged. */
class Scripted extends Error {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.message);
  }
}

function http(status: number, extra: Partial<ClassifiedFailure> = {}): Scripted {
  const retryable = status >= 500 || status === 408 || status === 429;
  return new Scripted({
    errorCode:
      status === 429
        ? 'rate_limited'
        : status === 404
          ? 'not_found'
          : status >= 500
            ? 'internal'
            : 'invalid_input',
    retryable,
    status,
    code: null,
    message: `status ${status}`,
    retryAfterMs: null,
    ...extra,
  });
}

const classify = (error: unknown): ClassifiedFailure => {
  if (error instanceof Scripted) return error.failure;
  throw new Error('unexpected error in test');
};

function harness(policy: Partial<RetryPolicy> = {}, random = () => 0.5) {
  const sleeps: number[] = [];
  const retries: RetryEvent[] = [];
  let randomCalls = 0;
  const full: RetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => {
      randomCalls++;
      return random();
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRetry: (e) => retries.push(e),
    ...policy,
  };
  return { policy: full, sleeps, retries, randomCalls: () => randomCalls };
}

/** fn that throws the given errors in order, then returns 'ok'. */
function script(errors: readonly Error[]) {
  let calls = 0;
  const fn = async (): Promise<string> => {
    const e = errors[calls++];
    if (e !== undefined) throw e;
    return 'ok';
  };
  return { fn, calls: () => calls };
}

const GET: RetryCall = { service: 'WorkOS', operation: 'list directory users', method: 'GET', classify };

describe('withRetry', () => {
  it('retries 5xx with full-jitter backoff random(0, min(cap, base·2ⁿ)) and then succeeds', async () => {
    const h = harness({ maxDelayMs: 300 });
    const s = script([http(500), http(502), http(503), http(504)]);
    await expect(withRetry(s.fn, h.policy, GET)).resolves.toBe('ok');
    expect(s.calls()).toBe(5);
    // random = 0.5 → half of 100, 200, min(300, 400), min(300, 800)
    expect(h.sleeps).toEqual([50, 100, 150, 150]);
    expect(h.retries.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(h.retries[0]?.failure.status).toBe(500);
  });

  it('spreads the delay over the whole [0, ceiling) range', async () => {
    const low = harness({}, () => 0);
    await withRetry(script([http(503)]).fn, low.policy, GET);
    const high = harness({}, () => 0.999);
    await withRetry(script([http(503)]).fn, high.policy, GET);
    expect(low.sleeps).toEqual([0]);
    expect(high.sleeps[0]).toBeCloseTo(99.9, 6);
  });

  it('waits exactly Retry-After on 429, and backs off when none was given', async () => {
    const h = harness();
    const s = script([http(429, { retryAfterMs: 1500 }), http(429)]);
    await expect(withRetry(s.fn, h.policy, GET)).resolves.toBe('ok');
    expect(h.sleeps).toEqual([1500, 100]);
    expect(h.randomCalls()).toBe(1);
  });

  it('gives up at once when Retry-After is longer than the policy accepts', async () => {
    const h = harness({ maxRetryAfterMs: 10_000 });
    const s = script([http(429, { retryAfterMs: 120_000 })]);
    const error = await withRetry(s.fn, h.policy, GET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('rate_limited');
    expect((error as AppError).message).toBe(
      'WorkOS list directory users was rate limited after 1 attempt: asked to wait 120 s. Try again later.',
    );
    expect(s.calls()).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it('never retries 4xx other than 408/429', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const h = harness();
      const s = script([http(status)]);
      await expect(withRetry(s.fn, h.policy, GET)).rejects.toBeInstanceOf(AppError);
      expect(s.calls()).toBe(1);
      expect(h.sleeps).toEqual([]);
    }
    const h = harness();
    const s = script([http(408)]);
    await expect(withRetry(s.fn, h.policy, GET)).resolves.toBe('ok');
    expect(s.calls()).toBe(2);
  });

  it('after the budget, says which service, which call, what it answered last and how many attempts', async () => {
    const h = harness({ maxAttempts: 3 });
    const last = http(503, { code: 'service_unavailable', message: 'Service Unavailable' });
    const s = script([http(500), http(502), last, http(500)]);
    const error = (await withRetry(s.fn, h.policy, GET).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toBe(
      'WorkOS list directory users failed after 3 attempts; last answer: HTTP 503 (service_unavailable): Service Unavailable',
    );
    expect(error.code).toBe('internal');
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(last);
    expect(s.calls()).toBe(3);
    expect(h.sleeps).toHaveLength(2);
  });

  it('stops when the next wait would exceed the total delay budget', async () => {
    const h = harness({ maxAttempts: 10, maxTotalDelayMs: 200 }, () => 0.99);
    const s = script(Array.from({ length: 10 }, () => http(503)));
    await expect(withRetry(s.fn, h.policy, GET)).rejects.toThrow(/failed after 2 attempts/);
    expect(h.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200);
  });

  it('does not retry a POST without an idempotency key, and says why', async () => {
    const h = harness();
    const s = script([http(503)]);
    const post: RetryCall = { ...GET, operation: 'create organization "Acme"', method: 'POST' };
    const error = (await withRetry(s.fn, h.policy, post).catch((e: unknown) => e)) as AppError;
    expect(s.calls()).toBe(1);
    expect(error.message).toBe(
      'WorkOS create organization "Acme" failed: HTTP 503: status 503. ' +
        'Not retried automatically, because repeating this request could apply it twice.',
    );
  });

  it('retries a POST that carries an idempotency key, or is declared safe to repeat', async () => {
    for (const extra of [{ idempotencyKey: 'k-1' }, { safeToRepeat: true }]) {
      const h = harness();
      const s = script([http(503), http(500)]);
      await expect(withRetry(s.fn, h.policy, { ...GET, method: 'POST', ...extra })).resolves.toBe('ok');
      expect(s.calls()).toBe(3);
    }
  });

  it('reports a non-retryable answer at once with its status and message', async () => {
    const h = harness();
    const s = script([http(404, { code: 'entity_not_found', message: "Directory not found: 'd'." })]);
    const error = (await withRetry(s.fn, { ...h.policy }, { ...GET, operation: 'get directory d' }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe('not_found');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      "WorkOS get directory d failed: HTTP 404 (entity_not_found): Directory not found: 'd'.",
    );
  });

  it('passes the attempt number to fn', async () => {
    const h = harness();
    const seen: number[] = [];
    await withRetry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw http(500);
        return attempt;
      },
      h.policy,
      GET,
    );
    expect(seen).toEqual([1, 2, 3]);
  });
});
