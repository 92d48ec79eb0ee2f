/**
 * Schemas of what the report calls return (teams, members, inferred mappings, drift, the custom-role queue).
 * Part of the contract: preload/api.ts names the calls that use them.
 */
import { z } from 'zod';

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  plan: z.string().nullable(),
  csmEmail: z.string().nullable(),
  csmName: z.string().nullable(),
  scimModuleEnabled: z.boolean(),
  scimEnabledAt: z.string().nullable(),
  scimEnabledBy: z.string().nullable(),
  workosOrganizationId: z.string().nullable(),
  setupCompletedAt: z.string().nullable(),
  pinned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeamRow = z.infer<typeof TeamSchema>;

/** A row of the team list: the team plus the Okta rule at a glance (null until the team was synced). */
export const TeamListRowSchema = TeamSchema.extend({ oktaSsoMissing: z.boolean().nullable() });
export type TeamListRow = z.infer<typeof TeamListRowSchema>;

export const TeamOverviewSchema = z.object({
  team: TeamSchema,
  scim: z.object({ moduleEnabled: z.boolean(), linked: z.boolean(), setupCompleted: z.boolean() }),
  setupState: z.enum(['not_enabled', 'not_linked', 'awaiting_directory', 'directory_inactive', 'active']),
  directories: z.array(z.object({ id: z.string(), type: z.string(), state: z.string(), name: z.string() })),
  okta: z.object({ usesOkta: z.boolean(), hasActiveOktaSso: z.boolean(), warning: z.string().nullable() }),
  counts: z.object({
    members: z.number(),
    activeMembers: z.number(),
    scimManagedMembers: z.number(),
    directoryUsers: z.number(),
    groups: z.number(),
  }),
  asOf: z.string().nullable(),
});
export type TeamOverview = z.infer<typeof TeamOverviewSchema>;

export const MemberRowSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  roleSlug: z.string(),
  status: z.string(),
  scimManaged: z.boolean(),
  directoryUserId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  managedBy: z.enum(['idp', 'gem']),
  managedReason: z.string(),
});
export type MemberRow = z.infer<typeof MemberRowSchema>;

export const RoleExplanationSchema = z.object({
  memberId: z.string(),
  directoryUserId: z.string().nullable(),
  role: z.string().nullable(),
  possibleSources: z.array(z.object({ id: z.string(), name: z.string() })),
  viaDefault: z.boolean(),
  explained: z.boolean(),
  text: z.string(),
});
export type RoleExplanation = z.infer<typeof RoleExplanationSchema>;

export const GroupRowSchema = z.object({
  id: z.string(),
  directoryId: z.string(),
  name: z.string(),
  memberCount: z.number(),
  inference: z.object({
    status: z.enum(['determined', 'ambiguous', 'inconsistent', 'not_computed']),
    candidates: z.array(z.object({ slug: z.string(), name: z.string(), defaultOrNone: z.boolean() })),
    evidence: z.array(z.string()),
  }),
});
export type GroupRow = z.infer<typeof GroupRowSchema>;

const DriftKind = z.enum([
  'not_provisioned',
  'should_be_deprovisioned',
  'role_differs',
  'email_differs',
  'not_scim_managed',
]);
const GemSide = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  role_slug: z.string(),
  status: z.enum(['active', 'deactivated']),
  scim_managed: z.boolean(),
  directory_user_id: z.string().nullable(),
});
const DirectorySide = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  state: z.enum(['active', 'inactive', 'suspended']),
  role_slug: z.string().nullable(),
});
export const DriftReportSchema = z.object({
  findings: z.array(
    z.object({
      kind: DriftKind,
      gem: GemSide.nullable(),
      directory: DirectorySide.nullable(),
      joinedBy: z.enum(['directory_user_id', 'email']).nullable(),
      expectedRoleSlug: z.string().nullable().optional(),
    }),
  ),
  counts: z.record(DriftKind, z.number()),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;

export const RequestRowSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  csmEmail: z.string().nullable(),
  csmName: z.string().nullable(),
  roleSlug: z.string(),
  roleName: z.string(),
  status: z.string(),
  claimedBy: z.string().nullable(),
  claimedAt: z.string().nullable(),
  syncedAt: z.string().nullable(),
  syncedBy: z.string().nullable(),
  workosRoleSlug: z.string().nullable(),
  roleCreatedAt: z.string().nullable(),
  observedAt: z.string(),
  statusChangedAt: z.string(),
  ageBusinessDays: z.number(),
  targetBusinessDays: z.number(),
  overdue: z.boolean(),
  expectedWorkosRoleSlug: z.string(),
  workosRoleAlreadyExists: z.boolean(),
});
export type RequestRow = z.infer<typeof RequestRowSchema>;
