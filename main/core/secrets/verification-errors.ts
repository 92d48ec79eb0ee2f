import { AppError } from '../errors';

/**
 * Shared wording for a failed credential check. Every message ends with "nothing was saved" so the user knows the
 * keychain still holds the previous credential (or none).
 */

export const NOTHING_SAVED = 'nothing was saved';

/** The network-level failure underneath `error` (fetch's TypeError, a timeout abort), if any. */
export function networkFailureOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+/.test(code))
      return `${code}${current.message ? `: ${current.message}` : ''}`;
    if (current.name === 'AbortError' || current.name === 'TimeoutError')
      return 'no answer before the timeout';
    if (
      current instanceof TypeError &&
      current.message === 'fetch failed' &&
      !(current.cause instanceof Error)
    ) {
      return current.message;
    }
    current = current.cause;
  }
  // SDK 8.13 sometimes rethrows a refused connection as Error("Unexpected error: TypeError: fetch failed") without
  // keeping the cause chain.
  if (error instanceof Error && /^Unexpected error: TypeError: fetch failed/.test(error.message))
    return 'fetch failed';
  return null;
}

export function offlineError(service: string, call: string, why: string, cause: unknown): AppError {
  return new AppError('offline', `${service} could not be reached (${call}: ${why}): ${NOTHING_SAVED}.`, {
    cause,
  });
}

/** The error for an HTTP answer other than success, naming the credential on 401/403. */
export function refusalError(
  service: string,
  credential: string,
  call: string,
  status: number,
  detail: string | null,
): AppError {
  const said = detail ? ` "${detail}"` : '';
  if (status === 401) {
    return new AppError('unauthorized', `${service} refused the ${credential} (401): ${NOTHING_SAVED}.`);
  }
  if (status === 403) {
    return new AppError(
      'unauthorized',
      `${service} accepted the ${credential} but refused ${call} (403${said}); it lacks a permission: ${NOTHING_SAVED}.`,
    );
  }
  if (status === 429) {
    return new AppError(
      'rate_limited',
      `${service} rate-limited ${call} (429): ${NOTHING_SAVED}; try again shortly.`,
    );
  }
  if (status === 404) {
    return new AppError(
      'not_found',
      `${service} answered ${call} with 404${said}; check the profile's ${service} base URL: ${NOTHING_SAVED}.`,
    );
  }
  return new AppError('internal', `${service} answered ${call} with ${status}${said}: ${NOTHING_SAVED}.`, {
    retryable: status >= 500,
  });
}
