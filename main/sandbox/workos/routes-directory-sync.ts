import { jsonResult, textResult } from '../http/result';
import type { Router } from '../http/router';
import { entityNotFound, validationFailed } from './http-errors';
import { isPage, listEnvelope, paginate } from './pagination';
import type { DirectoryGroupRecord, DirectoryUserRecord } from './records';
import type { WorkosRouteDeps } from './route-deps';
import { wireDirectory, wireGroup, wireUserWithGroups } from './wire-format';

const USERS_FILTER = 'Please provide either "directory" or "group" parameters.';
const GROUPS_FILTER = 'Please provide either "directory" or "user" parameters.';

/** Directory Sync endpoints (contract §1). */
export function addDirectorySyncRoutes(router: Router, { state }: WorkosRouteDeps): void {
  const toWireUser = (user: DirectoryUserRecord) => wireUserWithGroups(user, state.groupsOfUser(user));

  router.get('/directories', (ctx) => {
    const organizationId = ctx.query.get('organization_id');
    const search = ctx.query.get('search')?.toLowerCase();
    const all = state.sorted('directories', () => state.directories.values());
    const filtered = all.filter(
      (directory) =>
        (organizationId === undefined || directory.organizationId === organizationId) &&
        (search === undefined || directory.name.toLowerCase().includes(search)),
    );
    const page = paginate(filtered, ctx.query);
    if (!isPage(page)) return page;
    return jsonResult(
      200,
      listEnvelope(page, (directory) => wireDirectory(directory, state.directoryUserCounts(directory))),
    );
  });

  router.get('/directories/:id', (ctx) => {
    const directory = state.directories.get(ctx.params.id ?? '');
    if (!directory) return entityNotFound('Directory', ctx.params.id ?? '');
    return jsonResult(200, wireDirectory(directory, state.directoryUserCounts(directory)));
  });

  router.delete('/directories/:id', (ctx) => {
    if (!state.directories.has(ctx.params.id ?? '')) return entityNotFound('Directory', ctx.params.id ?? '');
    state.deleteDirectory(ctx.params.id ?? '');
    // Recorded: 202 with a text/plain `Accepted` body.
    return textResult(202, 'Accepted');
  });

  router.get('/directory_users', (ctx) => {
    const directoryId = ctx.query.get('directory');
    const groupId = ctx.query.get('group');
    if (directoryId === undefined && groupId === undefined) {
      return validationFailed([
        { field: 'directory', code: USERS_FILTER },
        { field: 'group', code: USERS_FILTER },
      ]);
    }
    let users: DirectoryUserRecord[];
    if (groupId !== undefined) {
      const group = state.groups.get(groupId);
      if (!group) return entityNotFound('Directory Group', groupId);
      if (directoryId !== undefined && group.directoryId !== directoryId) return jsonResult(200, emptyList());
      users = state.sorted(`users:group:${groupId}`, () => idsToRecords(group.memberIds, state.users));
    } else {
      const directory = state.directories.get(directoryId ?? '');
      if (!directory) return entityNotFound('Directory', directoryId ?? '');
      users = state.sorted(`users:directory:${directory.id}`, () =>
        idsToRecords(directory.userIds, state.users),
      );
    }
    // [SPEC] `email` and `idp_id` filters; email matching is case-insensitive like the official emulator.
    const email = ctx.query.get('email')?.toLowerCase();
    const idpId = ctx.query.get('idp_id');
    if (email !== undefined || idpId !== undefined) {
      users = users.filter(
        (user) =>
          (email === undefined || user.email?.toLowerCase() === email) &&
          (idpId === undefined || user.idpId === idpId),
      );
    }
    const page = paginate(users, ctx.query);
    if (!isPage(page)) return page;
    return jsonResult(200, listEnvelope(page, toWireUser));
  });

  router.get('/directory_users/:id', (ctx) => {
    const user = state.users.get(ctx.params.id ?? '');
    if (!user) return entityNotFound('Directory User', ctx.params.id ?? '');
    return jsonResult(200, toWireUser(user));
  });

  router.get('/directory_groups', (ctx) => {
    const directoryId = ctx.query.get('directory');
    const userId = ctx.query.get('user');
    if (directoryId === undefined && userId === undefined) {
      return validationFailed([
        { field: 'directory', code: GROUPS_FILTER },
        { field: 'user', code: GROUPS_FILTER },
      ]);
    }
    let groups: DirectoryGroupRecord[];
    if (userId !== undefined) {
      const user = state.users.get(userId);
      if (!user) return entityNotFound('Directory User', userId);
      if (directoryId !== undefined && user.directoryId !== directoryId) return jsonResult(200, emptyList());
      groups = state.groupsOfUser(user);
    } else {
      const directory = state.directories.get(directoryId ?? '');
      if (!directory) return entityNotFound('Directory', directoryId ?? '');
      groups = state.sorted(`groups:directory:${directory.id}`, () =>
        idsToRecords(directory.groupIds, state.groups),
      );
    }
    const page = paginate(groups, ctx.query);
    if (!isPage(page)) return page;
    return jsonResult(200, listEnvelope(page, wireGroup));
  });

  router.get('/directory_groups/:id', (ctx) => {
    const group = state.groups.get(ctx.params.id ?? '');
    if (!group) return entityNotFound('Directory Group', ctx.params.id ?? '');
    return jsonResult(200, wireGroup(group));
  });
}

function emptyList() {
  return { object: 'list', data: [], list_metadata: { before: null, after: null } };
}

function* idsToRecords<T>(ids: Iterable<string>, records: ReadonlyMap<string, T>): Iterable<T> {
  for (const id of ids) {
    const record = records.get(id);
    if (record !== undefined) yield record;
  }
}
