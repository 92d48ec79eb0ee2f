/**
 * Read-only questions the sync asks of the cache that the repositories do not answer (they are about one run's
 * bookkeeping, not about the data itself). Plain SQL over the store's own schema.
 */
import type { Store } from '../store';

function count(store: Store, sql: string, ...params: unknown[]): number {
  const value: unknown = store.db
    .prepare(sql)
    .pluck()
    .get(...params);
  return typeof value === 'number' ? value : 0;
}

/** Of these member ids, how many the cache still holds as active (a page is about to deactivate them). */
export function countActiveMembers(store: Store, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  return count(
    store,
    "SELECT count(*) FROM members WHERE status = 'active' AND id IN (SELECT value FROM json_each(?))",
    JSON.stringify(ids),
  );
}

/** Of these directory user ids, how many the cache still holds as active. */
export function countActiveDirectoryUsers(store: Store, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  return count(
    store,
    "SELECT count(*) FROM directory_users WHERE state = 'active' AND id IN (SELECT value FROM json_each(?))",
    JSON.stringify(ids),
  );
}

export function countTeamMembers(store: Store, teamId: string): number {
  return count(store, 'SELECT count(*) FROM members WHERE team_id = ?', teamId);
}

/** Directory users of the team's cached directories (every directory of its organization carries the team id). */
export function countTeamDirectoryUsers(store: Store, teamId: string): number {
  return count(
    store,
    'SELECT count(*) FROM directories d JOIN directory_users u ON u.directory_id = d.id WHERE d.team_id = ?',
    teamId,
  );
}

/** Directory users a sweep at `generation` would remove: unseen users, and every user of an unseen directory. */
export function countUnseenTeamDirectoryUsers(store: Store, teamId: string, generation: number): number {
  return count(
    store,
    `SELECT count(*) FROM directories d JOIN directory_users u ON u.directory_id = d.id
     WHERE d.team_id = ? AND (d.generation < ? OR u.generation < ?)`,
    teamId,
    generation,
    generation,
  );
}

/** Directories that carry the team's id but were not seen by the run (e.g. the team was linked to another org). */
export function sweepTeamDirectories(store: Store, teamId: string, generation: number): number {
  return store.db
    .prepare('DELETE FROM directories WHERE team_id = ? AND generation < ?')
    .run(teamId, generation).changes;
}

/** Teams whose full data the cache holds: at least one successful full sync of the team. */
export function fullySyncedTeamIds(store: Store): string[] {
  return store.db
    .prepare(
      `SELECT DISTINCT team_id FROM sync_runs
       WHERE kind = 'full' AND scope = 'team' AND outcome = 'succeeded' AND team_id IS NOT NULL
         AND team_id IN (SELECT id FROM teams) ORDER BY team_id`,
    )
    .pluck()
    .all()
    .filter((id): id is string => typeof id === 'string');
}

/** The newest `updated_at` of the team's cached members: the watermark for Gem's `updated_after`. */
export function newestMemberUpdate(store: Store, teamId: string): string | null {
  const value: unknown = store.db
    .prepare('SELECT max(updated_at) FROM members WHERE team_id = ?')
    .pluck()
    .get(teamId);
  return typeof value === 'string' ? value : null;
}

/** Whether a cached SSO connection is at least as new as `updatedAt` (an event would change nothing). */
export function connectionIsCurrent(store: Store, id: string, updatedAt: string): boolean {
  const value: unknown = store.db
    .prepare('SELECT updated_at FROM sso_connections WHERE id = ?')
    .pluck()
    .get(id);
  return typeof value === 'string' && value >= updatedAt;
}

/** Removes one cached WorkOS role (an `organization_role.deleted` event). */
export function deleteWorkosRole(store: Store, organizationId: string, slug: string): number {
  return store.db
    .prepare('DELETE FROM workos_roles WHERE organization_id = ? AND slug = ?')
    .run(organizationId, slug).changes;
}
