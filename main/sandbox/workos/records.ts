/** The stand-in's internal records. Wire shapes are built from them in wire-format.ts. */

export type DirectoryState = 'linked' | 'unlinked' | 'validating' | 'invalid_credentials' | 'deleting';
export type DirectoryUserState = 'active' | 'suspended' | 'inactive';
export type ConnectionState = 'requires_type' | 'draft' | 'active' | 'validating' | 'inactive' | 'deleting';
export type RoleType = 'EnvironmentRole' | 'OrganizationRole';

export interface RoleRecord {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  permissions: string[];
  type: RoleType;
  /** Set for organization roles. */
  organizationId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationDomainRecord {
  id: string;
  domain: string;
  state: 'failed' | 'legacy_verified' | 'pending' | 'unverified' | 'verified';
  verificationStrategy: 'dns' | 'manual';
}

export interface OrganizationRecord {
  id: string;
  name: string;
  externalId: string | null;
  domains: OrganizationDomainRecord[];
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Custom organization roles by slug. */
  customRoles: Map<string, RoleRecord>;
  /** Role slugs (environment + custom), highest priority first. */
  priority: string[];
}

export interface ConnectionRecord {
  id: string;
  organizationId: string;
  connectionType: string;
  name: string;
  state: ConnectionState;
  externalKey: string;
  domains: { id: string; domain: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface DirectoryRecord {
  id: string;
  organizationId: string;
  externalKey: string;
  type: string;
  state: DirectoryState;
  name: string;
  domain?: string;
  createdAt: string;
  updatedAt: string;
  userIds: Set<string>;
  groupIds: Set<string>;
  /** The hidden directory-group → role table (never served on a public path). */
  groupRole: Map<string, string>;
}

export interface DirectoryGroupRecord {
  id: string;
  idpId: string;
  directoryId: string;
  organizationId: string;
  name: string;
  rawAttributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  memberIds: Set<string>;
}

export interface DirectoryUserRecord {
  id: string;
  directoryId: string;
  organizationId: string;
  idpId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  username: string | null;
  state: DirectoryUserState;
  customAttributes: Record<string, unknown>;
  rawAttributes: Record<string, unknown>;
  role: string;
  roles: string[];
  groupIds: Set<string>;
  createdAt: string;
  updatedAt: string;
}

/** Directory types whose groups can be mapped to roles (WorkOS: SCIM-based and Google Workspace). */
export function supportsGroupRoles(directoryType: string): boolean {
  return directoryType.includes('scim') || directoryType === 'gsuite directory';
}
