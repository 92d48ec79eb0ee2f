import { describe, expect, it } from 'vitest';
import {
  loadWorkosScenario,
  workosScenarioSchema,
  type WorkosScenario,
} from '../../../main/sandbox/scenario/workos-scenario';
import { wireUser } from '../../../main/sandbox/workos/wire-format';

function largeScenario(userCount: number, groupCount: number): WorkosScenario {
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    id: `directory_group_${String(i).padStart(5, '0')}`,
    name: `Group ${i}`,
  }));
  const groupRoles: Record<string, string> = {};
  groups.forEach((group, i) => {
    if (i % 10 === 0) groupRoles[group.id] = 'admin';
    else if (i % 10 === 1) groupRoles[group.id] = 'org-ops';
  });
  return {
    environment: {
      roles: [
        { slug: 'admin', name: 'Admin' },
        { slug: 'standard', name: 'Standard' },
        { slug: 'restricted', name: 'Restricted' },
      ],
      defaultRole: 'standard',
    },
    organizations: [
      {
        id: 'org_big',
        name: 'Big',
        customRoles: [{ slug: 'org-ops', name: 'Ops' }],
        directories: [
          {
            id: 'directory_big',
            type: 'okta scim v2.0',
            name: 'Big Okta',
            groups,
            groupRoles,
            users: Array.from({ length: userCount }, (_, i) => ({
              id: `directory_user_${String(i).padStart(6, '0')}`,
              email: `user${i}@big.test`,
              firstName: `User${i}`,
              groupIds: [
                `directory_group_${String(i % groupCount).padStart(5, '0')}`,
                `directory_group_${String((i * 7) % groupCount).padStart(5, '0')}`,
              ],
            })),
          },
        ],
      },
    ],
  };
}

describe('loadWorkosScenario', () => {
  it('keeps the scenario ids and timestamps, so two loads give the same state', () => {
    const scenario = largeScenario(50, 10);
    const a = loadWorkosScenario(scenario);
    const b = loadWorkosScenario(scenario);
    const users = (state: typeof a) => [...state.users.values()].map(wireUser);
    expect(users(a)).toEqual(users(b));
    expect(a.user('directory_user_000000').createdAt).toBe('2026-01-15T12:00:00.000Z');
    expect(a.events.size).toBe(0);
    const withEvents = loadWorkosScenario(scenario, { emitEvents: true });
    expect(withEvents.events.all().filter((event) => event.event === 'dsync.user.created')).toHaveLength(50);
  });

  it('computes roles like live changes and rejects invalid scenarios', () => {
    const state = loadWorkosScenario(largeScenario(20, 10));
    // user 0: groups 0 (admin) and 0 → admin; user 1: groups 1 (org-ops) and 7 → org-ops; user 2: groups 2, 4 → default.
    expect(state.user('directory_user_000000').role).toBe('admin');
    expect(state.user('directory_user_000001').role).toBe('org-ops');
    expect(state.user('directory_user_000002').role).toBe('standard');
    expect(state.organizationRoles('org_big').map((role) => role.slug)).toEqual([
      'admin',
      'standard',
      'restricted',
      'org-ops',
    ]);
    expect(() =>
      workosScenarioSchema.parse({
        environment: { roles: [{ slug: 'a', name: 'A' }], defaultRole: 'member' },
      }),
    ).toThrow();
    const bad = largeScenario(1, 2);
    const directory = bad.organizations?.[0]?.directories?.[0];
    if (!directory) throw new Error('scenario has no directory');
    directory.groupRoles = { directory_group_00000: 'org-missing' };
    expect(() => loadWorkosScenario(bad)).toThrow(/Role not found/);
  });

  it('bulk-loads 10,000 users in 100 groups quickly', () => {
    const scenario = largeScenario(10_000, 100);
    const started = performance.now();
    const state = loadWorkosScenario(scenario);
    const elapsed = performance.now() - started;
    expect(state.users.size).toBe(10_000);
    expect(state.group('directory_group_00000').memberIds.size).toBeGreaterThan(0);
    // Generous for a busy 2-core machine; 100k users / 1k groups measure about 1–2 s.
    expect(elapsed).toBeLessThan(2_500);
  });
});
