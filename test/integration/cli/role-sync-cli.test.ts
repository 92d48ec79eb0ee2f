/**
 * The engineer's custom-role workflow through the real CLI and core on the sandbox profile: claim, complete (the
 * WorkOS organization role is created and Gem records it), idempotence, refusals, and the audit log. What the
 * stand-ins hold afterwards is read from the sandbox state the session saves when it closes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_STATE_FILE } from '../../../main/sandbox/app-sandbox';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

const TEAM = 'team_halcyon';
let cli: string;
let dataDir: string;
const run = (args: string[]) => runCliProcess(cli, ['--data-dir', dataDir, '--format', 'json', ...args]);

interface SavedState {
  workos: { organizations: { id: string; customRoles: { slug: string }[]; rolePriority: string[] }[] };
  gem: {
    teams: {
      id: string;
      roles?: { slug: string; workos_sync?: { status: string; workos_role_slug: string | null } }[];
    }[];
  };
}
const saved = (): SavedState =>
  JSON.parse(readFileSync(path.join(dataDir, SANDBOX_STATE_FILE), 'utf8')) as SavedState;

let pendingSlug = '';

beforeAll(async () => {
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-rolesync-'));
  const synced = await run(['sync', '--scope', 'requests']);
  expect(synced.code, synced.stderr).toBe(0);
  const queue = JSON.parse((await run(['requests'])).stdout) as {
    slug: string;
    status: string;
    team: string;
  }[];
  pendingSlug = queue.find((r) => r.status === 'pending' && r.team === 'Halcyon Health')?.slug ?? '';
  expect(pendingSlug).not.toBe('');
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gem-scim requests claim / complete', () => {
  it('refuses to complete an unclaimed request', async () => {
    const refused = await run(['requests', 'complete', '--team', TEAM, '--role', pendingSlug]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Claim .* before completing it \(it is pending\)/);
  });

  it('claims, then completes: WorkOS gets org-<slug>, Gem records it, the audit log has both steps', async () => {
    const claimed = await run(['requests', 'claim', '--team', TEAM, '--role', pendingSlug]);
    expect(claimed.code, claimed.stderr).toBe(0);
    expect(JSON.parse(claimed.stdout)).toMatchObject([
      { status: 'in_progress', claimedBy: 'console@gem.com' },
    ]);

    const done = await run(['requests', 'complete', '--team', TEAM, '--role', pendingSlug]);
    expect(done.code, done.stderr).toBe(0);
    const [result] = JSON.parse(done.stdout) as {
      workosRoleSlug: string;
      alreadyExisted: boolean;
      warning: string;
    }[];
    expect(result).toMatchObject({ workosRoleSlug: `org-${pendingSlug}`, alreadyExisted: false });
    expect(result?.warning).toContain('bottom of the organization');

    const state = saved();
    const org = state.workos.organizations.find((o) => o.id === 'org_halcyon');
    expect(org?.customRoles.some((r) => r.slug === `org-${pendingSlug}`)).toBe(true);
    // New organization roles land at the bottom of the priority order.
    expect(org?.rolePriority.at(-1)).toBe(`org-${pendingSlug}`);
    const role = state.gem.teams.find((t) => t.id === TEAM)?.roles?.find((r) => r.slug === pendingSlug);
    expect(role?.workos_sync).toMatchObject({ status: 'synced', workos_role_slug: `org-${pendingSlug}` });

    const audit = JSON.parse((await run(['audit', '--team', TEAM])).stdout) as {
      action: string;
      subject: string;
    }[];
    expect(audit.map((e) => e.action)).toEqual(['role_sync.completed', 'role_sync.claimed']);
  });

  it('says a synced request is already synced', async () => {
    const again = await run(['requests', 'complete', '--team', TEAM, '--role', pendingSlug]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already synced');
  });

  it('cannot claim a request someone else holds, and says who', async () => {
    const queue = JSON.parse((await run(['requests'])).stdout) as {
      slug: string;
      status: string;
      claimed_by: string;
    }[];
    const held = queue.find((r) => r.status === 'in_progress' && r.claimed_by !== 'console@gem.com');
    expect(held).toBeDefined();
    const refused = await run(['requests', 'claim', '--team', TEAM, '--role', held?.slug ?? '']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`claimed by ${held?.claimed_by ?? ''}`);
  });
});
