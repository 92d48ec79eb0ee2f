/**
 * The console's own view of WorkOS objects: plain data, no SDK types, stable for the store and the UI.
 * Field names follow the SDK's camelCase; absent optional values are `null`, never `undefined`.
 */

export interface WorkosPage<T> {
  data: T[];
  /** Cursor for the next page (pass as `after`), or null when this is the last page. */
  after: string | null;
  before: string | null;
}

/** SDK-mapped state: `linked` → `active`, `unlinked` → `inactive`; others pass through. */
export type WorkosDirectoryState =
  'active' | 'inactive' | 'validating' | 'invalid_credentials' | 'deleting' | string;

export interface WorkosDirectory {
  id: string;
  organizationId: string | null;
  name: string;
  domain: string | null;
  /** e.g. `okta scim v2.0`. */
  type: string;
  state: WorkosDirectoryState;
  externalKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosDirectoryGroup {
  id: string;
  idpId: string;
  directoryId: string;
  organizationId: string | null;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosDirectoryUser {
  id: string;
  idpId: string;
  directoryId: string;
  organizationId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** `active` | `inactive` (| `suspended` per the spec); passed through. */
  state: string;
  /** Primary role slug; null when WorkOS sent none (e.g. no RBAC on the directory). */
  role: string | null;
  /** All role slugs; empty when WorkOS sent none. */
  roles: string[];
  customAttributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosDirectoryUserWithGroups extends WorkosDirectoryUser {
  /** Deprecated upstream (may be `[]` for new teams); still what the list carries. */
  groups: WorkosDirectoryGroup[];
}

export interface WorkosRole {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  type: 'EnvironmentRole' | 'OrganizationRole';
  permissions: string[];
  /** 0 = highest priority; the position in WorkOS's priority-ordered list. */
  priority: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreatedOrganizationRole extends Omit<WorkosRole, 'priority'> {
  /** True when the role was already there with the same name (a repeated or concurrent create). */
  alreadyExisted: boolean;
}

export interface WorkosConnection {
  id: string;
  organizationId: string | null;
  name: string;
  /** `connection_type`, e.g. `OktaSAML`. */
  type: string;
  /** `draft` | `active` | `inactive` | `validating` | …; passed through. */
  state: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosOrganization {
  id: string;
  name: string;
  externalId: string | null;
  domains: string[];
  createdAt: string;
  updatedAt: string;
}

/** Directory as carried by `dsync.activated` / `dsync.deleted` (state already `active`/`inactive`). */
export interface WorkosEventDirectory {
  id: string;
  organizationId: string | null;
  name: string;
  type: string;
  state: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosEventOrganizationRole {
  organizationId: string;
  slug: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WorkosEventEnvironmentRole {
  slug: string;
  createdAt: string;
  updatedAt: string;
}

interface EventBase<E extends string, D> {
  id: string;
  event: E;
  createdAt: string;
  data: D;
}

export type WorkosEvent =
  | EventBase<'dsync.activated' | 'dsync.deleted', WorkosEventDirectory>
  | EventBase<'dsync.user.created' | 'dsync.user.deleted', WorkosDirectoryUser>
  | EventBase<'dsync.user.updated', WorkosDirectoryUser & { previousAttributes: Record<string, unknown> }>
  | EventBase<'dsync.group.created' | 'dsync.group.deleted', WorkosDirectoryGroup>
  | EventBase<'dsync.group.updated', WorkosDirectoryGroup & { previousAttributes: Record<string, unknown> }>
  | EventBase<
      'dsync.group.user_added' | 'dsync.group.user_removed',
      { directoryId: string; user: WorkosDirectoryUser; group: WorkosDirectoryGroup }
    >
  | EventBase<
      'organization_role.created' | 'organization_role.updated' | 'organization_role.deleted',
      WorkosEventOrganizationRole
    >
  | EventBase<'role.created' | 'role.updated' | 'role.deleted', WorkosEventEnvironmentRole>
  | EventBase<'connection.activated' | 'connection.deactivated' | 'connection.deleted', WorkosConnection>;

export type WorkosEventName = WorkosEvent['event'];

/** Every event type the console understands; pass a subset as the explicit `events` filter. */
export const WORKOS_EVENT_NAMES: readonly WorkosEventName[] = [
  'dsync.activated',
  'dsync.deleted',
  'dsync.user.created',
  'dsync.user.updated',
  'dsync.user.deleted',
  'dsync.group.created',
  'dsync.group.updated',
  'dsync.group.deleted',
  'dsync.group.user_added',
  'dsync.group.user_removed',
  'organization_role.created',
  'organization_role.updated',
  'organization_role.deleted',
  'role.created',
  'role.updated',
  'role.deleted',
  'connection.activated',
  'connection.deactivated',
  'connection.deleted',
];

export interface WorkosEventsPage {
  events: WorkosEvent[];
  /**
   * Events the page carried that the console cannot read: not applied, but the cursor moves past them. SDK 8.13
   * turns an event type it does not know into `undefined` (the whole element, id included), so `id` and `event`
   * are null for those; `index` is the position in the page.
   */
  skipped: { index: number; id: string | null; event: string | null; reason: string }[];
  /** Cursor to pass as `after` next time; null when WorkOS says there is nothing further. */
  after: string | null;
}

export type PortalIntent = 'dsync' | 'sso' | 'audit_logs' | 'log_streams' | 'domain_verification';
