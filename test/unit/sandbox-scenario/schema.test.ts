/**
 * The scenario format: the committed JSON Schema is the one the zod schema generates, the documented example is
 * valid, and each cross-reference check refuses a bad file with a message that names the problem and its path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  scenarioJsonSchema,
  ScenarioValidationError,
  type Scenario,
} from '../../../main/sandbox/scenario/schema';

const SCHEMA_FILE = path.resolve('docs/sandbox-scenario.schema.json');
const minimal = (): Scenario =>
  JSON.parse(readFileSync('test/fixtures/scenarios/minimal.json', 'utf8')) as Scenario;

function issuesOf(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioValidationError) return error.issues;
    throw error;
  }
  return [];
}

function mutated(edit: (scenario: Scenario) => void): Scenario {
  const scenario = minimal();
  edit(scenario);
  return scenario;
}

const org = (s: Scenario) =>
  s.workos.organizations?.[0] as NonNullable<Scenario['workos']['organizations']>[number];
const directory = (s: Scenario) =>
  org(s).directories?.[0] as NonNullable<ReturnType<typeof org>['directories']>[number];
const team = (s: Scenario) => s.gem.teams[0] as Scenario['gem']['teams'][number];

describe('scenario JSON Schema', () => {
  it('is committed as generated from the zod schema', async () => {
    const generated = scenarioJsonSchema();
    // UPDATE_SCENARIO_SCHEMA=1 npx vitest run test/unit/sandbox-scenario/schema.test.ts regenerates it.
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1') {
      const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
      writeFileSync(
        SCHEMA_FILE,
        await prettier.format(JSON.stringify(generated), { ...options, filepath: SCHEMA_FILE }),
      );
    }
    // Compared as data: the file is formatted by prettier.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(generated);
  });

  it('describes the two halves and requires the version', () => {
    const schema = scenarioJsonSchema() as { required?: string[]; properties?: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'workos', 'gem']));
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['workos', 'gem', 'name']));
  });
});

describe('scenario validation', () => {
  it('accepts the documented minimal example', () => {
    expect(issuesOf(minimal())).toEqual([]);
    expect(parseScenario(minimal()).name).toBe('minimal');
  });

  it('shows minimal.json in the documentation (without its $schema and description)', () => {
    const doc = readFileSync('docs/sandbox-scenarios.md', 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const example = JSON.parse(blocks[blocks.length - 1] ?? '') as unknown;
    const { $schema: _schema, description: _description, ...fixture } = minimal();
    expect(example).toEqual(fixture);
  });

  it('refuses a wrong version or a missing half, naming the path', () => {
    expect(issuesOf({ ...minimal(), version: 2 }).join('\n')).toMatch(/^version: /m);
    const { gem: _gem, ...withoutGem } = minimal();
    expect(issuesOf(withoutGem).join('\n')).toMatch(/^gem: /m);
  });

  it('refuses a Gem team linked to an unknown WorkOS organization', () => {
    const issues = issuesOf(
      mutated((s) => {
        team(s).scim = { ...team(s).scim, workos_organization_id: 'org_nope' };
        team(s).drift = undefined;
      }),
    );
    expect(issues).toEqual([
      "gem.teams.0.scim.workos_organization_id: team team_acme is linked to unknown WorkOS organization 'org_nope'",
    ]);
  });

  it('refuses a user in an unknown group', () => {
    const issues = issuesOf(mutated((s) => directory(s).users?.[1]?.groupIds?.push('directory_group_ghost')));
    expect(issues).toEqual([
      "workos.organizations.0.directories.0.users.1.groupIds.1: user directory_user_ben is in unknown group 'directory_group_ghost' (not a group of directory_acme)",
    ]);
  });

  it('refuses a mapped role missing from the organization priority, and a mapping of an unknown group', () => {
    const issues = issuesOf(
      mutated((s) => {
        directory(s).groupRoles = { directory_group_admins: 'org-ghost', directory_group_nope: 'admin' };
      }),
    );
    expect(issues).toEqual([
      "workos.organizations.0.directories.0.groupRoles.directory_group_admins: maps to role 'org-ghost', which is not in the role priority of org_acme (admin, standard, restricted, org-hiring-manager)",
      "workos.organizations.0.directories.0.groupRoles.directory_group_nope: maps unknown group 'directory_group_nope' (not a group of directory_acme)",
    ]);
  });

  it('refuses a role priority that does not list every role once', () => {
    const issues = issuesOf(
      mutated((s) => (org(s).rolePriority = ['admin', 'standard', 'standard', 'org-x'])),
    );
    expect(issues).toEqual([
      'workos.organizations.0.rolePriority: must list each role of org_acme exactly once; missing: restricted, org-hiring-manager; unknown: org-x',
    ]);
  });

  it('refuses duplicate ids, naming where the id was first used', () => {
    const issues = issuesOf(
      mutated((s) => {
        const users = directory(s).users ?? [];
        (users[1] as { id: string }).id = 'directory_user_ana';
        directory(s).groups?.push({ id: 'directory_group_admins', name: 'Admins again' });
        s.gem.teams.push({ ...team(s), members: [], drift: undefined });
      }),
    );
    expect(issues).toEqual([
      "workos.organizations.0.directories.0.groups.3.id: duplicate directory group id 'directory_group_admins' (first used at workos.organizations.0.directories.0.groups.0.id)",
      "workos.organizations.0.directories.0.users.1.id: duplicate directory user id 'directory_user_ana' (first used at workos.organizations.0.directories.0.users.0.id)",
      "gem.teams.1.id: duplicate team id 'team_acme' (first used at gem.teams.0.id)",
    ]);
  });

  it('refuses members and drift that name unknown roles or directory users', () => {
    const issues = issuesOf(
      mutated((s) => {
        const member = team(s).members?.[0];
        if (member) member.role_slug = 'wizard';
        team(s).drift = { unprovisioned: ['directory_user_zed'] };
      }),
    );
    expect(issues).toEqual([
      "gem.teams.0.members.0.role_slug: team team_acme has no role 'wizard'",
      "gem.teams.0.drift.unprovisioned.0: 'directory_user_zed' is not a directory user of the organization team team_acme is linked to",
    ]);
  });

  it('refuses group mappings on a directory type without group roles, and a bad default role', () => {
    const issues = issuesOf(
      mutated((s) => {
        directory(s).type = 'azure sso';
        s.workos.environment.defaultRole = 'member';
      }),
    );
    expect(issues).toEqual([
      "workos.environment.defaultRole: default role 'member' is not an environment role (admin, standard, restricted)",
      "workos.organizations.0.directories.0.groupRoles: directory type 'azure sso' does not support group role assignment",
    ]);
  });
});
