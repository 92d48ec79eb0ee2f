/**
 * Without a Secret Service the console says so specifically, stays read-only from its cache, and never falls back
 * to storing a secret anywhere else.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../support/build-worker';
import { runCliProcess } from '../../support/run-cli';

const SECRET = 'sk_test_never_stored_anywhere_7777';
let cli: string;
let dataDir: string;
const noSecretService: NodeJS.ProcessEnv = {
  ...process.env,
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gem-scim-no-bus',
  GNOME_KEYRING_CONTROL: '',
};
const run = (args: string[], stdin = '') =>
  runCliProcess(cli, ['--data-dir', dataDir, ...args], stdin, noSecretService);

beforeAll(async () => {
  cli = await buildCli();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gem-nokeychain-'));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('no Secret Service', () => {
  it('refuses to save a secret with keychain_unavailable and a message that says what to do', async () => {
    const added = await run([
      '--format',
      'json',
      'profile',
      'add',
      '--name',
      'Staging',
      '--kind',
      'staging',
      '--workos-url',
      'https://api.workos.test',
      '--gem-url',
      'https://gem.test/admin/v0',
    ]);
    expect(added.code).toBe(0);
    const [profile] = JSON.parse(added.stdout) as { id: string }[];
    const refused = await run(['profile', 'set-secret', profile?.id ?? ''], `workos=${SECRET}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(keychain_unavailable)');
    expect(refused.stderr).toMatch(/gnome-keyring|Secret Service/);
    expect(refused.stderr).toContain('read-only');
  });

  it('reports the console as read-only for a real profile', async () => {
    const listed = JSON.parse((await run(['--format', 'json', 'profile', 'list'])).stdout) as {
      id: string;
      name: string;
    }[];
    const staging = listed.find((p) => p.name === 'Staging');
    expect((await run(['profile', 'use', staging?.id ?? ''])).code).toBe(0);
    const status = JSON.parse((await run(['status', '--json'])).stdout) as {
      readOnly: boolean;
      notices: string[];
    };
    expect(status.readOnly).toBe(true);
    expect(status.notices.join(' ')).toMatch(/read-only/);
  });

  it('wrote the secret nowhere', () => {
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      expect(readFileSync(file).includes(Buffer.from(SECRET)), file).toBe(false);
    }
  });
});
