import { z } from 'zod';
import { WorkosState, type WorkosStateOptions } from '../workos/state';

/**
 * The WorkOS half of a sandbox scenario file: environment roles and default role; organizations with their role
 * priority, custom roles, SSO connections and directories (type, state, groups, users with group ids, and the hidden
 * group → role table). Ids (and optionally timestamps) are part of the scenario, so a scenario fully determines the
 * state.
 */
const roleSchema = z.object({
  id: z.string().optional(),
  slug: z.string().min(1),
  name: z.string().min(1),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
});

const connectionSchema = z.object({
  id: z.string(),
  connectionType: z.string(),
  name: z.string(),
  state: z.enum(['requires_type', 'draft', 'active', 'validating', 'inactive', 'deleting']).optional(),
  domains: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
});

const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  idpId: z.string().optional(),
  rawAttributes: z.record(z.string(), z.unknown()).optional(),
  createdAt: z.string().optional(),
});

/** A directory user as a scenario holds it (the combined schema extends it). */
export const workosUserSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  idpId: z.string().optional(),
  jobTitle: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  state: z.enum(['active', 'suspended', 'inactive']).optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  groupIds: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
});

const directorySchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  state: z.enum(['linked', 'unlinked', 'validating', 'invalid_credentials', 'deleting']).optional(),
  domain: z.string().optional(),
  externalKey: z.string().optional(),
  createdAt: z.string().optional(),
  groups: z.array(groupSchema).default([]),
  users: z.array(workosUserSchema).default([]),
  /** The hidden table: directory group id → role slug. */
  groupRoles: z.record(z.string(), z.string()).default({}),
});

const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullable().optional(),
  domains: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  createdAt: z.string().optional(),
  customRoles: z.array(roleSchema).default([]),
  /** Every role slug of the organization (environment + custom), highest priority first. Default: env order, then custom roles. */
  rolePriority: z.array(z.string()).optional(),
  connections: z.array(connectionSchema).default([]),
  directories: z.array(directorySchema).default([]),
});

export const workosScenarioSchema = z.object({
  environment: z
    .object({
      roles: z.array(roleSchema).min(1),
      defaultRole: z.string(),
    })
    .refine((env) => env.roles.some((role) => role.slug === env.defaultRole), {
      message: 'defaultRole must be one of the environment roles',
      path: ['defaultRole'],
    }),
  /** `delete` (newer environments) or `soft` deactivation of directory users. */
  deactivation: z.enum(['soft', 'delete']).default('delete'),
  /** Timestamp for objects without their own `createdAt`, so the state does not depend on the clock. */
  createdAt: z.string().default('2026-01-15T12:00:00.000Z'),
  organizations: z.array(organizationSchema).default([]),
});

export type WorkosScenario = z.input<typeof workosScenarioSchema>;
export type ParsedWorkosScenario = z.output<typeof workosScenarioSchema>;

export interface LoadWorkosScenarioOptions extends Pick<
  WorkosStateOptions,
  'now' | 'seed' | 'eventRetentionMs'
> {
  /** Record the events of the initial load (dsync.user.created …). Off by default: loading 100k users stays fast. */
  emitEvents?: boolean;
}

/**
 * Builds a WorkosState from a scenario. Users' roles are computed by the same code path as live changes (groups and
 * the group → role table exist before the users are created, so each user's roles are computed once).
 */
export function loadWorkosScenario(
  scenario: WorkosScenario,
  options: LoadWorkosScenarioOptions = {},
): WorkosState {
  const parsed = workosScenarioSchema.parse(scenario);
  const at = parsed.createdAt;
  const state = new WorkosState({
    now: options.now,
    seed: options.seed,
    eventRetentionMs: options.eventRetentionMs,
    deactivation: parsed.deactivation,
    environmentRoles: parsed.environment.roles.map((role) => ({ ...role, createdAt: role.createdAt ?? at })),
    defaultRole: parsed.environment.defaultRole,
  });
  const load = () => {
    for (const org of parsed.organizations) {
      state.createOrganization({
        id: org.id,
        name: org.name,
        externalId: org.externalId ?? null,
        domains: org.domains ?? [],
        metadata: org.metadata,
        createdAt: org.createdAt ?? at,
      });
      for (const role of org.customRoles)
        state.createOrganizationRole(org.id, { ...role, createdAt: role.createdAt ?? at });
      if (org.rolePriority) state.setPriority(org.id, org.rolePriority);
      for (const connection of org.connections) {
        state.createConnection({
          ...connection,
          organizationId: org.id,
          createdAt: connection.createdAt ?? at,
        });
      }
      for (const directory of org.directories) {
        state.createDirectory({
          id: directory.id,
          organizationId: org.id,
          type: directory.type,
          name: directory.name,
          state: directory.state,
          domain: directory.domain,
          externalKey: directory.externalKey,
          createdAt: directory.createdAt ?? at,
        });
        for (const group of directory.groups) {
          state.createGroup({ ...group, directoryId: directory.id, createdAt: group.createdAt ?? at });
        }
        for (const [groupId, roleSlug] of Object.entries(directory.groupRoles))
          state.setGroupRole(directory.id, groupId, roleSlug);
        for (const user of directory.users) {
          state.createUser({ ...user, directoryId: directory.id, createdAt: user.createdAt ?? at });
        }
      }
    }
  };
  if (options.emitEvents) load();
  else state.withoutEvents(load);
  return state;
}
