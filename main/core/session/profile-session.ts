/**
 * Everything that belongs to the active profile: its cache (one SQLite file), and the notices about how it was
 * opened. Switching profiles closes one session and opens the next; removing a profile closes it first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../errors';
import type { Profile } from '../profiles';
import { openStore } from '../store';
import type { Store } from '../store';
import { storeNotices } from './store-notices';

export interface ProfileSession {
  readonly profile: Profile;
  /** Null when the cache could not be opened (e.g. it was written by a newer console); see `problem`. */
  readonly store: Store | null;
  readonly notices: string[];
  readonly problem: string | null;
  /** The store, or a clear error when there is none. */
  requireStore(): Store;
  close(): Promise<void>;
}

export function openProfileSession(profile: Profile, dbPath: string): ProfileSession {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  let store: Store | null = null;
  let problem: string | null = null;
  try {
    store = openStore(dbPath);
  } catch (error) {
    // A newer database is refused and left untouched; the console stays usable without a cache.
    problem = isAppError(error) ? error.message : `The local cache could not be opened: ${String(error)}`;
  }
  const notices = store ? storeNotices(store.report) : [];
  return {
    profile,
    store,
    notices,
    problem,
    requireStore() {
      if (!store) throw new AppError('conflict', problem ?? 'The local cache is not open.');
      return store;
    },
    async close() {
      store?.close();
      store = null;
    },
  };
}
