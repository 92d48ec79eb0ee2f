/**
 * Gem's `updated_after` for a team's members (incremental refresh): the time the last complete member listing
 * started, minus a margin for clock skew between this machine and Gem; members changed since are fetched again
 * (upsertIfNewer makes the overlap harmless). Without a recorded listing, the newest cached `updated_at` is the
 * watermark (less precise: members sharing that instant are all fetched again).
 */
import type { Store } from '../store';
import { newestMemberUpdate } from './cache-queries';

export const CLOCK_SKEW_MARGIN_MS = 60_000;

function key(teamId: string): string {
  return `gem.members.since:${teamId}`;
}

/** Records that every member changed before `startedAtMs` (our clock) is in the cache. */
export function recordMembersListed(store: Store, teamId: string, startedAtMs: number): void {
  store.syncState.set(key(teamId), new Date(startedAtMs - CLOCK_SKEW_MARGIN_MS).toISOString());
}

export function membersUpdatedAfter(store: Store, teamId: string): string | undefined {
  const recorded = store.syncState.get(key(teamId));
  if (recorded !== null) return recorded;
  const newest = newestMemberUpdate(store, teamId);
  return newest === null ? undefined : new Date(Date.parse(newest) - 1000).toISOString();
}
