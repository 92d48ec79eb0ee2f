/**
 * `gem-scim sync`, then the report commands, on the sandbox profile: the real CLI and core worker, the in-process
 * demo sandbox over HTTP, a real SQLite cache. The expected drift comes from the demo scenario itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../main/sandbox/generator';
import { APP_SANDBOX_SEED } from '../../../main/sandbox/app-sandbox';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

const TEAM = 'team_halcyon';
let cli: string;
let dataDir: string;
const run = (args: string[]) => runCliProcess(cli, ['--data-dir', dataDir, ...args]);
const json = async <T>(args: string[]): Promise<T> => {
  const result = await run(['--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
};

beforeAll(async () => {
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-reports-'));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gem-scim sync and reports on the sandbox profile', () => {
  it('syncs the custom-role queue, then one team in full, with progress on stderr and a JSON summary', async () => {
    const queue = await run(['sync', '--scope', 'requests']);
    expect(queue.code, queue.stderr).toBe(0);
    expect(JSON.parse(queue.stdout)).toMatchObject({ scope: 'requests', outcome: 'ok' });
    const team = await run(['sync', '--team', TEAM]);
    expect(team.code, team.stderr).toBe(0);
    expect(team.stderr).toMatch(/\[run \d+ team_halcyon\] \w+: \d+ pages/);
    const summary = JSON.parse(team.stdout) as { outcome: string; counts: { items: number } };
    expect(summary.outcome).toBe('ok');
    expect(summary.counts.items).toBeGreaterThan(50);
  });

  it('lists teams and the queue, offline from the cache', async () => {
    const teams = await json<{ id: string; scim: string }[]>(['teams']);
    expect(teams.map((t) => t.id)).toContain(TEAM);
    const requests = await json<{ status: string; workos_role: string }[]>(['requests']);
    expect(requests.some((r) => r.status === 'pending' && r.workos_role.startsWith('org-'))).toBe(true);
    const csv = await run(['--format', 'csv', 'requests']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'team,role,slug,status,claimed_by,workos_role,age_business_days,overdue,csm',
    );
  });

  it('reports the drift the demo scenario planted', async () => {
    const scenario = generateScenario({ preset: 'demo', seed: APP_SANDBOX_SEED });
    const halcyon = scenario.gem.teams.find((t) => t.id === TEAM) as unknown as {
      drift: {
        unprovisioned: string[];
        members: { directory_user_id: string; set: Record<string, string> }[];
      };
    };
    const report = await json<{
      counts: Record<string, number>;
      findings: { kind: string; directory: { id: string } | null; gem: { email: string } | null }[];
    }>(['drift', '--team', TEAM]);
    const notProvisioned = report.findings
      .filter((f) => f.kind === 'not_provisioned')
      .map((f) => f.directory?.id);
    expect(notProvisioned).toEqual(halcyon.drift.unprovisioned);
    const roleSet = halcyon.drift.members.filter((m) => 'role_slug' in m.set);
    expect(report.counts['role_differs']).toBe(roleSet.length);
    expect(report.counts['not_scim_managed']).toBeGreaterThanOrEqual(1);
  });

  it('shows inferred mappings with evidence, and members with who manages them', async () => {
    const groups = await json<{ name: string; inferred: string; candidates: string; evidence: string }[]>([
      'mappings',
      '--team',
      TEAM,
    ]);
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) expect(['determined', 'ambiguous', 'inconsistent']).toContain(group.inferred);
    expect(groups.every((g) => g.evidence.length > 0)).toBe(true);
    const members = await json<{ managed_by: string; email: string }[]>(['members', '--team', TEAM]);
    expect(members.some((m) => m.managed_by === 'idp')).toBe(true);
    expect(members.some((m) => m.managed_by === 'gem')).toBe(true);
  });

  it('exits 2 on usage errors and 1 on an unknown profile', async () => {
    expect((await run(['members'])).code).toBe(2);
    expect((await run(['sync', '--team', TEAM, '--scope', 'requests'])).code).toBe(2);
    const unknown = await run(['--profile', 'nope', 'teams']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No profile "nope"');
  });
});
