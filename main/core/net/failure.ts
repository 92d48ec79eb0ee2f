import type { ErrorCode } from '../errors';

/**
 * A failed call, as a service-specific classifier (WorkOS, Gem) sees it. The retry policy decides on it without
 * knowing which SDK or HTTP library produced the error.
 */
export interface ClassifiedFailure {
  /** The AppError code the console shows if this is the last word. */
  errorCode: ErrorCode;
  /** Worth another attempt (5xx, 408, 429, connection cut, malformed body). */
  retryable: boolean;
  /** HTTP status the service answered, or null when no usable answer arrived. */
  status: number | null;
  /** The service's own error code (e.g. `entity_not_found`), when it sent one. */
  code: string | null;
  /** What the service said, or what went wrong on the way; never contains a secret. */
  message: string;
  /** For 429: how long the service asked us to wait, in ms; null when it did not say. */
  retryAfterMs: number | null;
}

/** "HTTP 503 (service_unavailable): Service Unavailable", or just the message when no usable status arrived. */
export function describeFailure(failure: ClassifiedFailure): string {
  const code = failure.code === null ? '' : ` (${failure.code})`;
  if (failure.status === null) return `${failure.code === null ? '' : `${failure.code}: `}${failure.message}`;
  return `HTTP ${failure.status}${code}: ${failure.message}`;
}
