/**
 * The `large` preset, for benchmarks: one healthy team (Atlas Global) with `users` directory users (default 100,000)
 * in ~1,000 groups (users / 100, between 10 and 1,000), each user in 1–4 groups, and a group → role table over six
 * roles, so the console's inference has real work to do. Every directory user becomes a SCIM-managed Gem member.
 */
import type { Scenario, ScenarioOrganization } from '../scenario/schema';
import { CSM, environment, GENERATOR_BASE_TIME, numberedId, staff } from './common';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS } from './names';
import { createPicker } from './random';

export const DEFAULT_LARGE_USERS = 100_000;

type Directory = NonNullable<ScenarioOrganization['directories']>[number];
type DirectoryUser = NonNullable<Directory['users']>[number];
type DirectoryGroup = NonNullable<Directory['groups']>[number];

/** Role of a mapped group: most groups grant everyday roles; admin is rare. */
const ROLE_WEIGHTS: [string, number][] = [
  ['admin', 1],
  ['org-recruiting-ops', 3],
  ['org-hiring-manager', 6],
  ['org-sourcer', 5],
  ['standard', 12],
  ['restricted', 8],
];

export function largeScenario(seed: number, userCount = DEFAULT_LARGE_USERS): Scenario {
  const picker = createPicker(seed, 'large/atlas');
  const domain = 'atlasglobal.com';
  const setupAt = '2025-06-02T14:00:00.000Z';
  const groupCount = Math.min(1000, Math.max(10, Math.round(userCount / 100)));
  const groups: DirectoryGroup[] = [];
  for (let i = 0; i < groupCount; i += 1) {
    const department = DEPARTMENTS[i % DEPARTMENTS.length] as string;
    const location = LOCATIONS[Math.floor(i / DEPARTMENTS.length) % LOCATIONS.length] as string;
    const round = Math.floor(i / (DEPARTMENTS.length * LOCATIONS.length));
    groups.push({
      id: numberedId('directory_group_atlas', i + 1),
      name: `${department} - ${location}${round > 0 ? ` ${round + 1}` : ''}`,
    });
  }
  // About 40% of the groups are mapped; the rest only carry membership.
  const weighted = ROLE_WEIGHTS.flatMap(([role, weight]) => Array<string>(weight).fill(role));
  const groupRoles: Record<string, string> = {};
  for (const group of groups) if (picker.chance(0.4)) groupRoles[group.id] = picker.pick(weighted);

  const users: DirectoryUser[] = new Array<DirectoryUser>(userCount);
  for (let i = 0; i < userCount; i += 1) {
    const firstName = picker.pick(FIRST_NAMES);
    const lastName = picker.pick(LAST_NAMES);
    const memberships = new Set<string>();
    const count = picker.int(1, 4);
    while (memberships.size < count)
      memberships.add((groups[picker.int(0, groupCount - 1)] as DirectoryGroup).id);
    users[i] = {
      id: numberedId('directory_user_atlas', i + 1, 6),
      // The index keeps emails unique (Gem matches members by email).
      email: `${firstName}.${lastName}.${i + 1}@${domain}`.toLowerCase(),
      firstName,
      lastName,
      groupIds: [...memberships].sort(),
    };
  }

  return {
    version: 1,
    name: 'large',
    description: `One team with ${userCount} directory users in ${groupCount} groups (seed ${seed})`,
    workos: {
      environment: environment(),
      deactivation: 'delete',
      createdAt: GENERATOR_BASE_TIME,
      organizations: [
        {
          id: 'org_atlas',
          name: 'Atlas Global',
          externalId: 'team_atlas',
          domains: [domain],
          createdAt: '2025-06-01T10:00:00.000Z',
          customRoles: [
            {
              id: 'role_atlas_hiring_manager',
              slug: 'org-hiring-manager',
              name: 'Hiring Manager',
              createdAt: setupAt,
            },
            {
              id: 'role_atlas_recruiting_ops',
              slug: 'org-recruiting-ops',
              name: 'Recruiting Ops',
              createdAt: setupAt,
            },
            { id: 'role_atlas_sourcer', slug: 'org-sourcer', name: 'Sourcer', createdAt: setupAt },
          ],
          rolePriority: [
            'admin',
            'org-recruiting-ops',
            'org-hiring-manager',
            'org-sourcer',
            'standard',
            'restricted',
          ],
          connections: [
            {
              id: 'conn_atlas_okta',
              connectionType: 'OktaSAML',
              name: 'Atlas Okta SSO',
              state: 'active',
              domains: [domain],
            },
          ],
          directories: [
            {
              id: 'directory_atlas_okta',
              type: 'okta scim v2.0',
              name: 'Atlas Okta',
              state: 'linked',
              domain,
              createdAt: setupAt,
              groups,
              users,
              groupRoles,
            },
          ],
        },
      ],
    },
    gem: {
      staff: staff(),
      teams: [
        {
          id: 'team_atlas',
          name: 'Atlas Global',
          domain,
          csm: { ...CSM },
          created_at: '2022-05-10T09:00:00.000Z',
          scim: {
            module_enabled: true,
            module_enabled_at: '2025-06-01T09:00:00.000Z',
            module_enabled_by: CSM.email,
            workos_organization_id: 'org_atlas',
            setup_completed_at: setupAt,
          },
          roles: [
            { slug: 'hiring-manager', name: 'Hiring Manager', created_at: '2025-05-20T10:00:00.000Z' },
            { slug: 'recruiting-ops', name: 'Recruiting Ops', created_at: '2025-05-20T10:00:00.000Z' },
            { slug: 'sourcer', name: 'Sourcer', created_at: '2025-05-20T10:00:00.000Z' },
          ],
        },
      ],
    },
  };
}
