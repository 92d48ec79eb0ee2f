/**
 * The Gem half of a sandbox scenario file: staff (with their tokens), teams with their SCIM block and CSM, each
 * team's custom roles and members. `loadGemScenario` validates it and builds the stand-in's state.
 */
import { z } from 'zod';
import { GemState, type GemStateOptions } from '../gem/state';
import { CAPABILITIES, WORKOS_SYNC_STATUSES } from '../gem/state-types';

const timestamp = z.iso.datetime({ offset: true });

export const gemScenarioStaffSchema = z.object({
  token: z.string().min(8),
  id: z.string().optional(),
  email: z.email(),
  name: z.string().min(1),
  capabilities: z.array(z.enum(CAPABILITIES)),
  revoked: z.boolean().optional(),
});

export const gemScenarioRoleSchema = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  created_by: z.string().nullable().optional(),
  created_at: timestamp.optional(),
  /** Omitted: derived from created_at vs the team's setup_completed_at (pending after it, synced before). */
  workos_sync: z
    .object({
      status: z.enum(WORKOS_SYNC_STATUSES),
      claimed_by: z.string().nullable(),
      claimed_at: timestamp.nullable(),
      synced_at: timestamp.nullable(),
      synced_by: z.string().nullable(),
      workos_role_slug: z.string().nullable(),
    })
    .partial()
    .optional(),
});

export const gemScenarioMemberSchema = z.object({
  id: z.string().optional(),
  email: z.string().min(3),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  role_slug: z.string().min(1),
  status: z.enum(['active', 'deactivated']).optional(),
  scim_managed: z.boolean().optional(),
  directory_user_id: z.string().nullable().optional(),
  created_at: timestamp.optional(),
});

export const gemScenarioTeamSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  domain: z.string().min(1),
  plan: z.string().optional(),
  csm: z.object({ email: z.email(), name: z.string().min(1) }),
  scim: z
    .object({
      module_enabled: z.boolean(),
      module_enabled_at: timestamp.nullable(),
      module_enabled_by: z.string().nullable(),
      workos_organization_id: z.string().nullable(),
      setup_completed_at: timestamp.nullable(),
    })
    .partial()
    .optional(),
  created_at: timestamp.optional(),
  roles: z.array(gemScenarioRoleSchema).optional(),
  members: z.array(gemScenarioMemberSchema).optional(),
});

export const gemScenarioSchema = z.object({
  staff: z.array(gemScenarioStaffSchema),
  teams: z.array(gemScenarioTeamSchema),
});

export type GemScenario = z.infer<typeof gemScenarioSchema>;
/** What a scenario file may contain before defaults (the schema's input side). */
export type GemScenarioInput = z.input<typeof gemScenarioSchema>;

/** Drops keys whose value is undefined, so the state's own defaults apply. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Validates a scenario (throws with zod's message naming the bad path) and builds the Gem stand-in's state. */
export function loadGemScenario(scenario: unknown, options: GemStateOptions = {}): GemState {
  const parsed = gemScenarioSchema.safeParse(scenario);
  if (!parsed.success) throw new Error(`Gem scenario is invalid: ${z.prettifyError(parsed.error)}`);
  const state = new GemState(options);
  for (const staff of parsed.data.staff) state.addStaff(defined(staff));
  for (const { roles, members, ...team } of parsed.data.teams) {
    state.addTeam(defined(team));
    for (const role of roles ?? []) {
      const outcome = state.createCustomRole(team.id, defined(role));
      if (!outcome.ok)
        throw new Error(`Gem scenario: team ${team.id} role ${role.slug}: ${outcome.failure.message}`);
    }
    for (const member of members ?? []) {
      const outcome = state.addMember(team.id, defined(member));
      if (!outcome.ok)
        throw new Error(`Gem scenario: team ${team.id} member ${member.email}: ${outcome.failure.message}`);
    }
  }
  return state;
}
