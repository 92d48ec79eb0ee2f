/**
 * The check every host runs on a request from a UI before it reaches the core: a known call name and an input
 * that matches the contract. The core's dispatcher checks again; this keeps garbage off the worker channel.
 */
import { calls, isCallName } from '../../preload/api';
import type { ApiError, CallName } from '../../preload/api';

export type ParsedCallRequest = { ok: true; name: CallName; input: unknown } | { ok: false; error: ApiError };

export function parseCallRequest(raw: unknown): ParsedCallRequest {
  if (typeof raw !== 'object' || raw === null) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'A call must be an object with a name and an input.',
        retryable: false,
      },
    };
  }
  const { name, input } = raw as { name?: unknown; input?: unknown };
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'invalid_input', message: 'Unknown call.', retryable: false } };
  }
  const parsed = calls[name].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Invalid input for ${name}.`, retryable: false },
    };
  }
  return { ok: true, name, input: parsed.data };
}
