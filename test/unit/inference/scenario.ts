import fc from 'fast-check';
import { computeDirectoryUserRoles } from '../../../main/sandbox/workos/role-computation';
import type { InferenceInput } from '../../../main/core/inference';

/** A small random organization with a hidden group → role table, and users' roles from the sandbox's ground truth. */
export interface Scenario {
  input: InferenceInput;
  /** groupId → mapped role slug, or null when the group is unmapped. */
  truth: Map<string, string | null>;
}

export function buildScenario(
  priority: string[],
  defaultRole: string,
  mapping: (string | null)[],
  memberships: number[][],
): Scenario {
  const groups = mapping.map((_, i) => ({ id: `g${i}`, name: `Group ${i}` }));
  const truth = new Map(mapping.map((role, i) => [`g${i}`, role]));
  const groupRole = new Map<string, string>();
  for (const [id, role] of truth) if (role !== null) groupRole.set(id, role);
  const users = memberships.map((groupIndices, u) => {
    const groupIds = groupIndices.map((i) => `g${i}`);
    return {
      id: `u${u}`,
      groupIds,
      role: computeDirectoryUserRoles(groupIds, groupRole, priority, defaultRole).role,
    };
  });
  return { input: { priority, defaultRole, groups, users }, truth };
}

export interface ScenarioSize {
  maxRoles: number;
  maxGroups: number;
  maxUsers: number;
  maxGroupsPerUser: number;
}

export const smallScenario: ScenarioSize = { maxRoles: 5, maxGroups: 6, maxUsers: 12, maxGroupsPerUser: 3 };

export const scenarioArbitrary = (size: ScenarioSize = smallScenario): fc.Arbitrary<Scenario> =>
  fc
    .record({
      roleCount: fc.integer({ min: 1, max: size.maxRoles }),
      groupCount: fc.integer({ min: 1, max: size.maxGroups }),
    })
    .chain(({ roleCount, groupCount }) => {
      const slugs = Array.from({ length: roleCount }, (_, i) => `role${i}`);
      return fc.record({
        priority: fc.shuffledSubarray(slugs, { minLength: roleCount, maxLength: roleCount }),
        defaultRole: fc.constantFrom(...slugs),
        mapping: fc.array(fc.option(fc.constantFrom(...slugs), { nil: null, freq: 3 }), {
          minLength: groupCount,
          maxLength: groupCount,
        }),
        memberships: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: groupCount - 1 }), {
            minLength: 0,
            maxLength: Math.min(size.maxGroupsPerUser, groupCount),
          }),
          { minLength: 0, maxLength: size.maxUsers },
        ),
      });
    })
    .map(({ priority, defaultRole, mapping, memberships }) =>
      buildScenario(priority, defaultRole, mapping, memberships),
    );

/** The default/none equivalence of the inference's output: mapping to the default role reads as `null`. */
export function observable(role: string | null, defaultRole: string): string | null {
  return role === defaultRole ? null : role;
}
