import { z } from 'zod';

/** Bodies of the private control API (/_sandbox/workos/*). */

const record = z.record(z.string(), z.unknown());

export const createUserBody = z.object({
  id: z.string().optional(),
  directoryId: z.string(),
  email: z.string().nullable(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  idpId: z.string().optional(),
  jobTitle: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  state: z.enum(['active', 'suspended', 'inactive']).optional(),
  customAttributes: record.optional(),
  rawAttributes: record.optional(),
  groupIds: z.array(z.string()).optional(),
});

export const updateUserBody = createUserBody.omit({ id: true, directoryId: true, groupIds: true }).partial();

export const membershipBody = z.object({ userId: z.string(), groupId: z.string() });

export const createGroupBody = z.object({
  id: z.string().optional(),
  directoryId: z.string(),
  name: z.string(),
  idpId: z.string().optional(),
  rawAttributes: record.optional(),
});

export const updateGroupBody = z.object({ name: z.string().optional(), rawAttributes: record.optional() });

export const groupRoleBody = z.object({
  directoryId: z.string(),
  groupId: z.string(),
  roleSlug: z.string().nullable(),
});

export const priorityBody = z.object({ organizationId: z.string(), slugs: z.array(z.string()) });

export const organizationRoleBody = z.object({
  organizationId: z.string(),
  slug: z.string().optional(),
  name: z.string(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).optional(),
});

export const environmentRoleBody = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).optional(),
});

export const defaultRoleBody = z.object({ slug: z.string() });

export const directoryStates = [
  'linked',
  'unlinked',
  'validating',
  'invalid_credentials',
  'deleting',
] as const;

export const createDirectoryBody = z.object({
  id: z.string().optional(),
  organizationId: z.string(),
  type: z.string(),
  name: z.string(),
  state: z.enum(directoryStates).optional(),
  domain: z.string().optional(),
});

export const directoryStateBody = z.object({ state: z.enum(directoryStates) });

export const connectionStates = [
  'requires_type',
  'draft',
  'active',
  'validating',
  'inactive',
  'deleting',
] as const;

export const createConnectionBody = z.object({
  id: z.string().optional(),
  organizationId: z.string(),
  connectionType: z.string(),
  name: z.string(),
  state: z.enum(connectionStates).optional(),
  domains: z.array(z.string()).optional(),
});

export const connectionStateBody = z.object({ state: z.enum(connectionStates) });

export const faultConfigSchema = z.object({
  status429Share: z.number().min(0).max(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  status5xxShare: z.number().min(0).max(1).optional(),
  latencyMs: z.number().min(0).optional(),
  resetShare: z.number().min(0).max(1).optional(),
  malformedShare: z.number().min(0).max(1).optional(),
  wrongContentTypeShare: z.number().min(0).max(1).optional(),
});

/** Route pattern (or `*`) → faults. Replaces every fault config. */
export const faultsBody = z.record(z.string(), faultConfigSchema);

const rateRule = z.object({
  limit: z.number().int().min(1),
  windowMs: z.number().int().min(1),
  enabled: z.boolean().optional(),
});

export const rateLimitsBody = z.object({
  enabled: z.boolean().optional(),
  directoryUsers: rateRule.partial().optional(),
  perKey: rateRule.partial().optional(),
});

export const retentionBody = z.object({ retentionMs: z.number().int().min(0) });

export const deactivationBody = z.object({ mode: z.enum(['soft', 'delete']) });
