import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { ProfileRegistry, profilesFilePath } from '../../../main/core/profiles/profile-registry';
import { ProfilesFileSchema } from '../../../main/core/profiles/profile';
import { SANDBOX_DEFAULT_URLS } from '../../../main/core/profiles/sandbox-profile';
import { InMemorySecretStoreTestDouble } from '../../../main/core/secrets/in-memory-secret-store-test-double';

// Real files in a temp data folder; the keychain is the in-memory double here (the real one is in
// profile-removal.test.ts).

let dataDir: string;
let secrets: InMemorySecretStoreTestDouble;
const fixedNow = () => new Date('2026-03-01T10:00:00.000Z');

function open(): ProfileRegistry {
  return ProfileRegistry.open({ dataDir, secrets, now: fixedNow });
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const staging = {
  name: 'Acme staging',
  kind: 'staging' as const,
  workosBaseUrl: 'https://api.workos-test.com/',
  gemBaseUrl: 'https://staging.gem.com/admin/v0',
};

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gem-scim-profiles-'));
  secrets = new InMemorySecretStoreTestDouble();
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ProfileRegistry', () => {
  it('starts with the sandbox profile, active, and writes profiles.json', () => {
    const registry = open();
    expect(registry.list()).toEqual([
      {
        id: 'sandbox',
        name: 'Sandbox',
        kind: 'sandbox',
        ...SANDBOX_DEFAULT_URLS,
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
    expect(registry.activeProfileId).toBe('sandbox');
    const file: unknown = JSON.parse(fs.readFileSync(profilesFilePath(dataDir), 'utf8'));
    expect(ProfilesFileSchema.parse(file)).toMatchObject({ version: 1, activeProfileId: 'sandbox' });
  });

  it('creates a profile with a generated slug id and normalised URLs, and persists it', () => {
    const created = open().create(staging);
    expect(created).toEqual({
      id: expect.stringMatching(/^acme-staging-[0-9a-f]{4}$/),
      name: 'Acme staging',
      kind: 'staging',
      workosBaseUrl: 'https://api.workos-test.com',
      gemBaseUrl: 'https://staging.gem.com/admin/v0',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    const reopened = open();
    expect(reopened.get(created.id)).toEqual(created);
    expect(reopened.list().map((profile) => profile.id)).toEqual(['sandbox', created.id]);
  });

  it('validates URLs on create and update (https for production/staging, http only to this machine)', () => {
    const registry = open();
    expect(
      refusal(() => registry.create({ ...staging, workosBaseUrl: 'http://127.0.0.1:8080' })).message,
    ).toContain('a staging profile requires https');
    expect(
      refusal(() => registry.create({ ...staging, kind: 'sandbox', gemBaseUrl: 'http://gem.example.com' }))
        .message,
    ).toContain('plain http is accepted only for 127.0.0.1 or localhost');
    const local = registry.create({
      name: 'Local emulators',
      kind: 'sandbox',
      workosBaseUrl: 'http://localhost:4100',
      gemBaseUrl: 'http://127.0.0.1:4200/admin/v0',
    });
    // Turning a local profile into production re-checks its http URLs against the new kind.
    expect(refusal(() => registry.update(local.id, { kind: 'production' })).message).toContain(
      'a production profile requires https',
    );
    expect(registry.get(local.id).kind).toBe('sandbox');
    expect(refusal(() => registry.create({ ...staging, name: '  ' })).code).toBe('invalid_input');
    expect(open().list()).toHaveLength(2);
  });

  it('updates name, kind and URLs', () => {
    const registry = open();
    const created = registry.create(staging);
    const updated = registry.update(created.id, { name: 'Acme production', kind: 'production' });
    expect(updated).toEqual({ ...created, name: 'Acme production', kind: 'production' });
    expect(open().get(created.id)).toEqual(updated);
    expect(refusal(() => registry.update('no-such-profile', { name: 'x' })).code).toBe('not_found');
  });

  it('lets the sandbox follow its stand-ins but keeps it a sandbox', () => {
    const registry = open();
    const moved = registry.update('sandbox', {
      workosBaseUrl: 'http://127.0.0.1:40001',
      gemBaseUrl: 'http://127.0.0.1:40002',
    });
    expect(moved.workosBaseUrl).toBe('http://127.0.0.1:40001');
    expect(refusal(() => registry.update('sandbox', { kind: 'production' })).message).toBe(
      'The sandbox profile is always of kind sandbox.',
    );
  });

  it('switches the active profile and remembers it', () => {
    const registry = open();
    const created = registry.create(staging);
    expect(registry.setActive(created.id).id).toBe(created.id);
    expect(open().active().id).toBe(created.id);
    expect(refusal(() => registry.setActive('missing')).code).toBe('not_found');
    expect(open().activeProfileId).toBe(created.id);
  });

  it('never removes the sandbox profile', async () => {
    const registry = open();
    await expect(registry.remove('sandbox')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The sandbox profile cannot be removed.',
    });
    expect(registry.list().map((profile) => profile.id)).toEqual(['sandbox']);
  });

  it('removes a profile: its keychain entries, its database with -wal and -shm, and switches to sandbox', async () => {
    const registry = open();
    const doomed = registry.create(staging);
    const kept = registry.create({ ...staging, name: 'Other' });
    registry.setActive(doomed.id);
    for (const id of [doomed.id, kept.id]) {
      await secrets.set(`${id}/workos`, `key-of-${id}`);
      await secrets.set(`${id}/gem`, `token-of-${id}`);
    }
    const dbPath = registry.dbPathFor(doomed.id);
    expect(dbPath).toBe(path.join(dataDir, 'profiles', `${doomed.id}.sqlite`));
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(`${dbPath}${suffix}`, 'db');
    fs.writeFileSync(registry.dbPathFor(kept.id), 'db');

    const result = await registry.remove(doomed.id);
    expect(result).toEqual({ removed: doomed, activeProfileId: 'sandbox' });
    expect(secrets.accounts()).toEqual([`${kept.id}/gem`, `${kept.id}/workos`]);
    expect(fs.readdirSync(path.dirname(dbPath))).toEqual([`${kept.id}.sqlite`]);
    const reopened = open();
    expect(reopened.activeProfileId).toBe('sandbox');
    expect(reopened.list().map((profile) => profile.id)).toEqual(['sandbox', kept.id]);
  });

  it('keeps the active profile when another one is removed', async () => {
    const registry = open();
    const active = registry.create(staging);
    const other = registry.create({ ...staging, name: 'Other' });
    registry.setActive(active.id);
    expect((await registry.remove(other.id)).activeProfileId).toBe(active.id);
  });

  it('changes nothing when the keychain is unavailable during a removal', async () => {
    const registry = open();
    const created = registry.create(staging);
    const dbPath = registry.dbPathFor(created.id);
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    fs.writeFileSync(dbPath, 'db');
    secrets.makeUnavailable('No Secret Service is running');
    await expect(registry.remove(created.id)).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(open().get(created.id)).toEqual(created);
  });

  it('dbPathFor refuses anything that is not a profile id', () => {
    const registry = open();
    for (const bad of ['../escape', 'a/b', 'UPPER', '', 'x'.repeat(65)]) {
      expect(refusal(() => registry.dbPathFor(bad)).code).toBe('invalid_input');
    }
  });

  it('leaves no temp file behind and a valid file after many writes', () => {
    const registry = open();
    for (let i = 0; i < 20; i += 1) registry.create({ ...staging, name: `Profile ${i}` });
    expect(fs.readdirSync(dataDir).sort()).toEqual(['profiles.json']);
    expect(
      ProfilesFileSchema.safeParse(JSON.parse(fs.readFileSync(profilesFilePath(dataDir), 'utf8'))).success,
    ).toBe(true);
  });

  it('restores the sandbox profile and a valid active id in a hand-edited file', () => {
    const created = open().create(staging);
    const file = ProfilesFileSchema.parse(JSON.parse(fs.readFileSync(profilesFilePath(dataDir), 'utf8')));
    fs.writeFileSync(
      profilesFilePath(dataDir),
      JSON.stringify({
        ...file,
        activeProfileId: 'gone',
        profiles: file.profiles.filter((p) => p.id !== 'sandbox'),
      }),
    );
    const registry = open();
    expect(registry.list().map((profile) => profile.id)).toEqual(['sandbox', created.id]);
    expect(registry.activeProfileId).toBe('sandbox');
  });

  it('refuses an invalid file with a message that names it, instead of overwriting it', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not JSON/],
      [
        JSON.stringify({ version: 1, activeProfileId: 'sandbox', profiles: [], apiKey: 'sk_live_x' }),
        /Unrecognized key/,
      ],
      [
        JSON.stringify({
          version: 1,
          activeProfileId: 'sandbox',
          profiles: [
            {
              id: 'prod-1',
              name: 'Prod',
              kind: 'production',
              workosBaseUrl: 'http://api.workos.com',
              gemBaseUrl: 'https://api.gem.com',
              createdAt: '2026-03-01T10:00:00.000Z',
            },
          ],
        }),
        /profile "prod-1": WorkOS base URL .* requires https/,
      ],
    ];
    for (const [content, why] of cases) {
      fs.writeFileSync(profilesFilePath(dataDir), content);
      const error = refusal(() => open());
      expect(error.code).toBe('internal');
      expect(error.message).toContain(profilesFilePath(dataDir));
      expect(error.message).toMatch(why);
      expect(fs.readFileSync(profilesFilePath(dataDir), 'utf8')).toBe(content);
    }
  });
});
