/** What the sync thread is started with and answers (shared by sync-thread.ts and sync-handle.ts). */
import type { SyncSummary } from '../../../main/core/sync';
import type { WorkosPacing } from './clients';
import type { UserPageTimings } from './page-timings';

export interface SyncThreadOptions {
  workos: { url: string; apiKey: string };
  gem: { url: string; token: string };
  /** The profile's SQLite file (created by the thread). */
  dbFile: string;
  pacing: WorkosPacing;
}

/** Rows in the cache after a run, to check the sync against the stand-ins. */
export interface CacheCounts {
  directoryUsers: number;
  directoryGroups: number;
  memberships: number;
  gemMembers: number;
  gemActiveMembers: number;
}

export interface SyncRunResult {
  summary: SyncSummary;
  /** Wall time of the run as the thread measured it (monotonic). */
  ms: number;
  cache: CacheCounts;
  /** HTTP requests the WorkOS client sent during the run, per endpoint, retries included. */
  workosRequests: Record<string, number>;
  /** Where the time of the `/directory_users` pages went (see page-timings.ts). */
  userPages: UserPageTimings;
}
