/**
 * Opaque pagination cursors bound to the list they came from. The cursor carries the last position returned and an
 * HMAC over (list key, position) under a per-server secret, so a cursor from another list (other team, other
 * filters) or an edited one fails verification and the request is a 400.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class CursorCodec {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret === undefined ? randomBytes(32) : Buffer.from(secret, 'utf8');
  }

  encode(listKey: string, position: string): string {
    const payload = Buffer.from(position, 'utf8').toString('base64url');
    return `${payload}.${this.mac(listKey, payload).toString('base64url')}`;
  }

  /** The position the cursor points after, or undefined when it was not issued for this list or was changed. */
  decode(listKey: string, cursor: string): string | undefined {
    const parts = cursor.split('.');
    if (parts.length !== 2) return undefined;
    const [payload, mac] = parts as [string, string];
    if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(mac)) return undefined;
    // Compared as text: base64url has several spellings of the same bytes (the last character's spare bits), and
    // any edit of a cursor must be refused.
    const given = Buffer.from(mac, 'utf8');
    const expected = Buffer.from(this.mac(listKey, payload).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Buffer.from(payload, 'base64url').toString('utf8');
  }

  private mac(listKey: string, payload: string): Buffer {
    return createHmac('sha256', this.secret).update(listKey).update('\n').update(payload).digest();
  }
}

export interface Page<T> {
  data: T[];
  /** Position of the last item returned when more items follow it; null on the last page. */
  nextPosition: string | null;
}

/** Keyset pagination over items already sorted by `positionOf` (code-unit order). */
export function pageAfter<T>(
  items: readonly T[],
  positionOf: (item: T) => string,
  after: string | undefined,
  limit: number,
): Page<T> {
  const start = after === undefined ? 0 : firstIndexAfter(items, positionOf, after);
  const data = items.slice(start, start + limit);
  const last = data[data.length - 1];
  const more = start + limit < items.length;
  return { data, nextPosition: more && last !== undefined ? positionOf(last) : null };
}

function firstIndexAfter<T>(items: readonly T[], positionOf: (item: T) => string, after: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positionOf(items[mid] as T) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}
