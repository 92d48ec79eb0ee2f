import type { Migration } from './migration';
import { cacheAndSyncTables } from './001-cache-and-sync-tables';
import { peopleSearch } from './002-people-search';
import { reviewsAndNotifications } from './003-reviews-and-notifications';

export type { Migration } from './migration';

/** Every schema step, in order. Append only: a released step is never edited, a change is a new step. */
export const MIGRATIONS: readonly Migration[] = [cacheAndSyncTables, peopleSearch, reviewsAndNotifications];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;
