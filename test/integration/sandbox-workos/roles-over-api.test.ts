import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkosScenario } from '../../../main/sandbox/scenario/workos-scenario';
import { startWorkosStandIn } from '../../../main/sandbox/workos/server';
import { API_KEY, call, sdkFor } from './helpers';
import { expectedRole } from '../../support/expected-role';

const ENV_ROLES = ['admin', 'standard', 'restricted'];
const ALL_ROLES = [...ENV_ROLES, 'org-a', 'org-b'];
const GROUPS = ['g0', 'g1', 'g2', 'g3'];

describe('roles served over the API follow the rule (property, real HTTP + SDK)', () => {
  it('GET /directory_users roles and the events after a control-API table change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          priority: fc.shuffledSubarray(ALL_ROLES, {
            minLength: ALL_ROLES.length,
            maxLength: ALL_ROLES.length,
          }),
          defaultRole: fc.constantFrom(...ENV_ROLES),
          table: fc.dictionary(fc.constantFrom(...GROUPS), fc.constantFrom(...ALL_ROLES)),
          memberships: fc.array(fc.subarray(GROUPS), { minLength: 1, maxLength: 6 }),
          change: fc.record({ group: fc.constantFrom(...GROUPS), role: fc.constantFrom(...ALL_ROLES) }),
        }),
        async (world) => {
          const state = loadWorkosScenario({
            environment: {
              roles: ENV_ROLES.map((slug) => ({ slug, name: slug })),
              defaultRole: world.defaultRole,
            },
            organizations: [
              {
                id: 'org_1',
                name: 'Org',
                customRoles: [
                  { slug: 'org-a', name: 'A' },
                  { slug: 'org-b', name: 'B' },
                ],
                rolePriority: world.priority,
                directories: [
                  {
                    id: 'directory_1',
                    type: 'azure scim v2.0',
                    name: 'Dir',
                    groups: GROUPS.map((id) => ({ id, name: id })),
                    groupRoles: world.table,
                    users: world.memberships.map((groupIds, i) => ({
                      id: `u${i}`,
                      email: `u${i}@x.test`,
                      groupIds,
                    })),
                  },
                ],
              },
            ],
          });
          const standIn = await startWorkosStandIn({
            state,
            apiKeys: [API_KEY],
            rateLimits: { enabled: false },
          });
          try {
            const workos = sdkFor(standIn);
            const users = await workos.directorySync.listUsers({ directory: 'directory_1', limit: 100 });
            for (const user of users.data) {
              const index = Number(user.id.slice(1));
              expect(user.role?.slug).toBe(
                expectedRole(world.memberships[index] ?? [], world.table, world.priority, world.defaultRole),
              );
            }
            const before = new Map(users.data.map((user) => [user.id, user.role?.slug]));
            const changed = await call(standIn, '/_sandbox/workos/group-roles', {
              method: 'POST',
              body: { directoryId: 'directory_1', groupId: world.change.group, roleSlug: world.change.role },
            });
            expect(changed.status).toBe(200);
            const table = { ...world.table, [world.change.group]: world.change.role };
            const events = await workos.events.listEvents({ events: ['dsync.user.updated'], limit: 100 });
            const changedIds = new Set<string>();
            world.memberships.forEach((groups, i) => {
              if (expectedRole(groups, table, world.priority, world.defaultRole) !== before.get(`u${i}`))
                changedIds.add(`u${i}`);
            });
            const roleChanges = events.data.filter(
              (event) =>
                event.event === 'dsync.user.updated' &&
                event.data.previousAttributes &&
                'role' in event.data.previousAttributes,
            );
            expect(new Set(roleChanges.map((event) => (event.data as { id: string }).id))).toEqual(
              changedIds,
            );
          } finally {
            await standIn.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
