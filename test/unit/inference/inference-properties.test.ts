import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDirectoryUserRoles } from '../../../main/sandbox/workos/role-computation';
import { inferGroupRoles } from '../../../main/core/inference';
import { buildScenario, observable, scenarioArbitrary, type ScenarioSize } from './scenario';

// Small enough that every table of (roles + unmapped)^groups can be enumerated.
const bruteForceSize: ScenarioSize = { maxRoles: 4, maxGroups: 4, maxUsers: 10, maxGroupsPerUser: 3 };
const mediumSize: ScenarioSize = { maxRoles: 8, maxGroups: 40, maxUsers: 300, maxGroupsPerUser: 5 };

describe('inferGroupRoles on random consistent organizations', () => {
  it('keeps the true mapping among the candidates, never reports inconsistent, determines single-group groups', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), ({ input, truth }) => {
        const result = inferGroupRoles(input);
        expect(result.unexplainedMemberCount).toBe(0);
        const soleGroups = new Set(
          input.users.filter((u) => u.groupIds.length === 1).map((u) => u.groupIds[0]),
        );
        for (const group of result.groups) {
          const trueRole = truth.get(group.groupId) ?? null;
          expect(group.status).not.toBe('inconsistent');
          expect(group.candidates).toContain(observable(trueRole, input.defaultRole));
          if (observable(trueRole, input.defaultRole) === null) {
            if (group.defaultOrNone === 'mapped_to_default') expect(trueRole).toBe(input.defaultRole);
            if (group.defaultOrNone === 'unmapped') expect(trueRole).toBeNull();
          }
          if (soleGroups.has(group.groupId)) expect(group.status).toBe('determined');
          expect(group.status === 'determined').toBe(group.candidates.length === 1);
        }
        for (const user of input.users) {
          const explanation = result.explainRole(user.id);
          expect(explanation?.role).toBe(user.role);
          expect(explanation?.explained).toBe(true);
          const givers = user.groupIds.filter((g) => truth.get(g) === user.role);
          for (const g of givers) expect(explanation?.possibleSources).toContain(g);
          if (givers.length === 0) expect(explanation?.viaDefault).toBe(true);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('keeps every globally consistent mapping among the candidates (brute force over all tables)', () => {
    fc.assert(
      fc.property(scenarioArbitrary(bruteForceSize), ({ input }) => {
        const result = inferGroupRoles(input);
        const values: (string | null)[] = [...input.priority, null];
        const groupIds = input.groups.map((g) => g.id);
        const table: (string | null)[] = groupIds.map(() => null);
        const visit = (i: number): void => {
          if (i === groupIds.length) {
            const groupRole = new Map<string, string>();
            table.forEach((role, g) => role !== null && groupRole.set(groupIds[g] as string, role));
            const fits = input.users.every(
              (u) =>
                computeDirectoryUserRoles(u.groupIds, groupRole, input.priority, input.defaultRole).role ===
                u.role,
            );
            if (!fits) return;
            result.groups.forEach((group, g) =>
              expect(group.candidates).toContain(observable(table[g] ?? null, input.defaultRole)),
            );
            return;
          }
          for (const value of values) {
            table[i] = value;
            visit(i + 1);
          }
        };
        visit(0);
      }),
      { numRuns: 600 },
    );
  });

  it('stays sound on medium organizations (more roles, groups and overlapping memberships)', () => {
    fc.assert(
      fc.property(scenarioArbitrary(mediumSize), ({ input, truth }) => {
        const result = inferGroupRoles(input);
        expect(result.unexplainedMemberCount).toBe(0);
        for (const group of result.groups) {
          expect(group.candidates).toContain(observable(truth.get(group.groupId) ?? null, input.defaultRole));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('marks the tampered group inconsistent when two members only in it disagree', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), ({ input }, pick) => {
        const slugs = input.priority;
        // Add a fresh group with two members who are only in it, then give one of them an observably different role.
        const fresh = 'g_tampered';
        const groups = [...input.groups, { id: fresh, name: 'Tampered' }];
        const trueRole = slugs[pick % slugs.length] as string;
        const others = slugs.filter(
          (s) => observable(s, input.defaultRole) !== observable(trueRole, input.defaultRole),
        );
        const fallbackRole = trueRole === input.defaultRole ? undefined : input.defaultRole;
        const tamperedRole = others[pick % Math.max(others.length, 1)] ?? fallbackRole;
        if (tamperedRole === undefined) return; // One role only: nothing can disagree.
        const users = [
          ...input.users,
          { id: 'u_honest', role: trueRole, groupIds: [fresh] },
          { id: 'u_tampered', role: tamperedRole, groupIds: [fresh] },
        ];
        const result = inferGroupRoles({ ...input, groups, users });
        const group = result.groups.find((g) => g.groupId === fresh);
        expect(group?.status).toBe('inconsistent');
        expect(group?.candidates).toEqual([]);
        expect(result.groups.filter((g) => g.status === 'inconsistent')).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('inferGroupRoles on a large organization', () => {
  it('infers 100,000 users over 1,000 groups soundly', () => {
    const priority = ['admin', 'lead', 'standard', 'viewer', 'restricted'];
    const random = seededRandom(42);
    const mapping = Array.from({ length: 1000 }, () =>
      random(4) === 0 ? null : (priority[random(5)] as string),
    );
    const memberships = Array.from({ length: 100_000 }, () =>
      Array.from(new Set(Array.from({ length: random(4) }, () => random(1000)))),
    );
    const { input, truth } = buildScenario(priority, 'standard', mapping, memberships);
    const started = performance.now();
    const result = inferGroupRoles(input);
    const elapsed = performance.now() - started;
    console.info(`inference: 100,000 users / 1,000 groups in ${elapsed.toFixed(0)} ms`);
    expect(result.unexplainedMemberCount).toBe(0);
    for (const group of result.groups) {
      expect(group.candidates).toContain(observable(truth.get(group.groupId) ?? null, 'standard'));
    }
    expect(result.groups.filter((g) => g.status === 'determined').length).toBeGreaterThan(900);
  });
});

/** mulberry32: a small deterministic generator, so the large test is reproducible. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
