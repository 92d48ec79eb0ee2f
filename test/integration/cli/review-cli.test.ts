/** The admin reviewer's verdicts through the real CLI and core: recorded locally, signed, audited, exported. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

const TEAM = 'team_halcyon';
let cli: string;
let dataDir: string;
const run = (args: string[]) => runCliProcess(cli, ['--data-dir', dataDir, ...args]);

beforeAll(async () => {
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-review-'));
  expect((await run(['sync', '--team', TEAM])).code).toBe(0);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gem-scim review', () => {
  it('records approvals and flags with notes, latest verdict winning, and audits them', async () => {
    const groups = JSON.parse((await run(['--format', 'json', 'groups', '--team', TEAM])).stdout) as {
      id: string;
      name: string;
    }[];
    const [first, second] = groups;
    if (!first || !second) throw new Error('the demo team has groups');
    expect(
      (await run(['review', 'flag', '--team', TEAM, '--group', first.id, '--note', 'check with IT'])).code,
    ).toBe(0);
    expect((await run(['review', 'approve', '--team', TEAM, '--group', first.id])).code).toBe(0);
    expect(
      (await run(['review', 'flag', '--team', TEAM, '--group', second.id, '--note', '=1+1, "quoted"'])).code,
    ).toBe(0);

    const csv = (await run(['review', 'export', '--team', TEAM])).stdout.split('\n');
    expect(csv[0]).toBe(
      'group,group_id,members,inferred,candidates,verdict,note,reviewer,reviewed_at,evidence',
    );
    expect(csv.find((line) => line.includes(first.id))).toMatch(/,approve,,console@gem\.com,/);
    // A note a spreadsheet would run as a formula is neutralised, and quotes are escaped.
    expect(csv.find((line) => line.includes(second.id))).toContain(`,flag,"'=1+1, ""quoted""",`);
    expect(csv.filter((line) => line.trim() !== '')).toHaveLength(groups.length + 1);

    const json = JSON.parse((await run(['--format', 'json', 'review', 'export', '--team', TEAM])).stdout) as {
      inferred: boolean;
      groups: { groupId: string; verdict: string | null }[];
    };
    expect(json.inferred).toBe(true);
    expect(json.groups.find((g) => g.groupId === first.id)?.verdict).toBe('approve');

    const audit = JSON.parse((await run(['--format', 'json', 'audit', '--team', TEAM])).stdout) as {
      action: string;
    }[];
    expect(audit.map((e) => e.action)).toEqual([
      'mapping_review.flagged',
      'mapping_review.approved',
      'mapping_review.flagged',
    ]);
  });

  it('refuses a group of another team', async () => {
    const refused = await run([
      'review',
      'approve',
      '--team',
      'team_brightwater',
      '--group',
      'directory_group_halcyon_engineering',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(not_found)');
  });
});
