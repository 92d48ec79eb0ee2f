import { MalformedResponseError } from './error-mapping';
import type {
  WorkosConnection,
  WorkosDirectory,
  WorkosDirectoryGroup,
  WorkosDirectoryUser,
  WorkosDirectoryUserWithGroups,
  WorkosEvent,
  WorkosEventDirectory,
  WorkosEventName,
  WorkosOrganization,
  WorkosRole,
} from './types';
import { WORKOS_EVENT_NAMES } from './types';

/**
 * SDK objects (camelCase, typed by the SDK but filled from whatever the server sent) → the console's types.
 * Read defensively: a 2xx body that lacks an id or a required field is a malformed response (retryable), not a
 * crash deep inside the sync.
 */

type Obj = Record<string, unknown>;

function obj(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedResponseError(`${what} is not an object`);
  }
  return value as Obj;
}

function str(o: Obj, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new MalformedResponseError(`${what} has no ${key}`);
  return v;
}

function optStr(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

function arr(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedResponseError(`${what} is not a list`);
  return value;
}

function slugOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null) {
    const slug = (value as Obj)['slug'];
    if (typeof slug === 'string') return slug;
  }
  return null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Obj) } : {};
}

export function toDirectory(value: unknown): WorkosDirectory {
  const o = obj(value, 'directory');
  return {
    id: str(o, 'id', 'directory'),
    organizationId: optStr(o, 'organizationId'),
    name: optStr(o, 'name') ?? '',
    domain: optStr(o, 'domain'),
    type: str(o, 'type', 'directory'),
    state: str(o, 'state', 'directory'),
    externalKey: optStr(o, 'externalKey'),
    createdAt: str(o, 'createdAt', 'directory'),
    updatedAt: str(o, 'updatedAt', 'directory'),
  };
}

export function toDirectoryGroup(value: unknown): WorkosDirectoryGroup {
  const o = obj(value, 'directory group');
  return {
    id: str(o, 'id', 'directory group'),
    idpId: optStr(o, 'idpId') ?? '',
    directoryId: str(o, 'directoryId', 'directory group'),
    organizationId: optStr(o, 'organizationId'),
    name: optStr(o, 'name') ?? '',
    createdAt: str(o, 'createdAt', 'directory group'),
    updatedAt: str(o, 'updatedAt', 'directory group'),
  };
}

export function toDirectoryUser(value: unknown): WorkosDirectoryUser {
  const o = obj(value, 'directory user');
  const roles = Array.isArray(o['roles'])
    ? o['roles'].map(slugOf).filter((s): s is string => s !== null)
    : [];
  return {
    id: str(o, 'id', 'directory user'),
    idpId: optStr(o, 'idpId') ?? '',
    directoryId: str(o, 'directoryId', 'directory user'),
    organizationId: optStr(o, 'organizationId'),
    email: optStr(o, 'email'),
    firstName: optStr(o, 'firstName'),
    lastName: optStr(o, 'lastName'),
    state: str(o, 'state', 'directory user'),
    role: slugOf(o['role']),
    roles,
    customAttributes: record(o['customAttributes']),
    createdAt: str(o, 'createdAt', 'directory user'),
    updatedAt: str(o, 'updatedAt', 'directory user'),
  };
}

export function toDirectoryUserWithGroups(value: unknown): WorkosDirectoryUserWithGroups {
  const user = toDirectoryUser(value);
  const groups = arr(obj(value, 'directory user')['groups'], 'directory user groups').map(toDirectoryGroup);
  return { ...user, groups };
}

export function toRole(value: unknown, priority: number): WorkosRole {
  const o = obj(value, 'role');
  const type = o['type'] === 'EnvironmentRole' ? 'EnvironmentRole' : 'OrganizationRole';
  const permissions = Array.isArray(o['permissions'])
    ? o['permissions'].filter((p): p is string => typeof p === 'string')
    : [];
  return {
    id: str(o, 'id', 'role'),
    slug: str(o, 'slug', 'role'),
    name: optStr(o, 'name') ?? '',
    description: optStr(o, 'description'),
    type,
    permissions,
    priority,
    createdAt: str(o, 'createdAt', 'role'),
    updatedAt: str(o, 'updatedAt', 'role'),
  };
}

export function toConnection(value: unknown): WorkosConnection {
  const o = obj(value, 'connection');
  return {
    id: str(o, 'id', 'connection'),
    organizationId: optStr(o, 'organizationId'),
    name: optStr(o, 'name') ?? '',
    type: str(o, 'type', 'connection'),
    state: str(o, 'state', 'connection'),
    createdAt: str(o, 'createdAt', 'connection'),
    updatedAt: str(o, 'updatedAt', 'connection'),
  };
}

export function toOrganization(value: unknown): WorkosOrganization {
  const o = obj(value, 'organization');
  const domains = Array.isArray(o['domains'])
    ? o['domains'].map((d) => optStr(record(d), 'domain')).filter((d): d is string => d !== null)
    : [];
  return {
    id: str(o, 'id', 'organization'),
    name: optStr(o, 'name') ?? '',
    externalId: optStr(o, 'externalId'),
    domains,
    createdAt: str(o, 'createdAt', 'organization'),
    updatedAt: str(o, 'updatedAt', 'organization'),
  };
}

function toEventDirectory(value: unknown): WorkosEventDirectory {
  const o = obj(value, 'event directory');
  return {
    id: str(o, 'id', 'event directory'),
    organizationId: optStr(o, 'organizationId'),
    name: optStr(o, 'name') ?? '',
    type: optStr(o, 'type') ?? '',
    state: str(o, 'state', 'event directory'),
    createdAt: optStr(o, 'createdAt') ?? '',
    updatedAt: optStr(o, 'updatedAt') ?? '',
  };
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WORKOS_EVENT_NAMES);

export function isKnownEventName(name: string): name is WorkosEventName {
  return KNOWN_EVENTS.has(name);
}

/** One SDK event → a console event; throws MalformedResponseError when its data cannot be read. */
export function toEvent(id: string, name: WorkosEventName, createdAt: string, rawData: unknown): WorkosEvent {
  const base = { id, createdAt };
  switch (name) {
    case 'dsync.activated':
    case 'dsync.deleted':
      return { ...base, event: name, data: toEventDirectory(rawData) };
    case 'dsync.user.created':
    case 'dsync.user.deleted':
      return { ...base, event: name, data: toDirectoryUser(rawData) };
    case 'dsync.user.updated':
      return {
        ...base,
        event: name,
        data: {
          ...toDirectoryUser(rawData),
          previousAttributes: record(obj(rawData, 'event')['previousAttributes']),
        },
      };
    case 'dsync.group.created':
    case 'dsync.group.deleted':
      return { ...base, event: name, data: toDirectoryGroup(rawData) };
    case 'dsync.group.updated':
      return {
        ...base,
        event: name,
        data: {
          ...toDirectoryGroup(rawData),
          previousAttributes: record(obj(rawData, 'event')['previousAttributes']),
        },
      };
    case 'dsync.group.user_added':
    case 'dsync.group.user_removed': {
      const o = obj(rawData, 'event');
      return {
        ...base,
        event: name,
        data: {
          directoryId: str(o, 'directoryId', 'membership event'),
          user: toDirectoryUser(o['user']),
          group: toDirectoryGroup(o['group']),
        },
      };
    }
    case 'organization_role.created':
    case 'organization_role.updated':
    case 'organization_role.deleted': {
      const o = obj(rawData, 'organization role event');
      return {
        ...base,
        event: name,
        data: {
          organizationId: str(o, 'organizationId', 'organization role event'),
          slug: str(o, 'slug', 'organization role event'),
          name: optStr(o, 'name') ?? '',
          description: optStr(o, 'description'),
          createdAt: optStr(o, 'createdAt') ?? '',
          updatedAt: optStr(o, 'updatedAt') ?? '',
        },
      };
    }
    case 'role.created':
    case 'role.updated':
    case 'role.deleted': {
      const o = obj(rawData, 'role event');
      return {
        ...base,
        event: name,
        data: {
          slug: str(o, 'slug', 'role event'),
          createdAt: optStr(o, 'createdAt') ?? '',
          updatedAt: optStr(o, 'updatedAt') ?? '',
        },
      };
    }
    case 'connection.activated':
    case 'connection.deactivated':
    case 'connection.deleted':
      return { ...base, event: name, data: toConnection(rawData) };
  }
}
