import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkosScenario, type WorkosScenario } from '../../../main/sandbox/scenario/workos-scenario';
import type { WireEvent } from '../../../main/sandbox/workos/wire-format';
import { expectedRole } from '../../support/expected-role';

const ENV_ROLES = ['admin', 'standard', 'restricted'];
const CUSTOM_ROLES = ['org-a', 'org-b'];
const GROUPS = ['g0', 'g1', 'g2', 'g3', 'g4'];
const ALL_ROLES = [...ENV_ROLES, ...CUSTOM_ROLES];

const worldArbitrary = fc.record({
  priority: fc.shuffledSubarray(ALL_ROLES, { minLength: ALL_ROLES.length, maxLength: ALL_ROLES.length }),
  defaultRole: fc.constantFrom(...ENV_ROLES),
  table: fc.dictionary(fc.constantFrom(...GROUPS), fc.constantFrom(...ALL_ROLES), { maxKeys: GROUPS.length }),
  memberships: fc.array(fc.subarray(GROUPS), { minLength: 1, maxLength: 8 }),
  change: fc.record({
    group: fc.constantFrom(...GROUPS),
    role: fc.option(fc.constantFrom(...ALL_ROLES), { nil: null }),
  }),
});

function scenarioOf(world: {
  priority: string[];
  defaultRole: string;
  table: Record<string, string>;
  memberships: string[][];
}): WorkosScenario {
  return {
    environment: { roles: ENV_ROLES.map((slug) => ({ slug, name: slug })), defaultRole: world.defaultRole },
    organizations: [
      {
        id: 'org_1',
        name: 'Org',
        customRoles: CUSTOM_ROLES.map((slug) => ({ slug, name: slug })),
        rolePriority: world.priority,
        directories: [
          {
            id: 'directory_1',
            type: 'okta scim v2.0',
            name: 'Dir',
            groups: GROUPS.map((id) => ({ id, name: id })),
            groupRoles: world.table,
            users: world.memberships.map((groupIds, index) => ({
              id: `u${index}`,
              email: `u${index}@x.test`,
              groupIds,
            })),
          },
        ],
      },
    ],
  };
}

describe('group → role computation (property)', () => {
  it('every user gets the rule’s role; a table change emits dsync.user.updated with previous_attributes.role', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const state = loadWorkosScenario(scenarioOf(world));
        world.memberships.forEach((groups, index) => {
          expect(state.user(`u${index}`).role).toBe(
            expectedRole(groups, world.table, world.priority, world.defaultRole),
          );
        });
        const events: WireEvent[] = [];
        state.subscribe((event) => events.push(event));
        const before = new Map(
          world.memberships.map((_, index) => [`u${index}`, state.user(`u${index}`).role]),
        );
        state.setGroupRole('directory_1', world.change.group, world.change.role);
        // The table after the change: the group's entry replaced, or gone when cleared.
        const table: Record<string, string> = Object.fromEntries(
          Object.entries(world.table).filter(([group]) => group !== world.change.group),
        );
        if (world.change.role !== null) table[world.change.group] = world.change.role;
        const changed = new Set<string>();
        world.memberships.forEach((groups, index) => {
          const id = `u${index}`;
          const expected = expectedRole(groups, table, world.priority, world.defaultRole);
          expect(state.user(id).role).toBe(expected);
          if (expected !== before.get(id)) changed.add(id);
        });
        const roleEvents = events.filter(
          (event) =>
            event.event === 'dsync.user.updated' && 'role' in (event.data.previous_attributes as object),
        );
        expect(new Set(roleEvents.map((event) => event.data.id))).toEqual(changed);
        for (const event of roleEvents) {
          const id = event.data.id as string;
          expect((event.data.previous_attributes as { role: unknown }).role).toEqual({
            slug: before.get(id),
          });
          expect(event.data.role).toEqual({ slug: state.user(id).role });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a priority change re-ranks users and emits the changes', () => {
    const state = loadWorkosScenario(
      scenarioOf({
        priority: ALL_ROLES,
        defaultRole: 'restricted',
        table: { g0: 'admin', g1: 'org-a' },
        memberships: [['g0', 'g1']],
      }),
    );
    expect(state.user('u0').role).toBe('admin');
    const events: WireEvent[] = [];
    state.subscribe((event) => events.push(event));
    state.setPriority('org_1', ['org-a', 'admin', 'standard', 'restricted', 'org-b']);
    expect(state.user('u0').role).toBe('org-a');
    expect(events.map((event) => [event.event, event.data.previous_attributes])).toEqual([
      ['dsync.user.updated', { role: { slug: 'admin' }, roles: [{ slug: 'admin' }, { slug: 'org-a' }] }],
    ]);
  });
});
