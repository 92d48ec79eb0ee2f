/**
 * `Idempotency-Key` for PUT/POST: the same key with the same request within the window replays the first answer;
 * the same key with a different request is refused (409 `idempotency_key_reused`). Keys are scoped to the token,
 * so two staff members cannot collide.
 */
import { createHash } from 'node:crypto';
import type { HttpResult } from '../http';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Remembered {
  fingerprint: string;
  result: HttpResult;
  storedAt: number;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; result: HttpResult } | { kind: 'reused' };

export class IdempotencyStore {
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs = IDEMPOTENCY_WINDOW_MS,
  ) {}

  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup {
    const entry = this.entries.get(`${scope}\n${key}`);
    if (entry === undefined || this.now() - entry.storedAt >= this.windowMs) return { kind: 'new' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', result: entry.result } : { kind: 'reused' };
  }

  remember(scope: string, key: string, fingerprint: string, result: HttpResult): void {
    this.entries.set(`${scope}\n${key}`, {
      fingerprint,
      result: structuredClone(result),
      storedAt: this.now(),
    });
  }
}

/** Method, path and the body's JSON with sorted keys: whitespace and key order do not make a request different. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
