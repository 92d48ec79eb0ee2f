/**
 * The one error type the core raises. It crosses IPC as data ({code, message, retryable}); see preload/api.ts.
 * Messages are written for the console's user: which service, which call, what it answered. Never a secret.
 */
export type ErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'invalid_input'
  | 'keychain_unavailable'
  | 'internal';

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set(['offline', 'rate_limited', 'internal']);

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
  }

  toData(): { code: ErrorCode; message: string; retryable: boolean } {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
