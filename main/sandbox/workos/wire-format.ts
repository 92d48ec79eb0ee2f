import type {
  ConnectionRecord,
  DirectoryGroupRecord,
  DirectoryRecord,
  DirectoryUserRecord,
  OrganizationRecord,
  RoleRecord,
} from './records';

/** WorkOS wire shapes (snake_case JSON) of contract §1–§5, built from the stand-in's records. */

export interface WireSlimRole {
  slug: string;
}

export interface WireDirectoryGroup {
  object: 'directory_group';
  id: string;
  idp_id: string;
  directory_id: string;
  organization_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  raw_attributes: Record<string, unknown>;
}

export interface WireDirectoryUser {
  object: 'directory_user';
  id: string;
  directory_id: string;
  organization_id: string;
  idp_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  emails: { primary: boolean; type: string; value: string }[];
  job_title: string | null;
  username: string | null;
  state: string;
  raw_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  role: WireSlimRole;
  roles: WireSlimRole[];
  created_at: string;
  updated_at: string;
}

export interface WireDirectoryUserWithGroups extends WireDirectoryUser {
  groups: WireDirectoryGroup[];
}

export interface WireDirectory {
  object: 'directory';
  id: string;
  organization_id: string;
  external_key: string;
  type: string;
  state: string;
  name: string;
  domain?: string;
  metadata: { users: { active: number; inactive: number }; groups: number };
  created_at: string;
  updated_at: string;
}

export interface WireOrganization {
  object: 'organization';
  id: string;
  name: string;
  allow_profiles_outside_organization: boolean;
  domains: {
    object: 'organization_domain';
    id: string;
    organization_id: string;
    domain: string;
    state: string;
    verification_strategy: string;
    created_at: string;
    updated_at: string;
  }[];
  metadata: Record<string, string>;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WireConnection {
  object: 'connection';
  id: string;
  organization_id: string;
  connection_type: string;
  name: string;
  state: string;
  status: 'linked' | 'unlinked';
  domains: { object: 'connection_domain'; id: string; domain: string }[];
  created_at: string;
  updated_at: string;
}

export interface WireRole {
  object: 'role';
  id: string;
  name: string;
  slug: string;
  description: string | null;
  permissions: string[];
  resource_type_slug: string;
  type: string;
  created_at: string;
  updated_at: string;
}

export interface WireEvent {
  object: 'event';
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  context: Record<string, unknown>;
}

export function wireGroup(group: DirectoryGroupRecord): WireDirectoryGroup {
  return {
    object: 'directory_group',
    id: group.id,
    idp_id: group.idpId,
    directory_id: group.directoryId,
    organization_id: group.organizationId,
    name: group.name,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    raw_attributes: group.rawAttributes,
  };
}

export function wireUser(user: DirectoryUserRecord): WireDirectoryUser {
  const fullName = [user.firstName, user.lastName].filter((part) => part !== null && part !== '').join(' ');
  return {
    object: 'directory_user',
    id: user.id,
    directory_id: user.directoryId,
    organization_id: user.organizationId,
    idp_id: user.idpId,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    name: fullName === '' ? null : fullName,
    emails: user.email === null ? [] : [{ primary: true, type: 'work', value: user.email }],
    job_title: user.jobTitle,
    username: user.username,
    state: user.state,
    raw_attributes: user.rawAttributes,
    custom_attributes: user.customAttributes,
    role: { slug: user.role },
    roles: user.roles.map((slug) => ({ slug })),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function wireUserWithGroups(
  user: DirectoryUserRecord,
  groups: DirectoryGroupRecord[],
): WireDirectoryUserWithGroups {
  return { ...wireUser(user), groups: groups.map(wireGroup) };
}

export function wireDirectory(
  directory: DirectoryRecord,
  users: { active: number; inactive: number },
): WireDirectory {
  const wire: WireDirectory = {
    object: 'directory',
    id: directory.id,
    organization_id: directory.organizationId,
    external_key: directory.externalKey,
    type: directory.type,
    state: directory.state,
    name: directory.name,
    metadata: { users, groups: directory.groupIds.size },
    created_at: directory.createdAt,
    updated_at: directory.updatedAt,
  };
  if (directory.domain !== undefined) wire.domain = directory.domain;
  return wire;
}

/** Event payloads carry the SDK-facing state names (contract §1.2). */
export function eventDirectoryState(state: DirectoryRecord['state']): string {
  if (state === 'linked') return 'active';
  if (state === 'unlinked') return 'inactive';
  return state;
}

export function eventDirectoryActivated(
  directory: DirectoryRecord,
  organization: OrganizationRecord | undefined,
) {
  return {
    object: 'directory',
    id: directory.id,
    organization_id: directory.organizationId,
    type: directory.type,
    state: eventDirectoryState(directory.state),
    name: directory.name,
    external_key: directory.externalKey,
    domains: (organization?.domains ?? []).map((domain) => ({
      object: 'organization_domain',
      id: domain.id,
      domain: domain.domain,
    })),
    created_at: directory.createdAt,
    updated_at: directory.updatedAt,
  };
}

export function eventDirectoryDeleted(directory: DirectoryRecord) {
  return {
    object: 'directory',
    id: directory.id,
    organization_id: directory.organizationId,
    type: directory.type,
    state: eventDirectoryState(directory.state),
    name: directory.name,
    created_at: directory.createdAt,
    updated_at: directory.updatedAt,
  };
}

export function wireOrganization(organization: OrganizationRecord): WireOrganization {
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    allow_profiles_outside_organization: false,
    domains: organization.domains.map((domain) => ({
      object: 'organization_domain',
      id: domain.id,
      organization_id: organization.id,
      domain: domain.domain,
      state: domain.state,
      verification_strategy: domain.verificationStrategy,
      created_at: organization.createdAt,
      updated_at: organization.updatedAt,
    })),
    metadata: organization.metadata,
    external_id: organization.externalId,
    created_at: organization.createdAt,
    updated_at: organization.updatedAt,
  };
}

function connectionStatus(connection: ConnectionRecord): 'linked' | 'unlinked' {
  return connection.state === 'active' ? 'linked' : 'unlinked';
}

export function wireConnection(connection: ConnectionRecord): WireConnection {
  return {
    object: 'connection',
    id: connection.id,
    organization_id: connection.organizationId,
    connection_type: connection.connectionType,
    name: connection.name,
    state: connection.state,
    status: connectionStatus(connection),
    domains: connection.domains.map((domain) => ({
      object: 'connection_domain',
      id: domain.id,
      domain: domain.domain,
    })),
    created_at: connection.createdAt,
    updated_at: connection.updatedAt,
  };
}

export function eventConnection(connection: ConnectionRecord) {
  return {
    object: 'connection',
    id: connection.id,
    state: connection.state,
    name: connection.name,
    connection_type: connection.connectionType,
    organization_id: connection.organizationId,
    created_at: connection.createdAt,
    updated_at: connection.updatedAt,
    external_key: connection.externalKey,
    status: connectionStatus(connection),
    domains: connection.domains.map((domain) => ({
      object: 'connection_domain',
      id: domain.id,
      domain: domain.domain,
    })),
  };
}

export function wireRole(role: RoleRecord): WireRole {
  return {
    object: 'role',
    id: role.id,
    name: role.name,
    slug: role.slug,
    description: role.description,
    permissions: [...role.permissions],
    resource_type_slug: 'organization',
    type: role.type,
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}

export function eventOrganizationRole(role: RoleRecord) {
  return {
    object: 'organization_role',
    organization_id: role.organizationId ?? null,
    slug: role.slug,
    name: role.name,
    description: role.description,
    resource_type_slug: 'organization',
    permissions: [...role.permissions],
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}

export function eventEnvironmentRole(role: RoleRecord) {
  return {
    object: 'role',
    slug: role.slug,
    resource_type_slug: 'organization',
    permissions: [...role.permissions],
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}
