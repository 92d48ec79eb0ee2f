import type { HttpResult } from '../http/result';
import { jsonResult } from '../http/result';

const TTL_MS = 24 * 60 * 60 * 1000;

interface Entry {
  body: string;
  result: HttpResult;
  expiresAt: number;
}

/**
 * Idempotency-Key handling for POSTs, scoped per API key + path, 24 h TTL (contract §6.5): the same key and body
 * replays the stored answer; the same key with another body answers the recorded 400.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  lookup(scope: string, key: string, body: string): HttpResult | undefined {
    const entry = this.entries.get(`${scope}\u0000${key}`);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    if (canonical(entry.body) !== canonical(body)) {
      return jsonResult(400, {
        message: `Another idempotency key (${key}) with different request parameters was found. Please use a different idempotency key.`,
      });
    }
    return entry.result;
  }

  /** Only successful answers are kept, so a failed attempt can be retried with the same key. */
  remember(scope: string, key: string, body: string, result: HttpResult): void {
    if (result.status < 200 || result.status >= 300) return;
    this.entries.set(`${scope}\u0000${key}`, { body, result, expiresAt: this.now() + TTL_MS });
  }
}

function canonical(body: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(body) as unknown));
  } catch {
    return body;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, sortKeys(entry)]),
    );
  }
  return value;
}
