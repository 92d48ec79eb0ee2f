import type { RepositoryContext } from './context';

/**
 * Small key/value state of the sync engine. Key conventions:
 * - `events.cursor`: the WorkOS Events API cursor of this profile;
 * - `checkpoint:<runId>:<phase>`: where an interrupted full-sync run resumes (written with each page).
 */
export interface SyncStateEntry {
  key: string;
  value: string;
  updatedAt: string;
}

interface RawEntry {
  key: string;
  value: string;
  updated_at: string;
}

export function createSyncStateRepository(context: RepositoryContext) {
  const { statements } = context;
  return {
    get(key: string): string | null {
      return statements.value<string>('SELECT value FROM sync_state WHERE key = ?').get(key) ?? null;
    },
    set(key: string, value: string): void {
      statements
        .get(
          `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(key, value, context.now());
    },
    delete(key: string): boolean {
      return statements.get('DELETE FROM sync_state WHERE key = ?').run(key).changes > 0;
    },
    /** Entries whose key starts with `prefix` (e.g. every checkpoint of a run), sorted by key. */
    listByPrefix(prefix: string): SyncStateEntry[] {
      // Range scan on the primary key instead of LIKE, so `_` and `%` in keys mean nothing special.
      return statements
        .get<RawEntry>(
          'SELECT key, value, updated_at FROM sync_state WHERE key >= ? AND key < ? ORDER BY key',
        )
        .all(prefix, `${prefix}\u{10FFFF}`)
        .map((raw) => ({ key: raw.key, value: raw.value, updatedAt: raw.updated_at }));
    },
    deleteByPrefix(prefix: string): number {
      return statements
        .get('DELETE FROM sync_state WHERE key >= ? AND key < ?')
        .run(prefix, `${prefix}\u{10FFFF}`).changes;
    },
  };
}

export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;
