/** A small Gem world for the tests: staff with each capability mix, teams in each SCIM stage, a controllable clock. */
import { loadGemScenario, type GemScenarioInput } from '../../../main/sandbox/scenario/gem-scenario';
import type { GemState } from '../../../main/sandbox/gem/state';

export const TOKENS = {
  csm: 'tok_csm_dana_0001',
  engineer: 'tok_eng_eli_00001',
  engineer2: 'tok_eng_fay_00001',
  readOnly: 'tok_read_only_0001',
  revoked: 'tok_revoked_00001',
} as const;

export const START = Date.parse('2026-03-02T09:00:00.000Z');

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = START): TestClock {
  let current = start;
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

export const scenario: GemScenarioInput = {
  staff: [
    {
      token: TOKENS.csm,
      id: 'staff_dana',
      email: 'dana@gem.com',
      name: 'Dana Lee',
      capabilities: ['teams:read', 'scim:manage'],
    },
    {
      token: TOKENS.engineer,
      id: 'staff_eli',
      email: 'eli@gem.com',
      name: 'Eli Park',
      capabilities: ['teams:read', 'roles:sync'],
    },
    {
      token: TOKENS.engineer2,
      id: 'staff_fay',
      email: 'fay@gem.com',
      name: 'Fay Wu',
      capabilities: ['teams:read', 'roles:sync'],
    },
    { token: TOKENS.readOnly, id: 'staff_ro', email: 'ro@gem.com', name: 'Read Only', capabilities: [] },
    {
      token: TOKENS.revoked,
      id: 'staff_old',
      email: 'old@gem.com',
      name: 'Old Token',
      capabilities: ['teams:read'],
      revoked: true,
    },
  ],
  teams: [
    {
      id: 'team_acme',
      name: 'Acme Recruiting',
      domain: 'acme.com',
      csm: { email: 'dana@gem.com', name: 'Dana Lee' },
      created_at: '2025-01-10T00:00:00.000Z',
      scim: {
        module_enabled: true,
        module_enabled_at: '2025-06-01T00:00:00.000Z',
        module_enabled_by: 'dana@gem.com',
        workos_organization_id: 'org_acme',
        setup_completed_at: '2025-06-10T00:00:00.000Z',
      },
      roles: [
        {
          slug: 'hiring-lead',
          name: 'Hiring Lead',
          created_at: '2025-05-01T00:00:00.000Z',
          created_by: 'admin@acme.com',
        },
        {
          slug: 'recruiter-plus',
          name: 'Recruiter++',
          created_at: '2026-02-01T00:00:00.000Z',
          created_by: 'admin@acme.com',
        },
        {
          slug: 'sourcer',
          name: 'Sourcer',
          created_at: '2026-02-03T00:00:00.000Z',
          created_by: 'admin@acme.com',
        },
      ],
      members: [
        {
          id: 'user_acme_001',
          email: 'ana@acme.com',
          first_name: 'Ana',
          last_name: 'Ruiz',
          role_slug: 'admin',
          scim_managed: true,
          directory_user_id: 'directory_user_ana',
          created_at: '2025-06-10T00:00:00.000Z',
        },
        {
          id: 'user_acme_002',
          email: 'ben@acme.com',
          first_name: 'Ben',
          last_name: 'Stone',
          role_slug: 'standard',
          created_at: '2024-03-01T00:00:00.000Z',
        },
        {
          id: 'user_acme_003',
          email: 'cy@acme.com',
          first_name: 'Cy',
          last_name: 'Ode',
          role_slug: 'hiring-lead',
          status: 'deactivated',
          scim_managed: true,
          directory_user_id: 'directory_user_cy',
          created_at: '2025-07-01T00:00:00.000Z',
        },
      ],
    },
    {
      id: 'team_beta',
      name: 'Beta Talent',
      domain: 'beta.io',
      csm: { email: 'gus@gem.com', name: 'Gus Hale' },
      created_at: '2025-02-01T00:00:00.000Z',
      scim: {
        module_enabled: true,
        module_enabled_at: '2026-02-20T00:00:00.000Z',
        module_enabled_by: 'gus@gem.com',
      },
      roles: [{ slug: 'coordinator', name: 'Coordinator', created_at: '2025-03-01T00:00:00.000Z' }],
    },
    {
      id: 'team_cobalt',
      name: 'Cobalt Hiring',
      domain: 'cobalt.dev',
      csm: { email: 'dana@gem.com', name: 'Dana Lee' },
      created_at: '2025-03-01T00:00:00.000Z',
    },
  ],
};

export function makeState(clock: TestClock = testClock()): GemState {
  return loadGemScenario(scenario, { now: clock.now });
}
