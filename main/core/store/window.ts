import { AppError } from '../errors';
import type { StatementCache } from './statement-cache';

/** What a list view asks for: a window of rows, sorted by a column from the list's allowlist. */
export interface WindowRequest<Sort extends string = string> {
  offset?: number;
  limit?: number;
  sort?: Sort;
  direction?: 'asc' | 'desc';
}

export interface Window<T> {
  rows: T[];
  /** How many rows match the filters, whatever the window. */
  total: number;
  offset: number;
  limit: number;
}

export const DEFAULT_WINDOW_LIMIT = 50;
export const MAX_WINDOW_LIMIT = 500;

export interface WindowQuery<Sort extends string> {
  /** Which list this is, for error messages. */
  list: string;
  select: string;
  /** FROM … (with joins); trusted SQL. */
  from: string;
  /** Conditions ANDed together; trusted SQL with `?` placeholders. */
  where: string[];
  params: unknown[];
  /** Allowlist: public sort name → SQL expression(s), each sorted in the requested direction. */
  sortColumns: Record<Sort, string | readonly string[]>;
  defaultSort: Sort;
  defaultDirection?: 'asc' | 'desc';
  /** A unique expression appended to every ORDER BY so windows never overlap or skip rows. */
  tieBreaker: string;
  /** FROM for the count when the row query joins tables that do not change the count; defaults to `from`. */
  countFrom?: string;
}

export function normaliseWindow(list: string, request: WindowRequest): { offset: number; limit: number } {
  const offset = request.offset ?? 0;
  const limit = request.limit ?? DEFAULT_WINDOW_LIMIT;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AppError(
      'invalid_input',
      `Local store, ${list}: offset must be a whole number ≥ 0 (got ${offset}).`,
    );
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_WINDOW_LIMIT) {
    throw new AppError(
      'invalid_input',
      `Local store, ${list}: limit must be 1–${MAX_WINDOW_LIMIT} (got ${limit}).`,
    );
  }
  return { offset, limit };
}

/** Runs one windowed list query (rows + total) with filters in SQL and a sort column from the allowlist. */
export function readWindow<Sort extends string, Raw, T>(
  statements: StatementCache,
  query: WindowQuery<Sort>,
  request: WindowRequest<Sort>,
  map: (raw: Raw) => T,
): Window<T> {
  const { offset, limit } = normaliseWindow(query.list, request);
  const sort = request.sort ?? query.defaultSort;
  if (!Object.prototype.hasOwnProperty.call(query.sortColumns, sort)) {
    const allowed = Object.keys(query.sortColumns).join(', ');
    throw new AppError(
      'invalid_input',
      `Local store, ${query.list}: cannot sort by "${sort}" (allowed: ${allowed}).`,
    );
  }
  const direction = request.direction ?? query.defaultDirection ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') {
    throw new AppError('invalid_input', `Local store, ${query.list}: direction must be asc or desc.`);
  }
  const where = query.where.length === 0 ? '' : ` WHERE ${query.where.join(' AND ')}`;
  const sortExpressions: readonly string[] = [query.sortColumns[sort]].flat();
  const orderBy = ` ORDER BY ${[...sortExpressions, query.tieBreaker].map((e) => `${e} ${direction}`).join(', ')}`;
  const rowsSql = `SELECT ${query.select} FROM ${query.from}${where}${orderBy} LIMIT ? OFFSET ?`;
  const countSql = `SELECT count(*) FROM ${query.countFrom ?? query.from}${where}`;
  const raws = statements.get<Raw>(rowsSql).all(...query.params, limit, offset);
  const total = statements.value<number>(countSql).get(...query.params) ?? 0;
  return { rows: raws.map(map), total, offset, limit };
}
