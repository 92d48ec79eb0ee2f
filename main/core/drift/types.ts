/**
 * Types of the drift report: one Gem team's members against its WorkOS directory users. Records are the fields
 * the comparison reads; callers may pass the full API objects.
 */

export interface GemMemberRecord {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role_slug: string;
  status: 'active' | 'deactivated';
  scim_managed: boolean;
  directory_user_id: string | null;
}

export interface DirectoryUserRecord {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  state: 'active' | 'inactive' | 'suspended';
  role_slug: string | null;
}

/**
 * - `not_provisioned`: active in the directory, but not in Gem (or only as a deactivated member).
 * - `should_be_deprovisioned`: active in Gem and SCIM-managed, but gone from the directory or not active there.
 * - `role_differs`: both active; the Gem role is not the one the directory user's WorkOS role maps to.
 * - `email_differs`: both active, joined by directory user id; the emails differ (ignoring case).
 * - `not_scim_managed`: an active member of a SCIM team that was not provisioned through WorkOS.
 */
export type DriftKind =
  'not_provisioned' | 'should_be_deprovisioned' | 'role_differs' | 'email_differs' | 'not_scim_managed';

/** Findings sort by kind in this order, then by email. */
export const DRIFT_KINDS: readonly DriftKind[] = [
  'not_provisioned',
  'should_be_deprovisioned',
  'role_differs',
  'email_differs',
  'not_scim_managed',
];

export type JoinedBy = 'directory_user_id' | 'email';

export interface DriftFinding {
  kind: DriftKind;
  /** The Gem side as given (null when the directory user has no Gem member). */
  gem: GemMemberRecord | null;
  /** The directory side as given (null when the member has no directory user). */
  directory: DirectoryUserRecord | null;
  /** How the two sides were matched; null when only one side exists. */
  joinedBy: JoinedBy | null;
  /** `role_differs` only: the Gem role the directory user's WorkOS role maps to; null when it maps to none. */
  expectedRoleSlug?: string | null;
}

export interface DriftInput {
  members: readonly GemMemberRecord[];
  directoryUsers: readonly DirectoryUserRecord[];
  /** WorkOS role slug → Gem role slug, or null when the WorkOS role has no Gem counterpart. */
  mapWorkosRoleToGem: (workosRoleSlug: string) => string | null;
  /** Whether the team provisions through SCIM; `not_scim_managed` is only reported when it does. Default true. */
  teamUsesScim?: boolean;
}

export interface DriftReport {
  findings: DriftFinding[];
  /** Every kind is present, zero when there is no finding of it. */
  counts: Record<DriftKind, number>;
}
