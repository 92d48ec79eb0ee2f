/**
 * Applies one WorkOS event to the cache (design §6, contract §2.4–2.6). Only what the cache already holds is
 * touched: events of directories or organizations the console has not fully synced are ignored. Rows are written
 * only when the event's `updated_at` is newer than the cached row (upsertIfNewer), so replaying events changes
 * nothing. Organization-role events only mark the organization: its roles are re-listed once afterwards, because
 * the priority order (which no event reports) must come with them.
 */
import type { Store } from '../store';
import { WORKOS_EVENT_NAMES } from '../workos/types';
import type { WorkosEvent, WorkosEventName } from '../workos/types';
import { connectionIsCurrent } from './cache-queries';
import { normaliseIso } from './iso-time';
import { connectionRow, groupRow, userRow } from './to-store-rows';

/** The explicit `events` filter: every event the cache reacts to (never an unfiltered list, contract §0.8). */
export const SYNC_EVENT_FILTER: readonly WorkosEventName[] = WORKOS_EVENT_NAMES.filter(
  // Environment roles are not cached per organization: their changes reach the cache through org-role listings.
  (name) => !name.startsWith('role.'),
);

export interface EventEffects {
  /** Teams whose cached data changed (inference reruns for them). */
  teams: Set<string>;
  /** Organizations whose roles must be re-listed. */
  organizationsWithRoleChanges: Set<string>;
  written: number;
  removed: number;
}

export function noEffects(): EventEffects {
  return { teams: new Set(), organizationsWithRoleChanges: new Set(), written: 0, removed: 0 };
}

export interface EventScope {
  /** Teams whose full data the cache holds. */
  teamIds: ReadonlySet<string>;
}

/** Applies `event`; must run inside the page's transaction (the caller stores the cursor in the same one). */
export function applyEvent(
  store: Store,
  event: WorkosEvent,
  generation: number,
  scope: EventScope,
  effects: EventEffects,
): void {
  const teamOfDirectory = (directoryId: string): string | null => {
    const directory = store.directories.get(directoryId);
    return directory?.teamId != null && scope.teamIds.has(directory.teamId) ? directory.teamId : null;
  };
  const teamOfOrganization = (organizationId: string | null): string | null => {
    if (organizationId === null) return null;
    const team = store.teams.getByOrganization(organizationId);
    return team !== null && scope.teamIds.has(team.id) ? team.id : null;
  };
  const touched = (teamId: string, wrote: boolean, removed = false) => {
    if (!wrote) return;
    effects.teams.add(teamId);
    if (removed) effects.removed += 1;
    else effects.written += 1;
  };

  switch (event.event) {
    case 'dsync.activated': {
      const teamId = teamOfOrganization(event.data.organizationId);
      if (teamId === null) return;
      const cached = store.directories.get(event.data.id);
      touched(
        teamId,
        store.directories.upsertIfNewer(
          {
            id: event.data.id,
            organizationId: event.data.organizationId ?? '',
            teamId,
            type: event.data.type,
            state: event.data.state,
            name: event.data.name,
            domain: cached?.domain ?? null,
            createdAt: normaliseIso(event.data.createdAt),
            updatedAt: normaliseIso(event.data.updatedAt),
          },
          generation,
        ),
      );
      return;
    }
    case 'dsync.deleted': {
      const teamId = teamOfDirectory(event.data.id);
      if (teamId !== null) touched(teamId, store.directories.delete(event.data.id), true);
      return;
    }
    case 'dsync.user.created':
    case 'dsync.user.updated': {
      const teamId = teamOfDirectory(event.data.directoryId);
      if (teamId !== null)
        touched(teamId, store.directoryUsers.upsertIfNewer(userRow(event.data), generation));
      return;
    }
    case 'dsync.user.deleted': {
      const teamId = teamOfDirectory(event.data.directoryId);
      if (teamId !== null) touched(teamId, store.directoryUsers.delete(event.data.id), true);
      return;
    }
    case 'dsync.group.created':
    case 'dsync.group.updated': {
      const teamId = teamOfDirectory(event.data.directoryId);
      if (teamId !== null)
        touched(teamId, store.directoryGroups.upsertIfNewer(groupRow(event.data), generation));
      return;
    }
    case 'dsync.group.deleted': {
      const teamId = teamOfDirectory(event.data.directoryId);
      if (teamId !== null) touched(teamId, store.directoryGroups.delete(event.data.id), true);
      return;
    }
    case 'dsync.group.user_added':
    case 'dsync.group.user_removed': {
      const teamId = teamOfDirectory(event.data.directoryId);
      if (teamId === null) return;
      const pair = { userId: event.data.user.id, groupId: event.data.group.id };
      if (event.event === 'dsync.group.user_added') {
        // `add` refreshes the generation of an existing pair too; only a new pair is a change.
        const known = store.groupMemberships.groupIdsOfUser(pair.userId).includes(pair.groupId);
        const added = store.groupMemberships.add(pair, generation);
        touched(teamId, added && !known);
      } else {
        touched(teamId, store.groupMemberships.remove(pair), true);
      }
      return;
    }
    case 'organization_role.created':
    case 'organization_role.updated':
    case 'organization_role.deleted': {
      const teamId = teamOfOrganization(event.data.organizationId);
      if (teamId === null) return;
      effects.organizationsWithRoleChanges.add(event.data.organizationId);
      effects.teams.add(teamId);
      return;
    }
    case 'connection.activated':
    case 'connection.deactivated': {
      const teamId = teamOfOrganization(event.data.organizationId);
      if (teamId === null) return;
      const row = connectionRow(event.data);
      if (connectionIsCurrent(store, row.id, row.updatedAt)) return;
      const current = store.syncState.get(EVENTS_CURSOR_KEY);
      store.ssoConnections.writePage([row], { generation, key: EVENTS_CURSOR_KEY, value: current });
      touched(teamId, true);
      return;
    }
    case 'connection.deleted': {
      const teamId = teamOfOrganization(event.data.organizationId);
      if (teamId !== null) touched(teamId, store.ssoConnections.delete(event.data.id), true);
      return;
    }
    default:
      // role.* and anything else the filter does not ask for: nothing cached depends on them.
      return;
  }
}

/** The sync_state key of this profile's Events API cursor (the store is per profile). */
export const EVENTS_CURSOR_KEY = 'events.cursor';
