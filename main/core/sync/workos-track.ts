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
import type { WorkosDirectoryUserWithGroups, WorkosPage } from '../workos/types';

/**
 * The next user page, requested while the current one is being written: the write (a transaction of ~100 users and
 * their memberships) then overlaps the next request's round trip instead of adding to it. Only requested, never
 * written ahead: pages are still written in order, each with its checkpoint.
 */
interface PrefetchedUsers {
  directoryId: string;
  cursor: string;
  page: Promise<WorkosPage<WorkosDirectoryUserWithGroups>>;
}

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
  const prefetch: { next: PrefetchedUsers | null } = { next: null };

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
            : await usersPage(deps, ctx, track, directoryId, save, prefetch);
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
  prefetch: { next: PrefetchedUsers | null },
): Promise<WorkosTrack> {
  const { store } = deps;
  const cursor = track.cursor;
  const fetchPage = (after: string | null) =>
    ctx.call(() => deps.workos.listUsersPage({ directory: directoryId, after, limit: WORKOS_PAGE_SIZE }));
  const ahead = prefetch.next;
  prefetch.next = null;
  const page = await (ahead !== null && ahead.directoryId === directoryId && ahead.cursor === cursor
    ? ahead.page
    : fetchPage(cursor));
  if (page.after !== null && page.data.length > 0) {
    const next = fetchPage(page.after);
    // Unawaited while this page is written; if the write throws, the track ends and this answer is dropped.
    next.catch(() => undefined);
    prefetch.next = { directoryId, cursor: page.after, page: next };
    // Let the request leave (limiter, SDK, socket write) before the synchronous write below holds the thread.
    await new Promise((resolve) => setImmediate(resolve));
    ctx.throwIfCancelled();
  }
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
