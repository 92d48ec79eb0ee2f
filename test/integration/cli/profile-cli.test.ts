/**
 * `gem-scim profile …` end to end: the built CLI, the core worker, the real keychain (gnome-keyring under
 * scripts/with-keyring.sh) and verification against the real WorkOS and Gem stand-ins over HTTP.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GemState, startGemStandIn } from '../../../main/sandbox/gem';
import { WorkosState } from '../../../main/sandbox/workos/state';
import { startWorkosStandIn } from '../../../main/sandbox/workos/server';
import { buildCli } from '../../support/build-worker';
import { requireTestKeyring } from '../../support/keyring';
import { runCliProcess } from '../../support/run-cli';

const WORKOS_KEY = `sk_test_cli_${Math.random().toString(36).slice(2)}_a1b2`;
const GEM_TOKEN = `gem_staff_${Math.random().toString(36).slice(2)}_z9y8`;

let cli: string;
let dataDir: string;
let workos: Awaited<ReturnType<typeof startWorkosStandIn>>;
let gem: Awaited<ReturnType<typeof startGemStandIn>>;

const run = (args: string[], stdin = '') => runCliProcess(cli, ['--data-dir', dataDir, ...args], stdin);

beforeAll(async () => {
  requireTestKeyring();
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-cli-'));
  workos = await startWorkosStandIn({ state: new WorkosState(), apiKeys: [WORKOS_KEY] });
  const gemState = new GemState();
  gemState.addStaff({
    token: GEM_TOKEN,
    email: 'dana@gem.com',
    name: 'Dana Lee',
    capabilities: ['teams:read', 'scim:manage'],
  });
  gem = await startGemStandIn({ state: gemState });
});

afterAll(async () => {
  await workos?.close();
  await gem?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('gem-scim profile', () => {
  let profileId = '';

  it('adds a profile, verifies both secrets from stdin and saves them in the keychain', async () => {
    const added = await run(
      [
        '--format',
        'json',
        'profile',
        'add',
        '--name',
        'Local stand-ins',
        '--kind',
        'sandbox',
        '--workos-url',
        workos.url,
        '--gem-url',
        gem.url,
        '--secrets-from-stdin',
      ],
      `workos=${WORKOS_KEY}\ngem=${GEM_TOKEN}\n`,
    );
    expect(added.stderr).toContain('workos: verified and saved (…a1b2');
    expect(added.stderr).toContain('gem: verified and saved (…z9y8, dana@gem.com)');
    expect(added.code).toBe(0);
    const [profile] = JSON.parse(added.stdout) as { id: string }[];
    profileId = profile?.id ?? '';
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/workos`)).toBe(WORKOS_KEY);
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/gem`)).toBe(GEM_TOKEN);
  });

  it('lists profiles, and never prints a secret', async () => {
    const listed = await run(['--format', 'csv', 'profile', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Local stand-ins');
    expect(listed.stdout).toContain('sandbox,Sandbox');
    expect(listed.stdout + listed.stderr).not.toContain(WORKOS_KEY);
  });

  it('refuses a wrong key with a message naming the credential, and saves nothing', async () => {
    const refused = await run(['profile', 'set-secret', profileId], 'workos=sk_test_wrong_key_0000\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('WorkOS refused the API key (401): nothing was saved.');
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/workos`)).toBe(WORKOS_KEY);
  });

  it('says nothing was saved when the service cannot be reached', async () => {
    const unreachable = await run(
      [
        '--format',
        'json',
        'profile',
        'add',
        '--name',
        'Nowhere',
        '--kind',
        'sandbox',
        '--workos-url',
        'http://127.0.0.1:9',
        '--gem-url',
        'http://127.0.0.1:9/admin/v0',
        '--secrets-from-stdin',
      ],
      'workos=sk_test_unreachable_1111\n',
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/could not be reached.*nothing was saved/);
  });

  it('keeps every secret out of the data folder (profiles.json, databases, WAL)', () => {
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(WORKOS_KEY)), file).toBe(false);
      expect(bytes.includes(Buffer.from(GEM_TOKEN)), file).toBe(false);
    }
  });

  it('usage errors exit 2', async () => {
    expect((await run(['profile', 'add', '--name', 'x'])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
    expect((await run(['--format', 'xml', 'status'])).code).toBe(2);
  });

  it('removes a profile only with its exact name, deleting its keychain entries', async () => {
    const wrong = await run(['profile', 'remove', profileId, '--confirm', 'local stand-ins']);
    expect(wrong.code).toBe(1);
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/gem`)).toBe(GEM_TOKEN);
    const removed = await run(['profile', 'remove', profileId, '--confirm', 'Local stand-ins']);
    expect(removed.code).toBe(0);
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/workos`)).toBeNull();
    expect(await keytar.getPassword('gem-scim-console', `${profileId}/gem`)).toBeNull();
    expect(existsSync(path.join(dataDir, 'profiles', `${profileId}.sqlite`))).toBe(false);
    const status = await run(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ profile: { id: 'sandbox', kind: 'sandbox' } });
  });
});
