import { describe, expect, it } from 'vitest';
import { loadGemScenario } from '../../../main/sandbox/scenario/gem-scenario';

const base = {
  staff: [{ token: 'tok_abcdefgh', email: 'dana@gem.com', name: 'Dana', capabilities: ['teams:read'] }],
  teams: [
    {
      id: 'team_a',
      name: 'A',
      domain: 'a.com',
      csm: { email: 'dana@gem.com', name: 'Dana' },
      scim: {
        module_enabled: true,
        workos_organization_id: 'org_a',
        setup_completed_at: '2026-01-01T00:00:00.000Z',
      },
      roles: [
        { slug: 'old-role', name: 'Old', created_at: '2025-12-01T00:00:00.000Z' },
        { slug: 'new-role', name: 'New', created_at: '2026-02-01T00:00:00.000Z' },
        {
          slug: 'claimed',
          name: 'Claimed',
          created_at: '2026-02-01T00:00:00.000Z',
          workos_sync: { status: 'in_progress', claimed_by: 'eli@gem.com' },
        },
      ],
      members: [
        {
          id: 'user_1',
          email: 'x@a.com',
          role_slug: 'new-role',
          scim_managed: true,
          directory_user_id: 'directory_user_1',
        },
      ],
    },
  ],
};

describe('loadGemScenario', () => {
  it('builds the state: staff, teams with predefined roles, custom roles by setup time, members', () => {
    const state = loadGemScenario(base);
    expect(state.authenticate('tok_abcdefgh')?.email).toBe('dana@gem.com');
    const team = state.getTeam('team_a');
    expect(team?.scim).toEqual({
      module_enabled: true,
      module_enabled_at: null,
      module_enabled_by: null,
      workos_organization_id: 'org_a',
      setup_completed_at: '2026-01-01T00:00:00.000Z',
    });
    expect(state.listRoles('team_a')?.map((r) => [r.slug, r.workos_sync.status])).toEqual([
      ['admin', 'not_required'],
      ['standard', 'not_required'],
      ['restricted', 'not_required'],
      ['claimed', 'in_progress'],
      ['new-role', 'pending'],
      ['old-role', 'synced'],
    ]);
    expect(state.getRole('team_a', 'old-role')?.workos_sync.workos_role_slug).toBe('org-old-role');
    expect(state.getMember('team_a', 'user_1')).toMatchObject({
      role_slug: 'new-role',
      status: 'active',
      first_name: null,
    });
  });

  it('refuses an invalid scenario with the path of the problem', () => {
    expect(() => loadGemScenario({ ...base, staff: [{ ...base.staff[0], capabilities: ['root'] }] })).toThrow(
      /staff.*capabilities/s,
    );
    expect(() =>
      loadGemScenario({ staff: [], teams: [{ ...base.teams[0], csm: { email: 'nope', name: 'x' } }] }),
    ).toThrow(/csm/);
  });

  it('refuses a member whose role the team lacks', () => {
    const teams = [{ ...base.teams[0], members: [{ email: 'y@a.com', role_slug: 'ghost' }] }];
    expect(() => loadGemScenario({ ...base, teams })).toThrow(/team_a member y@a.com/);
  });
});
