/** WorkOS and Gem API objects → the rows the store writes, with every timestamp normalised (see iso-time). */
import type { GemMember as ApiMember, GemRole as ApiRole, GemTeam as ApiTeam } from '../gem/schemas';
import type {
  Directory,
  DirectoryGroup,
  DirectoryUserInput,
  GemRole,
  Member,
  SsoConnection,
  TeamInput,
  WorkosRole as StoredWorkosRole,
} from '../store';
import type {
  WorkosConnection,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryUser,
  WorkosDirectoryUserWithGroups,
  WorkosRole,
} from '../workos/types';
import { normaliseIso, normaliseIsoOrNull } from './iso-time';

export function teamRow(team: ApiTeam): TeamInput {
  return {
    id: team.id,
    name: team.name,
    domain: team.domain,
    plan: team.plan,
    csmEmail: team.csm.email,
    csmName: team.csm.name,
    scimModuleEnabled: team.scim.module_enabled,
    scimEnabledAt: normaliseIsoOrNull(team.scim.module_enabled_at),
    scimEnabledBy: team.scim.module_enabled_by,
    workosOrganizationId: team.scim.workos_organization_id,
    setupCompletedAt: normaliseIsoOrNull(team.scim.setup_completed_at),
    createdAt: normaliseIso(team.created_at),
    updatedAt: normaliseIso(team.updated_at),
  };
}

export function gemRoleRow(teamId: string, role: ApiRole): GemRole {
  const sync = role.workos_sync;
  return {
    teamId,
    slug: role.slug,
    name: role.name,
    kind: role.kind,
    createdBy: role.created_by,
    workosSyncStatus: sync.status,
    claimedBy: sync.claimed_by,
    claimedAt: normaliseIsoOrNull(sync.claimed_at),
    syncedAt: normaliseIsoOrNull(sync.synced_at),
    syncedBy: sync.synced_by,
    workosRoleSlug: sync.workos_role_slug,
    createdAt: normaliseIso(role.created_at),
    updatedAt: normaliseIso(role.updated_at),
  };
}

export function memberRow(member: ApiMember): Member {
  return {
    id: member.id,
    teamId: member.team_id,
    email: member.email,
    firstName: member.first_name,
    lastName: member.last_name,
    roleSlug: member.role_slug,
    status: member.status,
    scimManaged: member.scim_managed,
    directoryUserId: member.directory_user_id,
    createdAt: normaliseIso(member.created_at),
    updatedAt: normaliseIso(member.updated_at),
  };
}

export function directoryRow(directory: WorkosDirectory, teamId: string | null): Directory {
  return {
    id: directory.id,
    organizationId: directory.organizationId ?? '',
    teamId,
    type: directory.type,
    state: directory.state,
    name: directory.name,
    domain: directory.domain,
    createdAt: normaliseIso(directory.createdAt),
    updatedAt: normaliseIso(directory.updatedAt),
  };
}

export function groupRow(group: WorkosDirectoryGroup): DirectoryGroup {
  return {
    id: group.id,
    directoryId: group.directoryId,
    idpId: group.idpId,
    name: group.name,
    createdAt: normaliseIso(group.createdAt),
    updatedAt: normaliseIso(group.updatedAt),
  };
}

/** A user without `groupIds`: memberships are left alone (event payloads carry no groups). */
export function userRow(user: WorkosDirectoryUser): DirectoryUserInput {
  return {
    id: user.id,
    directoryId: user.directoryId,
    idpId: user.idpId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    state: user.state,
    roleSlug: user.role,
    roles: user.roles,
    createdAt: normaliseIso(user.createdAt),
    updatedAt: normaliseIso(user.updatedAt),
  };
}

/** A user of the list call, whose `groups` replace the cached memberships. */
export function userRowWithGroups(user: WorkosDirectoryUserWithGroups): DirectoryUserInput {
  return { ...userRow(user), groupIds: user.groups.map((group) => group.id) };
}

export function workosRoleRow(organizationId: string, role: WorkosRole): StoredWorkosRole {
  return {
    organizationId,
    slug: role.slug,
    name: role.name,
    type: role.type,
    priority: role.priority,
    updatedAt: normaliseIso(role.updatedAt),
  };
}

export function connectionRow(connection: WorkosConnection): SsoConnection {
  return {
    id: connection.id,
    organizationId: connection.organizationId,
    connectionType: connection.type,
    name: connection.name,
    state: connection.state,
    createdAt: normaliseIso(connection.createdAt),
    updatedAt: normaliseIso(connection.updatedAt),
  };
}
