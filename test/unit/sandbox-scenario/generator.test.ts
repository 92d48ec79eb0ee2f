/** The generator is deterministic (seeded, never the clock) and its presets are valid scenarios of the promised size. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateScenario } from '../../../main/sandbox/generator';
import { parseScenario } from '../../../main/sandbox/scenario/schema';

afterEach(() => {
  vi.useRealTimers();
});

describe('generateScenario', () => {
  it('gives byte-identical JSON for the same seed, whatever the clock says', () => {
    vi.useFakeTimers({ now: Date.parse('2020-01-01T00:00:00Z') });
    const first = JSON.stringify(generateScenario({ preset: 'demo', seed: 7 }));
    vi.setSystemTime(Date.parse('2031-06-30T12:34:56Z'));
    const second = JSON.stringify(generateScenario({ preset: 'demo', seed: 7 }));
    expect(second).toBe(first);
    expect(JSON.stringify(generateScenario({ preset: 'large', seed: 7, users: 500 }))).toBe(
      JSON.stringify(generateScenario({ preset: 'large', seed: 7, users: 500 })),
    );
  });

  it('gives different scenarios for different seeds', () => {
    expect(JSON.stringify(generateScenario({ preset: 'demo', seed: 1 }))).not.toBe(
      JSON.stringify(generateScenario({ preset: 'demo', seed: 2 })),
    );
    expect(JSON.stringify(generateScenario({ preset: 'large', seed: 1, users: 300 }))).not.toBe(
      JSON.stringify(generateScenario({ preset: 'large', seed: 2, users: 300 })),
    );
  });

  it('makes a valid demo scenario with five teams and the three staff', () => {
    const scenario = parseScenario(generateScenario({ preset: 'demo', seed: 3 }));
    expect(scenario.gem.teams.map((team) => team.id)).toEqual([
      'team_halcyon',
      'team_brightwater',
      'team_juniper',
      'team_tessellate',
      'team_marigold',
    ]);
    expect(scenario.gem.staff.map((staff) => [...staff.capabilities].sort())).toEqual([
      ['roles:sync', 'scim:manage', 'teams:read'],
      ['scim:manage', 'teams:read'],
      ['roles:sync', 'teams:read'],
    ]);
    expect(scenario.workos.environment.defaultRole).toBe('standard');
  });

  it('makes a valid large scenario: the user count asked for, ~users/100 groups, 1-4 groups each, 6 mapped roles', () => {
    const scenario = parseScenario(generateScenario({ preset: 'large', seed: 5, users: 3000 }));
    const directory = scenario.workos.organizations?.[0]?.directories?.[0];
    expect(directory?.users).toHaveLength(3000);
    expect(directory?.groups).toHaveLength(30);
    const sizes = new Set((directory?.users ?? []).map((user) => user.groupIds?.length));
    expect([...sizes].sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(Object.values(directory?.groupRoles ?? {})).size).toBeGreaterThanOrEqual(4);
    expect(new Set((directory?.users ?? []).map((user) => user.email)).size).toBe(3000);
  });

  it('refuses a non-integer seed or user count', () => {
    expect(() => generateScenario({ preset: 'demo', seed: 1.5 })).toThrow(/seed/);
    expect(() => generateScenario({ preset: 'large', seed: 1, users: 0 })).toThrow(/users/);
  });
});
