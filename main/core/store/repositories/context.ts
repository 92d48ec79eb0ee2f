import type Database from 'better-sqlite3';
import type { StatementCache } from '../statement-cache';

/** What every repository gets: the connection, its statement cache and a clock (injectable for tests). */
export interface RepositoryContext {
  db: Database.Database;
  statements: StatementCache;
  now: () => string;
}

/**
 * Recorded with a page of rows, in the same transaction: `generation` is the sync run's generation the rows are
 * marked with; `key`/`value` is the sync_state entry that lets an interrupted run resume after this page
 * (`value: null` removes the key, e.g. when a phase is finished).
 */
export interface PageCheckpoint {
  generation: number;
  key: string;
  value: string | null;
}

export function writeCheckpoint(context: RepositoryContext, checkpoint: PageCheckpoint): void {
  if (checkpoint.value === null) {
    context.statements.get('DELETE FROM sync_state WHERE key = ?').run(checkpoint.key);
    return;
  }
  context.statements
    .get(
      `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(checkpoint.key, checkpoint.value, context.now());
}

export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

export function parseJsonArray(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

export function parseJsonObject(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/**
 * Binds values to numbered parameters (`?1`, `?2`, … used more than once in a statement): better-sqlite3 treats
 * those as named, so they are passed as one object `{1: …, 2: …}`.
 */
export function numbered(...values: unknown[]): Record<number, unknown> {
  const bound: Record<number, unknown> = {};
  values.forEach((value, index) => {
    bound[index + 1] = value;
  });
  return bound;
}
