/**
 * The sandbox scenario file (docs/sandbox-scenarios.md): `{version: 1, name?, description?, workos, gem}`.
 *
 * The WorkOS half is a superset of `workosScenarioSchema` and the Gem half a superset of `gemScenarioSchema`: the
 * extra fields (`updatedAt`/`updated_at`, domain ids, connection keys, `scim_members`, `drift`) exist so a snapshot
 * of a live sandbox (exportScenario) loads back to the same public answers. Cross-references between the halves and
 * inside them are checked by `checkScenarioReferences` (./cross-references), attached here as a refinement.
 */
import { z } from 'zod';
import {
  gemScenarioMemberSchema,
  gemScenarioRoleSchema,
  gemScenarioStaffSchema,
  gemScenarioTeamSchema,
} from './gem-scenario';
import { checkScenarioReferences } from './cross-references';
import { workosUserSchema } from './workos-scenario';

/** The base time of a scenario without its own `workos.createdAt`, shared by both halves. */
export const DEFAULT_SCENARIO_TIME = '2026-01-15T12:00:00.000Z';

const isoTime = z.string().describe('ISO 8601 timestamp');
const updatedAt = isoTime.optional().describe('Last change; defaults to createdAt');

const workosRoleSchema = z.object({
  id: z.string().optional().describe('Role id (role_…); generated when absent'),
  slug: z.string().min(1),
  name: z.string().min(1),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).optional(),
  createdAt: isoTime.optional(),
  updatedAt,
});

const domainSchema = z.union([
  z.string(),
  z.object({
    id: z.string().optional(),
    domain: z.string(),
    state: z.enum(['failed', 'legacy_verified', 'pending', 'unverified', 'verified']).optional(),
  }),
]);

const connectionSchema = z.object({
  id: z.string(),
  connectionType: z.string().describe('e.g. OktaSAML, AzureSAML, GoogleOAuth'),
  name: z.string(),
  state: z.enum(['requires_type', 'draft', 'active', 'validating', 'inactive', 'deleting']).optional(),
  domains: z.array(z.union([z.string(), z.object({ id: z.string(), domain: z.string() })])).optional(),
  externalKey: z.string().optional(),
  createdAt: isoTime.optional(),
  updatedAt,
});

const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  idpId: z.string().optional(),
  rawAttributes: z.record(z.string(), z.unknown()).optional(),
  createdAt: isoTime.optional(),
  updatedAt,
});

// The WorkOS half's user, plus what a saved state needs to load back to the same answers.
const userSchema = workosUserSchema.extend({
  rawAttributes: z.record(z.string(), z.unknown()).optional(),
  groupIds: z.array(z.string()).optional().describe('Ids of groups of the same directory'),
  createdAt: isoTime.optional(),
  updatedAt,
});

const directorySchema = z.object({
  id: z.string(),
  type: z
    .string()
    .describe("WorkOS directory type, e.g. 'okta scim v2.0', 'azure scim v2.0', 'gsuite directory'"),
  name: z.string(),
  state: z.enum(['linked', 'unlinked', 'validating', 'invalid_credentials', 'deleting']).optional(),
  domain: z.string().optional(),
  externalKey: z.string().optional(),
  createdAt: isoTime.optional(),
  updatedAt,
  groups: z.array(groupSchema).optional(),
  users: z.array(userSchema).optional(),
  groupRoles: z
    .record(z.string(), z.string())
    .optional()
    .describe('The hidden table WorkOS keeps: directory group id → role slug of the organization'),
});

const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullable().optional(),
  domains: z.array(domainSchema).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  createdAt: isoTime.optional(),
  updatedAt,
  customRoles: z.array(workosRoleSchema).optional().describe('Organization roles; slugs start with org-'),
  rolePriority: z
    .array(z.string())
    .optional()
    .describe('Every role slug of the organization (environment + custom), highest priority first'),
  connections: z.array(connectionSchema).optional(),
  directories: z.array(directorySchema).optional(),
});

export const scenarioWorkosSchema = z.object({
  environment: z.object({
    roles: z.array(workosRoleSchema).min(1).describe('Environment roles, highest priority first'),
    defaultRole: z.string().describe('The role of users none of whose groups is mapped'),
  }),
  deactivation: z.enum(['soft', 'delete']).optional(),
  createdAt: isoTime
    .optional()
    .describe(
      `Base time of the scenario: objects without createdAt, and the load clock (default ${DEFAULT_SCENARIO_TIME})`,
    ),
  organizations: z.array(organizationSchema).optional(),
});

const memberSchema = gemScenarioMemberSchema.extend({ updated_at: isoTime.optional() });
const gemRoleSchema = gemScenarioRoleSchema.extend({ updated_at: isoTime.optional() });

export const SCIM_MEMBER_SOURCES = ['derive', 'as_listed'] as const;

const driftSchema = z.object({
  unprovisioned: z
    .array(z.string())
    .optional()
    .describe('Directory user ids the link never provisioned: no Gem member is derived for them'),
  members: z
    .array(
      z.object({
        directory_user_id: z.string(),
        set: z
          .object({
            email: z.string().min(3),
            first_name: z.string().nullable(),
            last_name: z.string().nullable(),
            role_slug: z.string().min(1),
            status: z.enum(['active', 'deactivated']),
            scim_managed: z.boolean(),
          })
          .partial(),
      }),
    )
    .optional()
    .describe(
      'Edits applied to derived members after derivation (a role or email that differs from the IdP)',
    ),
});

const teamSchema = gemScenarioTeamSchema.extend({
  updated_at: isoTime.optional(),
  roles: z
    .array(gemRoleSchema)
    .optional()
    .describe('Custom roles (admin, standard, restricted always exist)'),
  members: z
    .array(memberSchema)
    .optional()
    .describe('Members that exist before derivation (hand-added); with scim_members as_listed, every member'),
  scim_members: z
    .enum(SCIM_MEMBER_SOURCES)
    .optional()
    .describe(
      'derive (default): SCIM-managed members come from the linked directories; as_listed: members are exactly `members`',
    ),
  drift: driftSchema.optional(),
});

export const scenarioGemSchema = z.object({
  staff: z.array(gemScenarioStaffSchema),
  teams: z.array(teamSchema),
});

const scenarioShape = z.object({
  $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
  version: z.literal(1),
  name: z.string().optional(),
  description: z.string().optional(),
  workos: scenarioWorkosSchema,
  gem: scenarioGemSchema,
});

export const scenarioSchema = scenarioShape.superRefine((scenario, ctx) => {
  for (const problem of checkScenarioReferences(scenario)) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  }
});

export type Scenario = z.infer<typeof scenarioShape>;
export type ScenarioWorkos = Scenario['workos'];
export type ScenarioGem = Scenario['gem'];
export type ScenarioOrganization = z.infer<typeof organizationSchema>;
export type ScenarioDirectory = z.infer<typeof directorySchema>;
export type ScenarioGemTeam = z.infer<typeof teamSchema>;

/** A scenario that failed validation; `issues` are `path: message` lines, ready to print. */
export class ScenarioValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`Scenario is invalid:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ScenarioValidationError';
  }
}

/** Validates a scenario (shape and cross-references); throws ScenarioValidationError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ScenarioValidationError(
    parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
  );
}

/** The JSON Schema of the file format (committed as docs/sandbox-scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioShape, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://gem-scim-console.local/sandbox-scenario.schema.json',
    title: 'Gem SCIM Console sandbox scenario',
    description:
      'The whole starting state of the local WorkOS and Gem stand-ins. Cross-references (ids, role slugs) are checked by the loader; see docs/sandbox-scenarios.md.',
  };
}
