/**
 * The CSM's actions through the real CLI and core on the sandbox profile: enable SCIM, link (creating the
 * organization once, idempotently), produce a portal link that really opens, and the refusals Gem and WorkOS give.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_STATE_FILE } from '../../../main/sandbox/app-sandbox';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

const TEAM = 'team_marigold';
let cli: string;
let dataDir: string;
const run = (args: string[]) => runCliProcess(cli, ['--data-dir', dataDir, '--format', 'json', ...args]);
const ok = async <T>(args: string[]): Promise<T> => {
  const result = await run(args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
};

beforeAll(async () => {
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-csm-'));
  await ok(['sync', '--scope', 'requests']);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gem-scim team', () => {
  it('refuses to link before the SCIM module is on', async () => {
    const refused = await run(['team', 'link', '--team', TEAM]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Enable the SCIM module');
  });

  it('enables SCIM, then creates and links the organization once', async () => {
    expect(await ok(['team', 'enable-scim', '--team', TEAM])).toEqual([{ team: TEAM, scim: 'enabled' }]);
    const [first] = await ok<{ organization: string; created: boolean }[]>(['team', 'link', '--team', TEAM]);
    expect(first?.created).toBe(true);
    const [second] = await ok<{ organization: string; created: boolean }[]>(['team', 'link', '--team', TEAM]);
    expect(second).toEqual({ team: TEAM, organization: first?.organization, created: false });
    const state = JSON.parse(readFileSync(path.join(dataDir, SANDBOX_STATE_FILE), 'utf8')) as {
      workos: { organizations: { id: string; externalId: string | null }[] };
      gem: {
        teams: { id: string; scim: { module_enabled: boolean; workos_organization_id: string | null } }[];
      };
    };
    expect(state.workos.organizations.filter((o) => o.externalId === TEAM).map((o) => o.id)).toEqual([
      first?.organization,
    ]);
    expect(state.gem.teams.find((t) => t.id === TEAM)?.scim).toMatchObject({
      module_enabled: true,
      workos_organization_id: first?.organization,
    });
  });

  it('produces a five-minute Admin Portal link for dsync', async () => {
    const before = Date.now();
    const [portal] = await ok<{ link: string; intent: string; expiresAt: string }[]>([
      'team',
      'portal-link',
      '--team',
      TEAM,
    ]);
    expect(portal?.intent).toBe('dsync');
    expect(portal?.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\/launch\?token=/);
    const expires = Date.parse(portal?.expiresAt ?? '');
    expect(expires - before).toBeGreaterThan(4 * 60 * 1000);
    expect(expires - before).toBeLessThanOrEqual(5 * 60 * 1000 + 5000);
    const audit = await ok<{ action: string; details: Record<string, unknown> }[]>(['audit', '--team', TEAM]);
    expect(audit[0]).toMatchObject({ action: 'workos.portal_link_generated', details: { intent: 'dsync' } });
    // The link grants setup access: it is never written to the audit log.
    expect(JSON.stringify(audit)).not.toContain(portal?.link ?? '@@');
  });

  it('passes on Gem and WorkOS refusals with their reasons', async () => {
    const disable = await run(['team', 'disable-scim', '--team', 'team_halcyon']);
    expect(disable.code).toBe(1);
    expect(disable.stderr).toContain('directory_linked');
    const unknown = await run(['team', 'link', '--team', 'team_tessellate', '--organization', 'org_nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('(not_found)');
  });
});
