/**
 * Zod schemas of the Gem admin API v0 wire objects (contract: gem/admin-api.md). The client validates every
 * response body against them; objects are not strict, so fields Gem adds later pass through unharmed.
 */
import { z } from 'zod';

const timestamp = z.string().min(1);

export const gemCapabilitySchema = z.enum(['teams:read', 'scim:manage', 'roles:sync']);
export type GemCapability = z.infer<typeof gemCapabilitySchema>;

export const gemStaffSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  // Unknown capabilities Gem may add later are kept as strings rather than failing the whole call.
  capabilities: z.array(z.string()),
});
export type GemStaff = z.infer<typeof gemStaffSchema>;

export const gemScimSchema = z.object({
  module_enabled: z.boolean(),
  module_enabled_at: timestamp.nullable(),
  module_enabled_by: z.string().nullable(),
  workos_organization_id: z.string().nullable(),
  setup_completed_at: timestamp.nullable(),
});

export const gemTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  plan: z.string(),
  csm: z.object({ email: z.string(), name: z.string() }),
  scim: gemScimSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type GemTeam = z.infer<typeof gemTeamSchema>;

export const gemMemberStatusSchema = z.enum(['active', 'deactivated']);
export type GemMemberStatus = z.infer<typeof gemMemberStatusSchema>;

export const gemMemberSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  role_slug: z.string(),
  status: gemMemberStatusSchema,
  scim_managed: z.boolean(),
  directory_user_id: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type GemMember = z.infer<typeof gemMemberSchema>;

export const gemWorkosSyncStatusSchema = z.enum(['not_required', 'pending', 'in_progress', 'synced']);
export type GemWorkosSyncStatus = z.infer<typeof gemWorkosSyncStatusSchema>;

export const gemRoleSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['predefined', 'custom']),
  created_at: timestamp,
  updated_at: timestamp,
  created_by: z.string().nullable(),
  workos_sync: z.object({
    status: gemWorkosSyncStatusSchema,
    claimed_by: z.string().nullable(),
    claimed_at: timestamp.nullable(),
    synced_at: timestamp.nullable(),
    synced_by: z.string().nullable(),
    workos_role_slug: z.string().nullable(),
  }),
});
export type GemRole = z.infer<typeof gemRoleSchema>;

export const gemRoleSyncRequestSchema = z.object({
  team_id: z.string(),
  team_name: z.string(),
  csm: z.object({ email: z.string(), name: z.string() }),
  role: gemRoleSchema,
});
export type GemRoleSyncRequest = z.infer<typeof gemRoleSyncRequestSchema>;

export function gemListSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().min(1).nullable() });
}

export interface GemPage<T> {
  data: T[];
  next_cursor: string | null;
}

export const gemRoleListSchema = z.object({ data: z.array(gemRoleSchema) });

/** `{"error": {code, message, details?}}`; read leniently, since error bodies are only used for messages. */
export const gemErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type GemErrorBody = z.infer<typeof gemErrorBodySchema>;
