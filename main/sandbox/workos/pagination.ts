import type { QueryParams } from '../http/query';
import type { HttpResult } from '../http/result';
import { validationFailed } from './http-errors';

export interface Page<T> {
  data: T[];
  before: string | null;
  after: string | null;
}

/**
 * WorkOS list pagination (contract §6.2): limit 1..100 (default 10), order asc|desc (default desc)|normal,
 * `after` = items following the cursor in the requested order, `before` = items preceding it. `normal` is the
 * legacy form: descending, with `before` fetching older and `after` newer records. Unknown cursors answer 422.
 */
export function paginate<T extends { id: string }>(
  oldestFirst: readonly T[],
  query: QueryParams,
): Page<T> | HttpResult {
  const limit = parseLimit(query.get('limit'));
  if (limit === undefined)
    return validationFailed([{ field: 'limit', code: 'limit must be an integer between 1 and 100' }]);
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc' && order !== 'normal') {
    return validationFailed([{ field: 'order', code: "order must be one of 'asc', 'desc', 'normal'" }]);
  }
  // Work on indexes into the oldest-first array (no copy): large directories are paged often.
  const count = oldestFirst.length;
  const at = (position: number): T => oldestFirst[order === 'asc' ? position : count - 1 - position] as T;
  const positionOf = (id: string): number => {
    const index = indexOf(oldestFirst, id);
    return index === -1 ? -1 : order === 'asc' ? index : count - 1 - index;
  };
  let afterCursor = query.get('after');
  let beforeCursor = query.get('before');
  if (order === 'normal') [afterCursor, beforeCursor] = [beforeCursor, afterCursor];
  let start = 0;
  let end = Math.min(count, limit);
  if (afterCursor !== undefined) {
    const position = positionOf(afterCursor);
    if (position === -1) return unknownCursor(order === 'normal' ? 'before' : 'after', afterCursor);
    start = position + 1;
    end = Math.min(count, start + limit);
  } else if (beforeCursor !== undefined) {
    const position = positionOf(beforeCursor);
    if (position === -1) return unknownCursor(order === 'normal' ? 'after' : 'before', beforeCursor);
    end = position;
    start = Math.max(0, end - limit);
  }
  const data: T[] = [];
  for (let position = start; position < end; position += 1) data.push(at(position));
  const first = data[0];
  const last = data[data.length - 1];
  let before = start > 0 && first ? first.id : null;
  let after = end < count && last ? last.id : null;
  if (order === 'normal') [before, after] = [after, before];
  return { data, before, after };
}

/** Id → index per (cached, immutable) list, so a cursor lookup on a 100k-user directory is O(1) after the first. */
const indexes = new WeakMap<readonly { id: string }[], Map<string, number>>();

function indexOf(items: readonly { id: string }[], id: string): number {
  if (items.length < 64) return items.findIndex((item) => item.id === id);
  let index = indexes.get(items);
  if (index === undefined) {
    index = new Map(items.map((item, position) => [item.id, position]));
    indexes.set(items, index);
  }
  return index.get(id) ?? -1;
}

export function isPage<T>(value: Page<T> | HttpResult): value is Page<T> {
  return 'data' in value && Array.isArray(value.data);
}

export function listEnvelope<T, W>(page: Page<T>, toWire: (item: T) => W) {
  return {
    object: 'list' as const,
    data: page.data.map(toWire),
    list_metadata: { before: page.before, after: page.after },
  };
}

export function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return 10;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= 100 ? value : undefined;
}

function unknownCursor(field: string, id: string): HttpResult {
  return validationFailed(
    [{ field, code: `Cursor '${id}' does not match any object in this list.` }],
    'invalid_cursor',
  );
}
