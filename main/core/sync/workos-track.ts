/**
 * The WorkOS half of a team's full sync: the organization's directories, then for each directory its groups and
 * its users (each user with `groups` and `role`, so no per-user group calls), then the organization's roles in
 * priority order and its SSO connections. Every page goes with the track's next checkpoint in one transaction.
 */
import { countActiveDirectoryUsers } from './cache-queries';
import { checkpoint, type WorkosTrack } from './checkpoints';
import { WORKOS_PAGE_SIZE, type EngineDeps } from './engine-deps';
import type { RunContext } from './run-context';
import { connectionRow, directoryRow, groupRow, userRowWithGroups, workosRoleRow } from './to-store-rows';

export async function runWorkosTrack(
  deps: EngineDeps,
  ctx: RunContext,
  teamId: string,
  organizationId: string,
  start: WorkosTrack,
): Promise<WorkosTrack> {
  const { store, workos } = deps;
  const runId = ctx.info.runId;
  let track = start;
  const save = (next: WorkosTrack) => checkpoint(runId, 'workos', next);

  while (track.phase !== 'sweep') {
    const cursor = track.cursor;
    switch (track.phase) {
      case 'directories': {
        ctx.setPhase('directories');
        const page = await ctx.call(() =>
          workos.listDirectoriesPage({ organizationId, after: cursor, limit: WORKOS_PAGE_SIZE }),
        );
        const rows = page.data.map((d) => directoryRow(d, teamId));
        const directoryIds = [...track.directoryIds, ...rows.map((d) => d.id)];
        const more = page.after !== null && page.data.length > 0;
        const next: WorkosTrack = {
          ...track,
          phase: more ? 'directories' : 'groups',
          cursor: more ? page.after : null,
          directoryIds,
          directoryIndex: 0,
          pages: track.pages + 1,
          items: track.items + rows.length,
        };
        store.directories.writePage(rows, save(next));
        ctx.wrote(1, rows.length);
        track = next;
        break;
      }
      case 'groups':
      case 'users': {
        const directoryId = track.directoryIds[track.directoryIndex];
        if (directoryId === undefined) {
          const next: WorkosTrack = {
            ...track,
            phase: track.phase === 'groups' ? 'users' : 'org_roles',
            cursor: null,
            directoryIndex: 0,
          };
          store.syncState.set(save(next).key, JSON.stringify(next));
          track = next;
          break;
        }
        ctx.setPhase(track.phase);
        track =
          track.phase === 'groups'
            ? await groupsPage(deps, ctx, track, directoryId, save)
            : await usersPage(deps, ctx, track, directoryId, save);
        break;
      }
      case 'org_roles': {
        ctx.setPhase('org_roles');
        const roles = await ctx.call(() => workos.listOrganizationRoles(organizationId));
        const next: WorkosTrack = {
          ...track,
          phase: 'connections',
          cursor: null,
          pages: track.pages + 1,
          items: track.items + roles.length,
        };
        store.workosRoles.writePage(
          roles.map((role) => workosRoleRow(organizationId, role)),
          save(next),
        );
        ctx.wrote(1, roles.length);
        track = next;
        break;
      }
      case 'connections': {
        ctx.setPhase('connections');
        const connections = await ctx.call(() => workos.listConnections({ organizationId }));
        const next: WorkosTrack = {
          ...track,
          phase: 'sweep',
          cursor: null,
          pages: track.pages + 1,
          items: track.items + connections.length,
        };
        store.ssoConnections.writePage(connections.map(connectionRow), save(next));
        ctx.wrote(1, connections.length);
        track = next;
        break;
      }
    }
  }
  return track;
}

/** The track after one page of a directory: the same directory with the next cursor, or the next directory. */
function advance(track: WorkosTrack, after: string | null, count: number): WorkosTrack {
  const more = after !== null && count > 0;
  return {
    ...track,
    cursor: more ? after : null,
    directoryIndex: more ? track.directoryIndex : track.directoryIndex + 1,
    pages: track.pages + 1,
    items: track.items + count,
  };
}

type Save = (next: WorkosTrack) => ReturnType<typeof checkpoint>;

async function groupsPage(
  deps: EngineDeps,
  ctx: RunContext,
  track: WorkosTrack,
  directoryId: string,
  save: Save,
): Promise<WorkosTrack> {
  const cursor = track.cursor;
  const page = await ctx.call(() =>
    deps.workos.listGroupsPage({ directory: directoryId, after: cursor, limit: WORKOS_PAGE_SIZE }),
  );
  const rows = page.data.map(groupRow);
  const next = advance(track, page.after, rows.length);
  deps.store.directoryGroups.writePage(rows, save(next));
  ctx.wrote(1, rows.length);
  return next;
}

async function usersPage(
  deps: EngineDeps,
  ctx: RunContext,
  track: WorkosTrack,
  directoryId: string,
  save: Save,
): Promise<WorkosTrack> {
  const { store } = deps;
  const cursor = track.cursor;
  const page = await ctx.call(() =>
    deps.workos.listUsersPage({ directory: directoryId, after: cursor, limit: WORKOS_PAGE_SIZE }),
  );
  const rows = page.data.map(userRowWithGroups);
  const inactiveIds = rows.filter((u) => u.state !== 'active').map((u) => u.id);
  const next = store.transaction(() => {
    const advanced = advance(track, page.after, rows.length);
    const withCount: WorkosTrack = {
      ...advanced,
      deactivated: track.deactivated + countActiveDirectoryUsers(store, inactiveIds),
    };
    store.directoryUsers.writePage(rows, save(withCount));
    return withCount;
  });
  ctx.wrote(1, rows.length);
  return next;
}
