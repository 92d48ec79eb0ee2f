/** Small helpers to turn a call's Result into state updates. */
import type { ApiError, Result } from '../../../preload/api';

export async function settle<T>(
  pending: Promise<Result<T>>,
): Promise<{ value: T; error: null } | { value: null; error: ApiError }> {
  try {
    const result = await pending;
    return result.ok ? { value: result.value, error: null } : { value: null, error: result.error };
  } catch {
    return {
      value: null,
      error: { code: 'internal', message: 'The console core did not answer.', retryable: true },
    };
  }
}
