/**
 * A scenario fully determines the state: the same file loaded on two different clocks gives identical answers from
 * both stand-ins' public APIs (directories, users with roles, groups, organization roles, connections, teams,
 * members, roles, role-sync requests).
 */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../main/sandbox/generator';
import { minimalScenario, publicAnswers, startTestSandbox } from './helpers';

describe('a scenario determines the state', () => {
  it.each([
    ['minimal.json', minimalScenario],
    ['the demo preset', () => generateScenario({ preset: 'demo', seed: 11 })],
  ])('%s gives the same public answers on different clocks', async (_name, make) => {
    const early = await startTestSandbox({ scenario: make(), now: () => Date.parse('2026-02-01T00:00:00Z') });
    const late = await startTestSandbox({ scenario: make(), now: () => Date.parse('2027-09-09T09:09:09Z') });
    try {
      const [a, b] = [await publicAnswers(early), await publicAnswers(late)];
      expect(Object.keys(a).length).toBeGreaterThan(8);
      expect(b).toEqual(a);
    } finally {
      await Promise.all([early.close(), late.close()]);
    }
  });
});
