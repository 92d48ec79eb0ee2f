/**
 * The Gem stand-in's records, in the shape of the Gem admin API v0 wire objects (docs: shared contract
 * `gem/admin-api.md`), plus the few fields the wire does not show (a staff member's token, a role's team).
 */
export const CAPABILITIES = ['teams:read', 'scim:manage', 'roles:sync'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface GemStaff {
  /** The bearer token; never leaves the stand-in in a response. */
  token: string;
  id: string;
  email: string;
  name: string;
  capabilities: Capability[];
  /** A revoked token answers 401 like an unknown one. */
  revoked: boolean;
}

export interface GemScimBlock {
  module_enabled: boolean;
  module_enabled_at: string | null;
  module_enabled_by: string | null;
  workos_organization_id: string | null;
  setup_completed_at: string | null;
}

export interface GemTeam {
  id: string;
  name: string;
  domain: string;
  plan: string;
  csm: { email: string; name: string };
  scim: GemScimBlock;
  created_at: string;
  updated_at: string;
}

export const PREDEFINED_ROLE_SLUGS = ['admin', 'standard', 'restricted'] as const;
export type PredefinedRoleSlug = (typeof PREDEFINED_ROLE_SLUGS)[number];

export const WORKOS_SYNC_STATUSES = ['not_required', 'pending', 'in_progress', 'synced'] as const;
export type WorkosSyncStatus = (typeof WORKOS_SYNC_STATUSES)[number];

export interface WorkosSyncBlock {
  status: WorkosSyncStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  synced_at: string | null;
  synced_by: string | null;
  workos_role_slug: string | null;
}

export interface GemRole {
  team_id: string;
  slug: string;
  name: string;
  kind: 'predefined' | 'custom';
  created_at: string;
  updated_at: string;
  created_by: string | null;
  workos_sync: WorkosSyncBlock;
}

export type MemberStatus = 'active' | 'deactivated';

export interface GemMember {
  id: string;
  team_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role_slug: string;
  status: MemberStatus;
  scim_managed: boolean;
  directory_user_id: string | null;
  created_at: string;
  updated_at: string;
}
