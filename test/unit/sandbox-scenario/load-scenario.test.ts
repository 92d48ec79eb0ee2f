/**
 * Loading derives state the way live changes do: users' roles from the group → role table, Gem members of SCIM
 * teams through the live link's own handler, setup completion from the directory's activation; drift is applied
 * on top; and the load does not depend on the clock.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../main/sandbox/scenario/load-scenario';
import type { Scenario } from '../../../main/sandbox/scenario/schema';

const minimal = (): Scenario =>
  JSON.parse(readFileSync('test/fixtures/scenarios/minimal.json', 'utf8')) as Scenario;
const directoryOf = (scenario: Scenario) => {
  const directory = scenario.workos.organizations?.[0]?.directories?.[0];
  if (!directory) throw new Error('minimal.json has no directory');
  return directory;
};

describe('loadScenario', () => {
  it('computes each directory user role from the groups, the table and the priority', () => {
    const { workos } = loadScenario(minimal());
    expect(workos.user('directory_user_ana').role).toBe('admin');
    expect(workos.user('directory_user_ben').role).toBe('org-hiring-manager');
    expect(workos.user('directory_user_cy').role).toBe('standard'); // no mapped group: the default role
  });

  it('derives SCIM-managed members, applies drift, and records setup from the directory activation', () => {
    const { gem } = loadScenario(minimal());
    const members = gem.listMembers('team_acme') ?? [];
    expect(members.map((m) => [m.email, m.role_slug, m.scim_managed, m.directory_user_id])).toEqual([
      ['temp.recruiter@agency.example', 'restricted', false, null],
      ['ana@acme.example', 'admin', true, 'directory_user_ana'],
      ['ben@acme.example', 'hiring-manager', true, 'directory_user_ben'],
      ['cy@acme.example', 'admin', true, 'directory_user_cy'], // drift: the IdP says standard
    ]);
    expect(gem.getTeam('team_acme')?.scim.setup_completed_at).toBe('2025-10-01T09:00:00.000Z');
    expect(gem.getRole('team_acme', 'hiring-manager')?.workos_sync.status).toBe('synced');
    expect(gem.getRole('team_acme', 'sourcer')?.workos_sync.status).toBe('pending');
  });

  it('leaves unprovisioned directory users out', () => {
    const scenario = minimal();
    const team = scenario.gem.teams[0];
    if (team) team.drift = { unprovisioned: ['directory_user_ben'] };
    const { gem } = loadScenario(scenario);
    expect(gem.findMemberByDirectoryUser('team_acme', 'directory_user_ben')).toBeUndefined();
    expect(gem.findMemberByDirectoryUser('team_acme', 'directory_user_ana')).toBeDefined();
  });

  it('derives the same members as the live link makes for the same users added live', () => {
    const scenario = minimal();
    const team = scenario.gem.teams[0];
    if (team) team.drift = undefined;
    const base = Date.parse('2026-01-15T12:00:00.000Z');
    const loaded = loadScenario(scenario, { now: () => base });

    const users = directoryOf(scenario).users ?? [];
    directoryOf(scenario).users = [];
    const live = loadScenario(scenario, { now: () => base });
    for (const user of users) live.workos.createUser({ ...user, directoryId: 'directory_acme' });

    expect(live.gem.listMembers('team_acme')).toEqual(loaded.gem.listMembers('team_acme'));
    expect((live.gem.listMembers('team_acme') ?? []).length).toBe(4);
    // Afterwards the loaded sandbox follows live changes through the same link.
    loaded.workos.addUserToGroup('directory_user_cy', 'directory_group_managers');
    expect(loaded.gem.findMemberByDirectoryUser('team_acme', 'directory_user_cy')?.role_slug).toBe(
      'hiring-manager',
    );
  });

  it('builds the same state whatever the clock', () => {
    const early = loadScenario(minimal(), { now: () => Date.parse('2001-01-01T00:00:00Z') });
    const late = loadScenario(minimal(), { now: () => Date.parse('2040-01-01T00:00:00Z') });
    expect(early.gem.listMembers('team_acme')).toEqual(late.gem.listMembers('team_acme'));
    expect(early.gem.listTeams()).toEqual(late.gem.listTeams());
    expect([...early.workos.users.values()]).toEqual([...late.workos.users.values()]);
    expect([...early.workos.connections.values()]).toEqual([...late.workos.connections.values()]);
    expect([...early.workos.organizations.values()]).toEqual([...late.workos.organizations.values()]);
  });
});
