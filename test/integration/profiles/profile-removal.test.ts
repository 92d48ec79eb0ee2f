import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileRegistry, profilesFilePath } from '../../../main/core/profiles/profile-registry';
import { CredentialService } from '../../../main/core/secrets/credential-service';
import { GemTokenVerifier } from '../../../main/core/secrets/gem-token-verifier';
import { KeytarSecretStore } from '../../../main/core/secrets/keytar-secret-store';
import { WorkosKeyVerifier } from '../../../main/core/secrets/workos-key-verifier';
import { startFakeGem, startFakeWorkos, type FakeService } from '../secrets/fake-services';
import { requireTestKeyring } from '../secrets/keyring-guard';

// Profiles with the real keychain: secrets saved through the CredentialService (verified against stand-ins on
// 127.0.0.1) never reach the data folder, and removing a profile deletes its keychain entries and its database.

const WORKOS_KEY = `sk_test_${randomBytes(16).toString('hex')}`;
const GEM_TOKEN = `gem_${randomBytes(16).toString('hex')}`;

let dataDir: string;
let workos: FakeService;
let gem: FakeService;
const store = new KeytarSecretStore();
const credentials = new CredentialService({
  store,
  verifiers: [new WorkosKeyVerifier(5_000), new GemTokenVerifier(5_000)],
});

beforeAll(async () => {
  requireTestKeyring();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gem-scim-profiles-kc-'));
  workos = await startFakeWorkos({ validKey: WORKOS_KEY });
  gem = await startFakeGem({ validToken: GEM_TOKEN, staffEmail: 'eng@gem.com' });
});

afterAll(async () => {
  await workos?.close();
  await gem?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every file under `dir`, as bytes. */
function allFiles(dir: string): { file: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, bytes: fs.readFileSync(file) };
    });
}

describe('profiles with the real keychain', () => {
  it('keeps secrets out of profiles.json and the data folder, and removal deletes keychain entries and database', async () => {
    const registry = ProfileRegistry.open({ dataDir, secrets: store });
    const profile = registry.create({
      name: 'Local emulators',
      kind: 'sandbox',
      workosBaseUrl: workos.baseUrl,
      gemBaseUrl: gem.baseUrl,
    });
    registry.setActive(profile.id);
    await credentials.setWorkosKey(profile, WORKOS_KEY);
    await credentials.setGemToken(profile, GEM_TOKEN);
    expect(await credentials.status(profile.id)).toEqual({
      workos: { configured: true, hint: `…${WORKOS_KEY.slice(-4)}` },
      gem: { configured: true, hint: `…${GEM_TOKEN.slice(-4)}` },
    });

    // A real WAL database for the profile, open while the secrets are in use, as the store would have it.
    const dbPath = registry.dbPathFor(profile.id);
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT)');
    db.prepare('INSERT INTO teams VALUES (?, ?)').run('team_01', 'Acme');
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(true);
    expect(fs.existsSync(`${dbPath}-shm`)).toBe(true);

    // No byte of the data folder holds either secret, in UTF-8 or UTF-16.
    const files = allFiles(dataDir);
    expect(files.map((entry) => path.relative(dataDir, entry.file)).sort()).toEqual(
      [
        'profiles.json',
        `profiles/${profile.id}.sqlite`,
        `profiles/${profile.id}.sqlite-shm`,
        `profiles/${profile.id}.sqlite-wal`,
      ].map((relative) => relative.split('/').join(path.sep)),
    );
    for (const { bytes } of files) {
      for (const secret of [WORKOS_KEY, GEM_TOKEN]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret.slice(-12), 'utf8'))).toBe(false);
      }
    }
    expect(fs.readFileSync(profilesFilePath(dataDir), 'utf8')).not.toMatch(/sk_test|gem_[0-9a-f]/);

    // The secrets are in the keychain under the documented accounts.
    expect(await store.get(`${profile.id}/workos`)).toBe(WORKOS_KEY);
    expect(await store.get(`${profile.id}/gem`)).toBe(GEM_TOKEN);

    db.close();
    const result = await registry.remove(profile.id);
    expect(result.activeProfileId).toBe('sandbox');
    expect(await store.get(`${profile.id}/workos`)).toBeNull();
    expect(await store.get(`${profile.id}/gem`)).toBeNull();
    for (const suffix of ['', '-wal', '-shm']) expect(fs.existsSync(`${dbPath}${suffix}`)).toBe(false);
    expect(
      ProfileRegistry.open({ dataDir, secrets: store })
        .list()
        .map((entry) => entry.id),
    ).toEqual(['sandbox']);
  });
});
