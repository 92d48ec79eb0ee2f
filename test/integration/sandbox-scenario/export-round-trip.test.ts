/**
 * exportScenario snapshots the live sandbox: load → change it through the control APIs and the public API → export
 * → load the export → the same public answers. Drift and hand edits survive; new members get fresh ids afterwards.
 */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../main/sandbox/generator';
import { parseScenario } from '../../../main/sandbox/scenario/schema';
import { exportScenario, type RunningSandbox } from '../../../main/sandbox/sandbox';
import { gemClient, minimalScenario, publicAnswers, startTestSandbox } from './helpers';

async function control(
  running: RunningSandbox,
  service: 'workos' | 'gem',
  method: string,
  path: string,
  body: unknown,
): Promise<unknown> {
  const origin = service === 'workos' ? running.workos.url : running.gemServer.origin;
  const token = service === 'workos' ? running.workos.apiKey : running.gem.tokens.console;
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

describe('exportScenario', () => {
  it('round-trips a changed sandbox to the same public answers', async () => {
    let clock = Date.parse('2026-02-01T10:00:00Z');
    const now = () => (clock += 1000);
    const first = await startTestSandbox({ scenario: minimalScenario(), now });
    let second: RunningSandbox | undefined;
    try {
      // The IdP adds a user and a group, maps it to a new organization role, moves a user; the customer's admin
      // reorders nothing; Gem gets a hand edit; an engineer claims the pending role.
      await control(first, 'workos', 'POST', '/_sandbox/workos/organization-roles', {
        organizationId: 'org_acme',
        slug: 'org-sourcer',
        name: 'Sourcer',
      });
      await control(first, 'workos', 'POST', '/_sandbox/workos/groups', {
        id: 'directory_group_sourcers',
        directoryId: 'directory_acme',
        name: 'Sourcers',
      });
      await control(first, 'workos', 'POST', '/_sandbox/workos/group-roles', {
        directoryId: 'directory_acme',
        groupId: 'directory_group_sourcers',
        roleSlug: 'org-sourcer',
      });
      await control(first, 'workos', 'POST', '/_sandbox/workos/users', {
        directoryId: 'directory_acme',
        email: 'dee@acme.example',
        firstName: 'Dee',
        lastName: 'Vo',
        groupIds: ['directory_group_sourcers'],
      });
      await control(first, 'workos', 'POST', '/_sandbox/workos/memberships/remove', {
        userId: 'directory_user_ana',
        groupId: 'directory_group_admins',
      });
      const cy = first.loaded.gem.findMemberByDirectoryUser('team_acme', 'directory_user_cy');
      await control(first, 'gem', 'PATCH', `/_sandbox/gem/teams/team_acme/members/${cy?.id ?? ''}`, {
        last_name: 'Edited By Hand',
      });
      await gemClient(first.gem.url, first.gem.tokens.console).setRoleWorkosSync('team_acme', 'sourcer', {
        status: 'in_progress',
      });
      await first.loaded.link.idle();

      const exported = JSON.parse(JSON.stringify(exportScenario(first))) as unknown;
      expect(() => parseScenario(exported)).not.toThrow();
      second = await startTestSandbox({ scenario: exported, now: () => Date.parse('2030-01-01T00:00:00Z') });

      const before = await publicAnswers(first);
      expect(await publicAnswers(second)).toEqual(before);
      const members = before['members team_acme'] as {
        email: string;
        role_slug: string;
        last_name: string;
      }[];
      expect(members.find((m) => m.email === 'dee@acme.example')?.role_slug).toBe('sourcer');
      expect(members.find((m) => m.email === 'cy@acme.example')).toMatchObject({
        role_slug: 'admin', // the drift of minimal.json survives
        last_name: 'Edited By Hand',
      });

      // After a restore, new members get ids that do not collide with the restored ones.
      second.loaded.workos.createUser({ directoryId: 'directory_acme', email: 'eve@acme.example' });
      const ids = (second.loaded.gem.listMembers('team_acme') ?? []).map((member) => member.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    } finally {
      await Promise.all([first.close(), second?.close()]);
    }
  });

  it('round-trips the demo preset unchanged', async () => {
    const first = await startTestSandbox({ scenario: generateScenario({ preset: 'demo', seed: 4 }) });
    const second = await startTestSandbox({ scenario: JSON.parse(JSON.stringify(exportScenario(first))) });
    try {
      expect(await publicAnswers(second)).toEqual(await publicAnswers(first));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
