/**
 * The `demo` preset: five teams, one for each situation the console must show (docs/sandbox-scenarios.md):
 *   Halcyon Health       healthy: Okta SCIM + active Okta SSO, ~60 users in 8 groups, synced/pending/in-progress
 *                        custom roles, and drift (a role and an email that differ, a hand-added member, a directory
 *                        user Gem never provisioned)
 *   Brightwater Logistics Okta SCIM directory but no active Okta SSO connection (a draft one)
 *   Juniper Analytics    mid-setup: module on, organization linked, Azure SCIM directory still validating
 *   Tessellate Robotics  SCIM module on, no WorkOS organization yet
 *   Marigold Media       no SCIM: members managed by hand in Gem
 */
import type { Scenario, ScenarioGemTeam, ScenarioOrganization } from '../scenario/schema';
import {
  at,
  CSM,
  ENGINEER,
  environment,
  GENERATOR_BASE_TIME,
  numberedId,
  people,
  SECOND_CSM,
  staff,
} from './common';
import { JOB_TITLES } from './names';
import { createPicker } from './random';

type Directory = NonNullable<ScenarioOrganization['directories']>[number];
type DirectoryUser = NonNullable<Directory['users']>[number];

interface TeamPair {
  organization?: ScenarioOrganization;
  team: ScenarioGemTeam;
}

/** Halcyon Health: the healthy team, with its drift. */
function healthyTeam(seed: number): TeamPair {
  const picker = createPicker(seed, 'demo/halcyon');
  const domain = 'halcyonhealth.com';
  const setupAt = '2025-09-04T15:00:00.000Z';
  const groupSpecs: [string, string, string | null][] = [
    ['admins', 'Gem Admins', 'admin'],
    ['recruiting_ops', 'Recruiting Operations', 'org-recruiting-ops'],
    ['hiring_managers', 'Hiring Managers', 'org-hiring-manager'],
    ['talent', 'Talent Acquisition', 'standard'],
    ['people', 'People Team', 'standard'],
    ['interviewers', 'Interviewers', 'restricted'],
    ['contractors', 'Contractors', 'restricted'],
    ['engineering', 'Engineering', null],
  ];
  const groups = groupSpecs.map(([key, name], i) => ({
    id: `directory_group_halcyon_${key}`,
    name,
    idpId: `00g${key.replace(/_/g, '')}${i}`,
    createdAt: at(setupAt, i),
  }));
  const groupRoles = Object.fromEntries(
    groupSpecs.flatMap(([key, , role]) => (role === null ? [] : [[`directory_group_halcyon_${key}`, role]])),
  );
  // Weighted primary groups (few admins, many interviewers), and ~30% of users in a second or third group.
  const primaryWeights = [2, 4, 8, 10, 4, 14, 6, 12];
  const weighted = groups.flatMap((group, i) => Array<string>(primaryWeights[i] ?? 1).fill(group.id));
  const users: DirectoryUser[] = people(picker, domain, 60).map((person, i) => {
    const memberships = new Set([picker.pick(weighted)]);
    if (picker.chance(0.3)) memberships.add(picker.pick(groups).id);
    if (picker.chance(0.1)) memberships.add(picker.pick(groups).id);
    return {
      id: numberedId('directory_user_halcyon', i + 1),
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      idpId: `00u${(i + 1).toString(36).padStart(6, '0')}`,
      jobTitle: picker.pick(JOB_TITLES),
      state: 'active',
      groupIds: [...memberships].sort(),
      createdAt: at(setupAt, 30 + i),
    };
  });
  // One suspended user (Gem shows them deactivated) and one user in no group at all (default role).
  const suspended = users[57];
  if (suspended) suspended.state = 'suspended';
  const groupless = users[58];
  if (groupless) groupless.groupIds = [];

  // Drift targets: distinct active users, picked by the seed.
  const candidates = users.slice(0, 56).map((user) => user.id);
  const [roleDrift, emailDrift, unprovisioned] = picker.sample(candidates, 3) as [string, string, string];
  const emailOf = (id: string) => users.find((user) => user.id === id)?.email ?? '';
  const driftedEmail = emailOf(emailDrift).replace(/^[a-z]/, (c) => c.toUpperCase());

  const organization: ScenarioOrganization = {
    id: 'org_halcyon',
    name: 'Halcyon Health',
    externalId: 'team_halcyon',
    domains: [domain],
    createdAt: '2025-09-01T16:00:00.000Z',
    customRoles: [
      {
        id: 'role_halcyon_hiring_manager',
        slug: 'org-hiring-manager',
        name: 'Hiring Manager',
        createdAt: setupAt,
      },
      {
        id: 'role_halcyon_recruiting_ops',
        slug: 'org-recruiting-ops',
        name: 'Recruiting Ops',
        createdAt: setupAt,
      },
    ],
    rolePriority: ['admin', 'org-recruiting-ops', 'org-hiring-manager', 'standard', 'restricted'],
    connections: [
      {
        id: 'conn_halcyon_okta',
        connectionType: 'OktaSAML',
        name: 'Halcyon Okta SSO',
        state: 'active',
        domains: [domain],
        createdAt: at(setupAt, -60),
      },
    ],
    directories: [
      {
        id: 'directory_halcyon_okta',
        type: 'okta scim v2.0',
        name: 'Halcyon Okta',
        state: 'linked',
        domain,
        createdAt: setupAt,
        groups,
        users,
        groupRoles,
      },
    ],
  };
  const team: ScenarioGemTeam = {
    id: 'team_halcyon',
    name: 'Halcyon Health',
    domain,
    plan: 'enterprise',
    csm: { ...CSM },
    created_at: '2024-03-01T09:00:00.000Z',
    scim: {
      module_enabled: true,
      module_enabled_at: '2025-09-01T15:30:00.000Z',
      module_enabled_by: CSM.email,
      workos_organization_id: 'org_halcyon',
      setup_completed_at: setupAt,
    },
    roles: [
      // Existed when setup completed: covered by it (synced).
      {
        slug: 'hiring-manager',
        name: 'Hiring Manager',
        created_by: `admin@${domain}`,
        created_at: '2025-08-20T10:00:00.000Z',
      },
      {
        slug: 'recruiting-ops',
        name: 'Recruiting Ops',
        created_by: `admin@${domain}`,
        created_at: '2025-08-20T10:05:00.000Z',
      },
      // Created after setup: they need an engineer (pending), one already claimed (in_progress).
      {
        slug: 'sourcing-lead',
        name: 'Sourcing Lead',
        created_by: `admin@${domain}`,
        created_at: '2026-01-08T14:20:00.000Z',
      },
      {
        slug: 'interview-coordinator',
        name: 'Interview Coordinator',
        created_by: `admin@${domain}`,
        created_at: '2026-01-12T09:45:00.000Z',
      },
      {
        slug: 'agency-partner',
        name: 'Agency Partner',
        created_by: `admin@${domain}`,
        created_at: '2026-01-06T11:00:00.000Z',
        workos_sync: {
          status: 'in_progress',
          claimed_by: ENGINEER.email,
          claimed_at: '2026-01-14T10:00:00.000Z',
        },
      },
    ],
    members: [
      // Added by hand in Gem, outside the IdP: the console shows it as not SCIM-managed.
      {
        id: 'user_halcyon_manual_01',
        email: 'r.okafor.contractor@gmail.com',
        first_name: 'Rafael',
        last_name: 'Okafor',
        role_slug: 'restricted',
        scim_managed: false,
        created_at: '2025-11-03T08:00:00.000Z',
      },
    ],
    drift: {
      unprovisioned: [unprovisioned],
      members: [
        { directory_user_id: roleDrift, set: { role_slug: 'admin' } },
        { directory_user_id: emailDrift, set: { email: driftedEmail } },
      ],
    },
  };
  return { organization, team };
}

/** Brightwater Logistics: Okta SCIM without Okta SSO (the article requires both). */
function oktaWithoutSso(seed: number): TeamPair {
  const picker = createPicker(seed, 'demo/brightwater');
  const domain = 'brightwater.io';
  const setupAt = '2025-12-02T18:00:00.000Z';
  const groupSpecs: [string, string][] = [
    ['it_admins', 'IT Admins'],
    ['recruiting', 'Recruiting'],
    ['hiring_panel', 'Hiring Panel'],
  ];
  const roles = ['admin', 'standard', 'restricted'];
  const groups = groupSpecs.map(([key, name], i) => ({
    id: `directory_group_brightwater_${key}`,
    name,
    createdAt: at(setupAt, i),
  }));
  const users: DirectoryUser[] = people(picker, domain, 14).map((person, i) => ({
    id: numberedId('directory_user_brightwater', i + 1),
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    groupIds: [groups[i === 0 ? 0 : picker.int(1, 2)]?.id ?? ''],
    createdAt: at(setupAt, 10 + i),
  }));
  return {
    organization: {
      id: 'org_brightwater',
      name: 'Brightwater Logistics',
      externalId: 'team_brightwater',
      domains: [domain],
      createdAt: '2025-11-28T10:00:00.000Z',
      connections: [
        {
          id: 'conn_brightwater_okta',
          connectionType: 'OktaSAML',
          name: 'Brightwater Okta SSO',
          state: 'draft',
          createdAt: '2025-11-28T10:30:00.000Z',
        },
      ],
      directories: [
        {
          id: 'directory_brightwater_okta',
          type: 'okta scim v2.0',
          name: 'Brightwater Okta',
          state: 'linked',
          domain,
          createdAt: setupAt,
          groups,
          users,
          groupRoles: Object.fromEntries(groups.map((group, i) => [group.id, roles[i] ?? 'standard'])),
        },
      ],
    },
    team: {
      id: 'team_brightwater',
      name: 'Brightwater Logistics',
      domain,
      csm: { ...CSM },
      created_at: '2025-02-11T09:00:00.000Z',
      scim: {
        module_enabled: true,
        module_enabled_at: '2025-11-28T09:50:00.000Z',
        module_enabled_by: CSM.email,
        workos_organization_id: 'org_brightwater',
        setup_completed_at: setupAt,
      },
    },
  };
}

/** Juniper Analytics: mid-setup, the Azure directory is still validating. */
function midSetup(): TeamPair {
  const domain = 'juniperanalytics.com';
  return {
    organization: {
      id: 'org_juniper',
      name: 'Juniper Analytics',
      externalId: 'team_juniper',
      domains: [domain],
      createdAt: '2026-01-13T16:10:00.000Z',
      customRoles: [
        {
          id: 'role_juniper_hiring_committee',
          slug: 'org-hiring-committee',
          name: 'Hiring Committee',
          createdAt: '2026-01-13T16:12:00.000Z',
        },
      ],
      connections: [
        {
          id: 'conn_juniper_azure',
          connectionType: 'AzureSAML',
          name: 'Juniper Entra ID',
          state: 'validating',
          createdAt: '2026-01-14T09:00:00.000Z',
        },
      ],
      directories: [
        {
          id: 'directory_juniper_azure',
          type: 'azure scim v2.0',
          name: 'Juniper Entra ID',
          state: 'validating',
          domain,
          createdAt: '2026-01-14T09:05:00.000Z',
        },
      ],
    },
    team: {
      id: 'team_juniper',
      name: 'Juniper Analytics',
      domain,
      csm: { ...CSM },
      created_at: '2025-06-20T09:00:00.000Z',
      scim: {
        module_enabled: true,
        module_enabled_at: '2026-01-13T16:00:00.000Z',
        module_enabled_by: CSM.email,
        workos_organization_id: 'org_juniper',
        setup_completed_at: null,
      },
      // Created before setup completes: the setup itself covers it.
      roles: [
        {
          slug: 'hiring-committee',
          name: 'Hiring Committee',
          created_by: `it@${domain}`,
          created_at: '2026-01-12T10:00:00.000Z',
        },
      ],
      members: [
        {
          id: 'user_juniper_01',
          email: `it@${domain}`,
          first_name: 'Ines',
          last_name: 'Costa',
          role_slug: 'admin',
          created_at: '2025-06-20T09:00:00.000Z',
        },
      ],
    },
  };
}

/** Tessellate Robotics: the CSM enabled the module; no WorkOS organization yet. */
function enabledNoOrganization(seed: number): TeamPair {
  const picker = createPicker(seed, 'demo/tessellate');
  const domain = 'tessellate.ai';
  return {
    team: {
      id: 'team_tessellate',
      name: 'Tessellate Robotics',
      domain,
      csm: { ...SECOND_CSM },
      created_at: '2025-04-02T09:00:00.000Z',
      scim: {
        module_enabled: true,
        module_enabled_at: '2026-01-14T17:30:00.000Z',
        module_enabled_by: SECOND_CSM.email,
        workos_organization_id: null,
        setup_completed_at: null,
      },
      members: people(picker, domain, 5).map((person, i) => ({
        id: numberedId('user_tessellate', i + 1, 2),
        email: person.email,
        first_name: person.firstName,
        last_name: person.lastName,
        role_slug: i === 0 ? 'admin' : 'standard',
        created_at: at('2025-04-02T09:00:00.000Z', i * 1440),
      })),
    },
  };
}

/** Marigold Media: no SCIM at all; a custom role that needs no WorkOS sync. */
function withoutScim(seed: number): TeamPair {
  const picker = createPicker(seed, 'demo/marigold');
  const domain = 'marigoldmedia.com';
  return {
    team: {
      id: 'team_marigold',
      name: 'Marigold Media',
      domain,
      plan: 'growth',
      csm: { ...SECOND_CSM },
      created_at: '2023-10-09T09:00:00.000Z',
      roles: [
        {
          slug: 'agency-recruiter',
          name: 'Agency Recruiter',
          created_by: `ops@${domain}`,
          created_at: '2024-02-01T09:00:00.000Z',
          workos_sync: { status: 'not_required', synced_at: null, workos_role_slug: null },
        },
      ],
      members: people(picker, domain, 6).map((person, i) => ({
        id: numberedId('user_marigold', i + 1, 2),
        email: person.email,
        first_name: person.firstName,
        last_name: person.lastName,
        role_slug:
          ['admin', 'standard', 'standard', 'agency-recruiter', 'restricted', 'standard'][i] ?? 'standard',
        created_at: at('2023-10-09T09:00:00.000Z', i * 2880),
      })),
    },
  };
}

export function demoScenario(seed: number): Scenario {
  const pairs = [
    healthyTeam(seed),
    oktaWithoutSso(seed),
    midSetup(),
    enabledNoOrganization(seed),
    withoutScim(seed),
  ];
  return {
    version: 1,
    name: 'demo',
    description: `Five customer teams, one per SCIM situation (seed ${seed})`,
    workos: {
      environment: environment(),
      deactivation: 'delete',
      createdAt: GENERATOR_BASE_TIME,
      organizations: pairs.flatMap((pair) => (pair.organization ? [pair.organization] : [])),
    },
    gem: { staff: staff(), teams: pairs.map((pair) => pair.team) },
  };
}
