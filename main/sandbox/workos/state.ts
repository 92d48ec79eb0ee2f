import { notFound, WorkosSandboxError } from './errors';
import { EventLog } from './event-log';
import { MonotonicIdFactory } from './ids';
import {
  type ConnectionRecord,
  type ConnectionState,
  type DirectoryGroupRecord,
  type DirectoryRecord,
  type DirectoryState,
  type DirectoryUserRecord,
  type DirectoryUserState,
  type OrganizationDomainRecord,
  type OrganizationRecord,
  type RoleRecord,
  supportsGroupRoles,
} from './records';
import { computeDirectoryUserRoles } from './role-computation';
import { generateOrganizationRoleSlug, validateOrganizationRoleInput } from './role-slugs';
import {
  eventConnection,
  eventDirectoryActivated,
  eventDirectoryDeleted,
  eventEnvironmentRole,
  eventOrganizationRole,
  wireGroup,
  wireOrganization,
  wireUser,
  type WireEvent,
} from './wire-format';

export type DeactivationMode = 'soft' | 'delete';
export type WireEventListener = (event: WireEvent) => void;

export interface WorkosStateOptions {
  /** Clock in epoch ms; injectable so retention and timestamps can be tested. */
  now?: () => number;
  /** Seed of generated ids. */
  seed?: number;
  /** `soft`: deactivation emits dsync.user.updated state inactive; `delete`: dsync.user.deleted (newer environments). */
  deactivation?: DeactivationMode;
  eventRetentionMs?: number;
  /** Environment roles in priority order; default: a single seeded `member` role, as in a new WorkOS environment. */
  environmentRoles?: EnvironmentRoleInput[];
  /** Must be one of the environment roles; default `member`. */
  defaultRole?: string;
}

const SEEDED_ENVIRONMENT_ROLES: EnvironmentRoleInput[] = [
  { slug: 'member', name: 'Member', description: 'The default user role' },
];

export interface EnvironmentRoleInput {
  id?: string;
  slug: string;
  name: string;
  description?: string | null;
  permissions?: string[];
  createdAt?: string;
}

export interface OrganizationInput {
  id?: string;
  name: string;
  externalId?: string | null;
  domains?: (string | { id?: string; domain: string; state?: OrganizationDomainRecord['state'] })[];
  metadata?: Record<string, string>;
  createdAt?: string;
}

export interface OrganizationRoleInput {
  id?: string;
  slug?: string;
  name: string;
  description?: string | null;
  permissions?: string[];
  createdAt?: string;
}

export interface ConnectionInput {
  id?: string;
  organizationId: string;
  connectionType: string;
  name: string;
  state?: ConnectionState;
  domains?: string[];
  createdAt?: string;
}

export interface DirectoryInput {
  id?: string;
  organizationId: string;
  type: string;
  name: string;
  state?: DirectoryState;
  domain?: string;
  externalKey?: string;
  createdAt?: string;
}

export interface GroupInput {
  id?: string;
  directoryId: string;
  name: string;
  idpId?: string;
  rawAttributes?: Record<string, unknown>;
  createdAt?: string;
}

export interface UserInput {
  id?: string;
  directoryId: string;
  email: string | null;
  firstName?: string | null;
  lastName?: string | null;
  idpId?: string;
  jobTitle?: string | null;
  username?: string | null;
  state?: DirectoryUserState;
  customAttributes?: Record<string, unknown>;
  rawAttributes?: Record<string, unknown>;
  groupIds?: string[];
  createdAt?: string;
}

export type UserPatch = Partial<
  Pick<
    UserInput,
    | 'email'
    | 'firstName'
    | 'lastName'
    | 'idpId'
    | 'jobTitle'
    | 'username'
    | 'state'
    | 'customAttributes'
    | 'rawAttributes'
  >
>;

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The WorkOS stand-in's whole state: environment roles, organizations with role priority and custom roles, SSO
 * connections, directories with groups and users, and each directory's hidden group → role table. Users' `role` and
 * `roles` are always recomputed with computeDirectoryUserRoles. Every mutation appends WorkOS events (contract §2.4)
 * to the event log and tells subscribers, synchronously and in order.
 */
export class WorkosState {
  readonly environmentRoles = new Map<string, RoleRecord>();
  /** Environment role slugs, highest priority first. */
  environmentPriority: string[] = [];
  defaultRole: string;
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly connections = new Map<string, ConnectionRecord>();
  readonly directories = new Map<string, DirectoryRecord>();
  readonly groups = new Map<string, DirectoryGroupRecord>();
  readonly users = new Map<string, DirectoryUserRecord>();
  readonly events: EventLog;
  deactivationMode: DeactivationMode;

  readonly now: () => number;
  private readonly ids: MonotonicIdFactory;
  private readonly listeners = new Set<WireEventListener>();
  private muted = 0;
  private version = 0;
  private readonly sortedCache = new Map<string, { version: number; items: unknown[] }>();

  constructor(options: WorkosStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ids = new MonotonicIdFactory(this.now, options.seed);
    this.events = new EventLog(this.now, { retentionMs: options.eventRetentionMs });
    this.deactivationMode = options.deactivation ?? 'delete';
    this.defaultRole = options.defaultRole ?? 'member';
    this.withoutEvents(() => {
      for (const role of options.environmentRoles ?? SEEDED_ENVIRONMENT_ROLES)
        this.createEnvironmentRole(role);
    });
    if (!this.environmentRoles.has(this.defaultRole)) throw notFound('Role', this.defaultRole);
  }

  // ---------------------------------------------------------------- events

  subscribe(listener: WireEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Runs `fn` without recording events (bulk loads). Roles are still computed. */
  withoutEvents<T>(fn: () => T): T {
    this.muted += 1;
    try {
      return fn();
    } finally {
      this.muted -= 1;
    }
  }

  generateId(prefix: string): string {
    return this.ids.next(prefix);
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  private emit(name: string, data: () => Record<string, unknown>, organizationId: string | null): void {
    this.version += 1;
    if (this.muted > 0) return;
    const createdAtMs = this.now();
    const wire: WireEvent = {
      object: 'event',
      id: this.ids.next('event'),
      event: name,
      data: data(),
      created_at: new Date(createdAtMs).toISOString(),
      context: {},
    };
    this.events.append({ wire, organizationId, createdAtMs });
    for (const listener of this.listeners) {
      try {
        listener(wire);
      } catch {
        // A failing subscriber (e.g. the Gem stand-in) must not corrupt the IdP's state or stop other subscribers.
      }
    }
  }

  private touch(): void {
    this.version += 1;
  }

  // ---------------------------------------------------------------- lookups

  organization(id: string): OrganizationRecord {
    const organization = this.organizations.get(id);
    if (!organization) throw notFound('Organization', id);
    return organization;
  }

  directory(id: string): DirectoryRecord {
    const directory = this.directories.get(id);
    if (!directory) throw notFound('Directory', id);
    return directory;
  }

  group(id: string): DirectoryGroupRecord {
    const group = this.groups.get(id);
    if (!group) throw notFound('Directory Group', id);
    return group;
  }

  user(id: string): DirectoryUserRecord {
    const user = this.users.get(id);
    if (!user) throw notFound('Directory User', id);
    return user;
  }

  connection(id: string): ConnectionRecord {
    const connection = this.connections.get(id);
    if (!connection) throw notFound('Connection', id);
    return connection;
  }

  /** All roles of an organization (environment + custom) in its priority order. */
  organizationRoles(organizationId: string): RoleRecord[] {
    const organization = this.organization(organizationId);
    return organization.priority
      .map((slug) => organization.customRoles.get(slug) ?? this.environmentRoles.get(slug))
      .filter((role): role is RoleRecord => role !== undefined);
  }

  organizationRole(organizationId: string, slug: string): RoleRecord {
    const organization = this.organization(organizationId);
    const role = organization.customRoles.get(slug) ?? this.environmentRoles.get(slug);
    if (!role) throw notFound('Role', slug);
    return role;
  }

  environmentRolesInPriority(): RoleRecord[] {
    return this.environmentPriority
      .map((slug) => this.environmentRoles.get(slug))
      .filter((role): role is RoleRecord => role !== undefined);
  }

  groupsOfUser(user: DirectoryUserRecord): DirectoryGroupRecord[] {
    return [...user.groupIds]
      .map((id) => this.groups.get(id))
      .filter((group): group is DirectoryGroupRecord => group !== undefined)
      .sort(byCreation);
  }

  directoryUserCounts(directory: DirectoryRecord): { active: number; inactive: number } {
    let active = 0;
    let inactive = 0;
    for (const id of directory.userIds) {
      if (this.users.get(id)?.state === 'active') active += 1;
      else inactive += 1;
    }
    return { active, inactive };
  }

  /** Sorted by creation, oldest first; cached until the next mutation so paging a large directory stays cheap. */
  sorted<T extends { createdAt: string; id: string }>(cacheKey: string, source: () => Iterable<T>): T[] {
    const cached = this.sortedCache.get(cacheKey);
    if (cached && cached.version === this.version) return cached.items as T[];
    const items = [...source()].sort(byCreation);
    this.sortedCache.set(cacheKey, { version: this.version, items });
    if (this.sortedCache.size > 256) this.sortedCache.clear();
    return items;
  }

  /** The hidden group → role table of a directory, as plain data (for the private control API only). */
  groupRoleTable(directoryId: string): Record<string, string> {
    return Object.fromEntries(this.directory(directoryId).groupRole);
  }

  // ---------------------------------------------------------------- environment roles

  createEnvironmentRole(input: EnvironmentRoleInput): RoleRecord {
    if (this.environmentRoles.has(input.slug)) {
      throw new WorkosSandboxError(
        'conflict',
        `A role with slug '${input.slug}' already exists.`,
        'role_slug_conflict',
      );
    }
    const at = input.createdAt ?? this.timestamp();
    const role: RoleRecord = {
      id: input.id ?? this.ids.next('role'),
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      permissions: [...(input.permissions ?? [])],
      type: 'EnvironmentRole',
      createdAt: at,
      updatedAt: at,
    };
    this.environmentRoles.set(role.slug, role);
    this.environmentPriority.push(role.slug);
    for (const organization of this.organizations.values()) {
      if (!organization.priority.includes(role.slug)) organization.priority.push(role.slug);
    }
    this.emit('role.created', () => eventEnvironmentRole(role), null);
    return role;
  }

  /** Changes the environment default role (the role of users whose groups map to nothing). */
  setDefaultRole(slug: string): void {
    if (!this.environmentRoles.has(slug)) throw notFound('Role', slug);
    this.defaultRole = slug;
    this.touch();
    for (const directory of this.directories.values()) this.recomputeUsers(directory.userIds);
  }

  // ---------------------------------------------------------------- organizations

  createOrganization(input: OrganizationInput): OrganizationRecord {
    if (input.externalId != null) {
      for (const other of this.organizations.values()) {
        if (other.externalId === input.externalId) {
          throw new WorkosSandboxError(
            'invalid',
            `An organization with external ID '${input.externalId}' already exists.`,
            'external_id_already_used',
          );
        }
      }
    }
    const domains = (input.domains ?? []).map((entry): OrganizationDomainRecord => {
      const spec = typeof entry === 'string' ? { domain: entry } : entry;
      return {
        id: spec.id ?? this.ids.next('org_domain'),
        domain: spec.domain,
        state: spec.state ?? 'verified',
        verificationStrategy: 'dns',
      };
    });
    for (const domain of domains) {
      for (const other of this.organizations.values()) {
        if (other.domains.some((existing) => existing.domain === domain.domain)) {
          throw new WorkosSandboxError(
            'conflict',
            `An Organization with the domain ${domain.domain} already exists.`,
          );
        }
      }
    }
    const at = input.createdAt ?? this.timestamp();
    const organization: OrganizationRecord = {
      id: input.id ?? this.ids.next('org'),
      name: input.name,
      externalId: input.externalId ?? null,
      domains,
      metadata: { ...(input.metadata ?? {}) },
      createdAt: at,
      updatedAt: at,
      customRoles: new Map(),
      priority: [...this.environmentPriority],
    };
    this.organizations.set(organization.id, organization);
    this.emit('organization.created', () => ({ ...wireOrganization(organization) }), organization.id);
    return organization;
  }

  updateOrganization(
    id: string,
    patch: { name?: string; externalId?: string | null; metadata?: Record<string, string> },
  ) {
    const organization = this.organization(id);
    if (patch.name !== undefined) organization.name = patch.name;
    if (patch.externalId !== undefined) organization.externalId = patch.externalId;
    if (patch.metadata !== undefined) organization.metadata = { ...patch.metadata };
    organization.updatedAt = this.timestamp();
    this.emit('organization.updated', () => ({ ...wireOrganization(organization) }), organization.id);
    return organization;
  }

  createOrganizationRole(organizationId: string, input: OrganizationRoleInput): RoleRecord {
    const organization = this.organization(organizationId);
    validateOrganizationRoleInput(input);
    const slug = input.slug ?? generateOrganizationRoleSlug(input.name, this.ids.next('x').slice(-6));
    if (organization.customRoles.has(slug) || this.environmentRoles.has(slug)) {
      throw new WorkosSandboxError(
        'conflict',
        `A role with slug '${slug}' already exists in this organization.`,
        'organization_role_slug_conflict',
      );
    }
    const at = input.createdAt ?? this.timestamp();
    const role: RoleRecord = {
      id: input.id ?? this.ids.next('role'),
      slug,
      name: input.name,
      description: input.description ?? null,
      permissions: [...(input.permissions ?? [])],
      type: 'OrganizationRole',
      organizationId,
      createdAt: at,
      updatedAt: at,
    };
    organization.customRoles.set(slug, role);
    // New roles go to the bottom of the priority order, as in the WorkOS dashboard.
    organization.priority.push(slug);
    this.emit('organization_role.created', () => eventOrganizationRole(role), organizationId);
    return role;
  }

  updateOrganizationRole(
    organizationId: string,
    slug: string,
    patch: { name?: string; description?: string | null; permissions?: string[] },
  ): RoleRecord {
    const organization = this.organization(organizationId);
    const role = organization.customRoles.get(slug);
    if (!role) throw notFound('Role', slug);
    validateOrganizationRoleInput({ name: patch.name ?? role.name, description: patch.description });
    if (patch.name !== undefined) role.name = patch.name;
    if (patch.description !== undefined) role.description = patch.description;
    if (patch.permissions !== undefined) role.permissions = [...patch.permissions];
    role.updatedAt = this.timestamp();
    this.emit('organization_role.updated', () => eventOrganizationRole(role), organizationId);
    return role;
  }

  deleteOrganizationRole(organizationId: string, slug: string): void {
    const organization = this.organization(organizationId);
    const role = organization.customRoles.get(slug);
    if (!role) throw notFound('Role', slug);
    for (const directory of this.directories.values()) {
      if (directory.organizationId !== organizationId) continue;
      for (const mapped of directory.groupRole.values()) {
        if (mapped === slug) {
          throw new WorkosSandboxError(
            'conflict',
            `The role '${slug}' cannot be deleted because directory groups are mapped to it.`,
            'role_has_group_role_mappings',
          );
        }
      }
    }
    organization.customRoles.delete(slug);
    organization.priority = organization.priority.filter((entry) => entry !== slug);
    this.emit('organization_role.deleted', () => eventOrganizationRole(role), organizationId);
  }

  /** Reorders an organization's roles; `slugs` must list every role of the organization exactly once. */
  setPriority(organizationId: string, slugs: string[]): void {
    const organization = this.organization(organizationId);
    const expected = new Set(organization.priority);
    const given = new Set(slugs);
    if (
      given.size !== slugs.length ||
      given.size !== expected.size ||
      slugs.some((slug) => !expected.has(slug))
    ) {
      throw new WorkosSandboxError(
        'invalid',
        `Priority must list each role of organization ${organizationId} exactly once: ${[...expected].join(', ')}.`,
        'invalid_priority',
      );
    }
    organization.priority = [...slugs];
    this.touch();
    for (const directory of this.directories.values()) {
      if (directory.organizationId === organizationId) this.recomputeUsers(directory.userIds);
    }
  }

  // ---------------------------------------------------------------- connections

  createConnection(input: ConnectionInput): ConnectionRecord {
    this.organization(input.organizationId);
    const at = input.createdAt ?? this.timestamp();
    const connection: ConnectionRecord = {
      id: input.id ?? this.ids.next('conn'),
      organizationId: input.organizationId,
      connectionType: input.connectionType,
      name: input.name,
      state: input.state ?? 'draft',
      externalKey: this.ids.next('key').slice(-16),
      domains: (input.domains ?? []).map((domain) => ({ id: this.ids.next('org_domain'), domain })),
      createdAt: at,
      updatedAt: at,
    };
    this.connections.set(connection.id, connection);
    if (connection.state === 'active') {
      this.emit('connection.activated', () => eventConnection(connection), connection.organizationId);
    } else {
      this.touch();
    }
    return connection;
  }

  setConnectionState(id: string, state: ConnectionState): ConnectionRecord {
    const connection = this.connection(id);
    const previous = connection.state;
    if (previous === state) return connection;
    connection.state = state;
    connection.updatedAt = this.timestamp();
    if (state === 'active') {
      this.emit('connection.activated', () => eventConnection(connection), connection.organizationId);
    } else if (previous === 'active') {
      this.emit('connection.deactivated', () => eventConnection(connection), connection.organizationId);
    } else {
      this.touch();
    }
    return connection;
  }

  deleteConnection(id: string): void {
    const connection = this.connection(id);
    this.connections.delete(id);
    this.emit(
      'connection.deleted',
      () => {
        const {
          external_key: _key,
          status: _status,
          domains: _domains,
          ...rest
        } = eventConnection(connection);
        return rest;
      },
      connection.organizationId,
    );
  }

  // ---------------------------------------------------------------- directories

  createDirectory(input: DirectoryInput): DirectoryRecord {
    this.organization(input.organizationId);
    const at = input.createdAt ?? this.timestamp();
    const directory: DirectoryRecord = {
      id: input.id ?? this.ids.next('directory'),
      organizationId: input.organizationId,
      externalKey: input.externalKey ?? this.ids.next('key').slice(-16),
      type: input.type,
      state: input.state ?? 'linked',
      name: input.name,
      createdAt: at,
      updatedAt: at,
      userIds: new Set(),
      groupIds: new Set(),
      groupRole: new Map(),
    };
    if (input.domain !== undefined) directory.domain = input.domain;
    this.directories.set(directory.id, directory);
    if (directory.state === 'linked') this.emitActivated(directory);
    else this.touch();
    return directory;
  }

  private emitActivated(directory: DirectoryRecord): void {
    this.emit(
      'dsync.activated',
      () => eventDirectoryActivated(directory, this.organizations.get(directory.organizationId)),
      directory.organizationId,
    );
  }

  setDirectoryState(id: string, state: DirectoryState): DirectoryRecord {
    const directory = this.directory(id);
    if (directory.state === state) return directory;
    directory.state = state;
    directory.updatedAt = this.timestamp();
    if (state === 'linked') this.emitActivated(directory);
    else this.touch();
    return directory;
  }

  /** Deletes a directory with its users and groups; WorkOS sends a sole dsync.deleted (no per-user deletes). */
  deleteDirectory(id: string): void {
    const directory = this.directory(id);
    for (const userId of directory.userIds) this.users.delete(userId);
    for (const groupId of directory.groupIds) this.groups.delete(groupId);
    this.directories.delete(id);
    this.emit('dsync.deleted', () => eventDirectoryDeleted(directory), directory.organizationId);
  }

  // ---------------------------------------------------------------- groups

  createGroup(input: GroupInput): DirectoryGroupRecord {
    const directory = this.directory(input.directoryId);
    const at = input.createdAt ?? this.timestamp();
    const group: DirectoryGroupRecord = {
      id: input.id ?? this.ids.next('directory_group'),
      idpId: input.idpId ?? this.ids.next('idp').slice(-12).toLowerCase(),
      directoryId: directory.id,
      organizationId: directory.organizationId,
      name: input.name,
      rawAttributes: { ...(input.rawAttributes ?? {}) },
      createdAt: at,
      updatedAt: at,
      memberIds: new Set(),
    };
    if (this.groups.has(group.id))
      throw new WorkosSandboxError('conflict', `Directory Group ${group.id} already exists.`);
    this.groups.set(group.id, group);
    directory.groupIds.add(group.id);
    this.emit('dsync.group.created', () => ({ ...wireGroup(group) }), group.organizationId);
    return group;
  }

  updateGroup(
    id: string,
    patch: { name?: string; rawAttributes?: Record<string, unknown> },
  ): DirectoryGroupRecord {
    const group = this.group(id);
    const previous: Record<string, unknown> = {};
    if (patch.name !== undefined && patch.name !== group.name) {
      previous.name = group.name;
      group.name = patch.name;
    }
    if (patch.rawAttributes !== undefined) {
      previous.raw_attributes = group.rawAttributes;
      group.rawAttributes = { ...patch.rawAttributes };
    }
    if (Object.keys(previous).length === 0) return group;
    group.updatedAt = this.timestamp();
    this.emit(
      'dsync.group.updated',
      () => ({ ...wireGroup(group), previous_attributes: previous }),
      group.organizationId,
    );
    return group;
  }

  /** Deletes a group: dsync.group.deleted (no user_removed), its mapping goes, and members' roles are recomputed. */
  deleteGroup(id: string): void {
    const group = this.group(id);
    const directory = this.directory(group.directoryId);
    this.groups.delete(id);
    directory.groupIds.delete(id);
    directory.groupRole.delete(id);
    for (const userId of group.memberIds) this.users.get(userId)?.groupIds.delete(id);
    this.emit('dsync.group.deleted', () => ({ ...wireGroup(group) }), group.organizationId);
    this.recomputeUsers(group.memberIds);
  }

  /** Sets (or clears with null) the hidden mapping of one directory group to a role of the organization. */
  setGroupRole(directoryId: string, groupId: string, roleSlug: string | null): void {
    const directory = this.directory(directoryId);
    const group = this.group(groupId);
    if (group.directoryId !== directoryId) throw notFound('Directory Group', groupId);
    if (roleSlug === null) {
      directory.groupRole.delete(groupId);
    } else {
      if (!supportsGroupRoles(directory.type)) {
        throw new WorkosSandboxError(
          'invalid',
          `Directory ${directoryId} (${directory.type}) does not support group role assignment.`,
          'group_roles_unsupported',
        );
      }
      const organization = this.organization(directory.organizationId);
      if (!organization.priority.includes(roleSlug)) throw notFound('Role', roleSlug);
      directory.groupRole.set(groupId, roleSlug);
    }
    this.touch();
    this.recomputeUsers(group.memberIds);
  }

  // ---------------------------------------------------------------- users

  createUser(input: UserInput): DirectoryUserRecord {
    const directory = this.directory(input.directoryId);
    const id = input.id ?? this.ids.next('directory_user');
    if (this.users.has(id)) throw new WorkosSandboxError('conflict', `Directory User ${id} already exists.`);
    const groups = (input.groupIds ?? []).map((groupId) => {
      const group = this.group(groupId);
      if (group.directoryId !== directory.id) throw notFound('Directory Group', groupId);
      return group;
    });
    const at = input.createdAt ?? this.timestamp();
    const user: DirectoryUserRecord = {
      id,
      directoryId: directory.id,
      organizationId: directory.organizationId,
      idpId: input.idpId ?? id.slice(-10).toLowerCase(),
      email: input.email,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      jobTitle: input.jobTitle ?? null,
      username: input.username ?? input.email,
      state: input.state ?? 'active',
      customAttributes: { ...(input.customAttributes ?? {}) },
      rawAttributes: { ...(input.rawAttributes ?? {}) },
      role: this.defaultRole,
      roles: [this.defaultRole],
      groupIds: new Set(groups.map((group) => group.id)),
      createdAt: at,
      updatedAt: at,
    };
    this.applyRoles(user, this.rolesFor(user));
    this.users.set(id, user);
    directory.userIds.add(id);
    for (const group of groups) group.memberIds.add(id);
    // Order as WorkOS documents for ingestion: user created, then one user_added per group.
    this.emit('dsync.user.created', () => ({ ...wireUser(user) }), user.organizationId);
    for (const group of groups) this.emitMembership('dsync.group.user_added', user, group);
    return user;
  }

  updateUser(id: string, patch: UserPatch): DirectoryUserRecord {
    const user = this.user(id);
    const before = wireUser(user);
    if (patch.email !== undefined) user.email = patch.email;
    if (patch.firstName !== undefined) user.firstName = patch.firstName;
    if (patch.lastName !== undefined) user.lastName = patch.lastName;
    if (patch.idpId !== undefined) user.idpId = patch.idpId;
    if (patch.jobTitle !== undefined) user.jobTitle = patch.jobTitle;
    if (patch.username !== undefined) user.username = patch.username;
    if (patch.state !== undefined) user.state = patch.state;
    if (patch.customAttributes !== undefined) user.customAttributes = { ...patch.customAttributes };
    if (patch.rawAttributes !== undefined) user.rawAttributes = { ...patch.rawAttributes };
    const previous = previousAttributes(
      before as unknown as Record<string, unknown>,
      wireUser(user) as unknown as Record<string, unknown>,
    );
    if (Object.keys(previous).length === 0) return user;
    user.updatedAt = this.timestamp();
    this.emitUserUpdated(user, previous);
    return user;
  }

  /** IdP deactivation: soft mode marks the user inactive (dsync.user.updated); delete mode removes it. */
  deactivateUser(id: string): void {
    if (this.deactivationMode === 'delete') this.deleteUser(id);
    else this.updateUser(id, { state: 'inactive' });
  }

  deleteUser(id: string): void {
    const user = this.user(id);
    for (const groupId of user.groupIds) this.groups.get(groupId)?.memberIds.delete(id);
    this.directories.get(user.directoryId)?.userIds.delete(id);
    this.users.delete(id);
    this.emit('dsync.user.deleted', () => ({ ...wireUser(user) }), user.organizationId);
  }

  addUserToGroup(userId: string, groupId: string): void {
    const user = this.user(userId);
    const group = this.group(groupId);
    if (group.directoryId !== user.directoryId) {
      throw new WorkosSandboxError('invalid', `Group ${groupId} is not in directory ${user.directoryId}.`);
    }
    if (user.groupIds.has(groupId)) return;
    user.groupIds.add(groupId);
    group.memberIds.add(userId);
    this.emitMembership('dsync.group.user_added', user, group);
    this.recomputeUsers([userId]);
  }

  removeUserFromGroup(userId: string, groupId: string): void {
    const user = this.user(userId);
    const group = this.group(groupId);
    if (!user.groupIds.has(groupId)) return;
    user.groupIds.delete(groupId);
    group.memberIds.delete(userId);
    this.emitMembership('dsync.group.user_removed', user, group);
    this.recomputeUsers([userId]);
  }

  private emitMembership(name: string, user: DirectoryUserRecord, group: DirectoryGroupRecord): void {
    this.emit(
      name,
      () => ({ directory_id: user.directoryId, user: wireUser(user), group: wireGroup(group) }),
      user.organizationId,
    );
  }

  private emitUserUpdated(user: DirectoryUserRecord, previous: Record<string, unknown>): void {
    this.emit(
      'dsync.user.updated',
      () => ({ ...wireUser(user), previous_attributes: previous }),
      user.organizationId,
    );
  }

  // ---------------------------------------------------------------- roles

  private rolesFor(user: DirectoryUserRecord): { role: string; roles: string[] } {
    const directory = this.directories.get(user.directoryId);
    const organization = this.organizations.get(user.organizationId);
    const table = directory && supportsGroupRoles(directory.type) ? directory.groupRole : EMPTY_TABLE;
    return computeDirectoryUserRoles(
      [...user.groupIds],
      table,
      organization?.priority ?? [],
      this.defaultRole,
    );
  }

  private applyRoles(user: DirectoryUserRecord, computed: { role: string; roles: string[] }): void {
    user.role = computed.role;
    user.roles = computed.roles;
  }

  /** Recomputes roles; a change emits dsync.user.updated with previous_attributes.role (and .roles). */
  private recomputeUsers(userIds: Iterable<string>): void {
    for (const userId of userIds) {
      const user = this.users.get(userId);
      if (!user) continue;
      const computed = this.rolesFor(user);
      const roleChanged = computed.role !== user.role;
      const rolesChanged = computed.roles.join('\u0000') !== user.roles.join('\u0000');
      if (!roleChanged && !rolesChanged) continue;
      const previous: Record<string, unknown> = {};
      if (roleChanged) previous.role = { slug: user.role };
      if (rolesChanged) previous.roles = user.roles.map((slug) => ({ slug }));
      this.applyRoles(user, computed);
      user.updatedAt = this.timestamp();
      this.emitUserUpdated(user, previous);
    }
  }
}

const EMPTY_TABLE: ReadonlyMap<string, string> = new Map();

/** Shallow diff of root props and of custom_attributes; a newly added attribute appears as null (contract §2.4). */
function previousAttributes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'custom_attributes' || key === 'updated_at') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  const beforeCustom = (before.custom_attributes ?? {}) as Record<string, unknown>;
  const afterCustom = (after.custom_attributes ?? {}) as Record<string, unknown>;
  const customDiff: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(beforeCustom), ...Object.keys(afterCustom)])) {
    if (JSON.stringify(beforeCustom[key]) !== JSON.stringify(afterCustom[key]))
      customDiff[key] = beforeCustom[key] ?? null;
  }
  if (Object.keys(customDiff).length > 0) previous.custom_attributes = customDiff;
  return previous;
}
