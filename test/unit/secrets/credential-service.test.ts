import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { CredentialService } from '../../../main/core/secrets/credential-service';
import { InMemorySecretStoreTestDouble } from '../../../main/core/secrets/in-memory-secret-store-test-double';
import { refusalError } from '../../../main/core/secrets/verification-errors';
import type { ProfileEndpoints } from '../../../main/core/profiles/profile';
import { FakeCredentialVerifier } from './fake-credential-verifier';

const WORKOS_KEY = 'sk_test_a1b2c3d4e5f6g7h8WXYZ';
const GEM_TOKEN = 'gem_staff_0123456789abcdefQRST';
const profile: ProfileEndpoints = {
  id: 'acme-staging-1a2b',
  workosBaseUrl: 'https://api.workos-test.com',
  gemBaseUrl: 'https://api.gem.com/admin/v0',
};

function setup(options: { workosRefusal?: () => AppError } = {}) {
  const store = new InMemorySecretStoreTestDouble();
  const workos = new FakeCredentialVerifier('workos', WORKOS_KEY, options.workosRefusal);
  const gem = new FakeCredentialVerifier('gem', GEM_TOKEN);
  const service = new CredentialService({ store, verifiers: [workos, gem] });
  return { store, workos, gem, service };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('CredentialService', () => {
  it('reports nothing configured for a new profile', async () => {
    const { service } = setup();
    expect(await service.status(profile.id)).toEqual({
      workos: { configured: false, hint: null },
      gem: { configured: false, hint: null },
    });
  });

  it('saves a verified WorkOS key under <profileId>/workos and shows only "…" + its last 4 characters', async () => {
    const { service, store } = setup();
    const saved = await service.setWorkosKey(profile, WORKOS_KEY);
    expect(saved).toEqual({ configured: true, hint: '…WXYZ', verifiedAs: null });
    expect(store.accounts()).toEqual(['acme-staging-1a2b/workos']);
    expect(await service.status(profile.id)).toEqual({
      workos: { configured: true, hint: '…WXYZ' },
      gem: { configured: false, hint: null },
    });
    expect(JSON.stringify(await service.status(profile.id))).not.toContain(WORKOS_KEY.slice(0, -4));
  });

  it('saves a verified Gem token under <profileId>/gem and says whom it belongs to', async () => {
    const { service, store } = setup();
    const saved = await service.setGemToken(profile, GEM_TOKEN);
    expect(saved).toEqual({ configured: true, hint: '…QRST', verifiedAs: 'dana@gem.com' });
    expect(store.accounts()).toEqual(['acme-staging-1a2b/gem']);
  });

  it('verifies before it saves: the keychain is untouched while the check runs', async () => {
    const { service, store, workos } = setup();
    let writesDuringVerification = -1;
    workos.onVerify = () => {
      writesDuringVerification = store.calls.filter((call) => call.op === 'set').length;
    };
    await service.setWorkosKey(profile, WORKOS_KEY);
    expect(writesDuringVerification).toBe(0);
    expect(store.calls.filter((call) => call.op === 'set')).toEqual([
      { op: 'set', account: 'acme-staging-1a2b/workos' },
    ]);
  });

  it('saves nothing when the check is refused, and keeps the previous key', async () => {
    const { service, store, workos } = setup();
    await service.setWorkosKey(profile, WORKOS_KEY);
    const error = await rejection(service.setWorkosKey(profile, 'sk_test_wrong_key_0000'));
    expect(error.code).toBe('unauthorized');
    expect(workos.seen.map((call) => call.secret)).toEqual([WORKOS_KEY, 'sk_test_wrong_key_0000']);
    expect(store.calls.filter((call) => call.op === 'set')).toHaveLength(1);
    expect(await service.getSecretForCore(profile.id, 'workos')).toBe(WORKOS_KEY);
  });

  it('saves nothing when the service cannot be reached', async () => {
    const { service, store } = setup({
      workosRefusal: () => new AppError('offline', 'WorkOS could not be reached (…): nothing was saved.'),
    });
    const error = await rejection(service.setWorkosKey(profile, 'sk_test_some_other_key'));
    expect(error.code).toBe('offline');
    expect(error.message).toContain('nothing was saved');
    expect(store.accounts()).toEqual([]);
  });

  it('trims a pasted newline, and refuses empty or spaced secrets without calling the service', async () => {
    const { service, workos, store } = setup();
    await service.setWorkosKey(profile, `  ${WORKOS_KEY}\n`);
    expect(await service.getSecretForCore(profile.id, 'workos')).toBe(WORKOS_KEY);
    for (const bad of ['', '   ', 'sk_test two']) {
      const error = await rejection(service.setWorkosKey(profile, bad));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/WorkOS API key.*nothing was saved/);
    }
    expect(workos.seen).toHaveLength(1);
    expect(store.calls.filter((call) => call.op === 'set')).toHaveLength(1);
  });

  it('clears one credential and leaves the other', async () => {
    const { service } = setup();
    await service.setWorkosKey(profile, WORKOS_KEY);
    await service.setGemToken(profile, GEM_TOKEN);
    expect(await service.clear(profile, 'workos')).toBe(true);
    expect(await service.clear(profile, 'workos')).toBe(false);
    expect(await service.status(profile.id)).toEqual({
      workos: { configured: false, hint: null },
      gem: { configured: true, hint: '…QRST' },
    });
  });

  it('keeps profiles apart', async () => {
    const { service } = setup();
    await service.setGemToken(profile, GEM_TOKEN);
    expect((await service.status('other-profile')).gem.configured).toBe(false);
  });

  it('hands the secret to the core only through getSecretForCore, which names a missing credential', async () => {
    const { service } = setup();
    const missing = await rejection(service.getSecretForCore(profile.id, 'gem'));
    expect(missing.code).toBe('unauthorized');
    expect(missing.message).toContain('No Gem staff token is saved');
    await service.setGemToken(profile, GEM_TOKEN);
    expect(await service.getSecretForCore(profile.id, 'gem')).toBe(GEM_TOKEN);
  });

  it('passes keychain_unavailable through, after a successful check, without a plaintext fallback', async () => {
    const { service, store } = setup();
    store.makeUnavailable('No Secret Service is running: install gnome-keyring (or KeePassXC) and unlock it');
    const error = await rejection(service.setWorkosKey(profile, WORKOS_KEY));
    expect(error.code).toBe('keychain_unavailable');
    expect((await rejection(service.status(profile.id))).code).toBe('keychain_unavailable');
    expect(await service.keychainStatus()).toEqual({
      available: false,
      reason: 'No Secret Service is running: install gnome-keyring (or KeePassXC) and unlock it',
    });
    store.makeAvailable();
    expect(store.accounts()).toEqual([]);
  });

  it('refuses to start without a verifier for each credential', () => {
    const store = new InMemorySecretStoreTestDouble();
    expect(
      () => new CredentialService({ store, verifiers: [new FakeCredentialVerifier('gem', 'x')] }),
    ).toThrow(/both workos and gem/);
  });
});

describe('refusal messages', () => {
  it('a 401 names the refused credential and says nothing was saved', () => {
    const workos = refusalError('WorkOS', 'API key', 'GET /organizations?limit=1', 401, null);
    expect(workos.code).toBe('unauthorized');
    expect(workos.message).toBe('WorkOS refused the API key (401): nothing was saved.');
    const gem = refusalError('Gem', 'staff token', 'GET /me', 401, null);
    expect(gem.message).toBe('Gem refused the staff token (401): nothing was saved.');
  });

  it('other statuses say which call and what the service answered', () => {
    const forbidden = refusalError('WorkOS', 'API key', 'GET /organizations?limit=1', 403, 'Forbidden');
    expect(forbidden.code).toBe('unauthorized');
    expect(forbidden.message).toContain('refused GET /organizations?limit=1 (403 "Forbidden")');
    expect(refusalError('Gem', 'staff token', 'GET /me', 429, null).code).toBe('rate_limited');
    expect(refusalError('Gem', 'staff token', 'GET /me', 404, null).code).toBe('not_found');
    const server = refusalError('Gem', 'staff token', 'GET /me', 503, 'internal: down');
    expect([server.code, server.retryable]).toEqual(['internal', true]);
    expect(server.message).toBe('Gem answered GET /me with 503 "internal: down": nothing was saved.');
  });
});
