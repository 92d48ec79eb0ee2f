import type { RepositoryContext } from './context';
import { createAuditLogRepository } from './audit-log';
import { createDirectoriesRepository } from './directories';
import { createDirectoryGroupsRepository } from './directory-groups';
import { createDirectoryUsersRepository } from './directory-users';
import { createGemRolesRepository } from './gem-roles';
import { createGroupMembershipsRepository } from './group-memberships';
import { createMappingInferencesRepository } from './mapping-inferences';
import { createMappingReviewsRepository } from './mapping-reviews';
import { createMembersRepository } from './members';
import { createNotificationsRepository } from './notifications';
import { createPeopleSearch } from './people-search';
import { createRoleSyncRequestsRepository } from './role-sync-requests';
import { createSsoConnectionsRepository } from './sso-connections';
import { createSyncRunsRepository } from './sync-runs';
import { createSyncStateRepository } from './sync-state';
import { createTeamsRepository } from './teams';
import { createWorkosRolesRepository } from './workos-roles';

/** Every repository of the store, one per area. Statements are prepared lazily and cached. */
export function createRepositories(context: RepositoryContext) {
  return {
    teams: createTeamsRepository(context),
    directories: createDirectoriesRepository(context),
    directoryUsers: createDirectoryUsersRepository(context),
    directoryGroups: createDirectoryGroupsRepository(context),
    groupMemberships: createGroupMembershipsRepository(context),
    workosRoles: createWorkosRolesRepository(context),
    ssoConnections: createSsoConnectionsRepository(context),
    gemRoles: createGemRolesRepository(context),
    members: createMembersRepository(context),
    roleSyncRequests: createRoleSyncRequestsRepository(context),
    mappingInferences: createMappingInferencesRepository(context),
    mappingReviews: createMappingReviewsRepository(context),
    syncRuns: createSyncRunsRepository(context),
    syncState: createSyncStateRepository(context),
    auditLog: createAuditLogRepository(context),
    notifications: createNotificationsRepository(context),
    people: createPeopleSearch(context),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
