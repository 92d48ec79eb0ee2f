/**
 * The large preset at full size: 100,000 directory users in 1,000 groups, generated and loaded (roles computed, one
 * SCIM-managed Gem member per user) in a few seconds, and served: the SDK pages through the users.
 */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../main/sandbox/generator';
import { loadScenario } from '../../../main/sandbox/scenario/load-scenario';
import { startTestSandbox, workosSdk } from './helpers';

describe('large preset', () => {
  it('generates and loads 100,000 users quickly', async () => {
    const started = performance.now();
    const scenario = generateScenario({ preset: 'large', seed: 1 });
    const generatedMs = performance.now() - started;
    const loaded = loadScenario(scenario);
    const loadedMs = performance.now() - started - generatedMs;
    // Figures for the report (vitest prints console output of the test).
    console.info(
      `large preset: generated in ${Math.round(generatedMs)} ms, loaded in ${Math.round(loadedMs)} ms`,
    );

    expect(loaded.workos.users.size).toBe(100_000);
    expect(loaded.workos.groups.size).toBe(1_000);
    const members = loaded.gem.listMembers('team_atlas') ?? [];
    expect(members).toHaveLength(100_000);
    expect(members.every((member) => member.scim_managed && member.status === 'active')).toBe(true);
    const roles = new Set(members.map((member) => member.role_slug));
    expect(roles).toEqual(
      new Set(['admin', 'recruiting-ops', 'hiring-manager', 'sourcer', 'standard', 'restricted']),
    );
    const workosRoles = new Set([...loaded.workos.users.values()].map((user) => user.role));
    expect(workosRoles.size).toBe(6);
    expect(loadedMs).toBeLessThan(15_000);
    loaded.link.close();
  });

  it('serves a smaller large preset through the SDK', async () => {
    const sandbox = await startTestSandbox({
      scenario: generateScenario({ preset: 'large', seed: 2, users: 450 }),
    });
    try {
      const sdk = workosSdk(sandbox.workos.url, sandbox.workos.apiKey);
      const users = await (
        await sdk.directorySync.listUsers({ directory: 'directory_atlas_okta' })
      ).autoPagination();
      expect(users).toHaveLength(450);
      expect(users.every((user) => user.groups.length >= 1 && user.groups.length <= 4)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});
