import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import type { ProfileEndpoints } from '../../../main/core/profiles/profile';
import { CredentialService } from '../../../main/core/secrets/credential-service';
import { GemTokenVerifier } from '../../../main/core/secrets/gem-token-verifier';
import { KeytarSecretStore } from '../../../main/core/secrets/keytar-secret-store';
import { WorkosKeyVerifier } from '../../../main/core/secrets/workos-key-verifier';
import { closedPortUrl, startFakeGem, startFakeWorkos, type FakeService } from './fake-services';
import { requireTestKeyring } from './keyring-guard';

const GOOD_KEY = `sk_test_${randomBytes(12).toString('hex')}`;
const FORBIDDEN_KEY = `sk_test_${randomBytes(12).toString('hex')}`;
const GOOD_TOKEN = `gem_${randomBytes(12).toString('hex')}`;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('CredentialService with the real keychain, the WorkOS SDK and HTTP on 127.0.0.1', () => {
  let workos: FakeService;
  let gem: FakeService;
  let profile: ProfileEndpoints;
  const store = new KeytarSecretStore();
  const service = new CredentialService({
    store,
    verifiers: [new WorkosKeyVerifier(5_000), new GemTokenVerifier(5_000)],
  });

  beforeAll(async () => {
    requireTestKeyring();
    workos = await startFakeWorkos({ validKey: GOOD_KEY, forbiddenKey: FORBIDDEN_KEY });
    gem = await startFakeGem({ validToken: GOOD_TOKEN, staffEmail: 'dana@gem.com' });
  });

  afterAll(async () => {
    await workos.close();
    await gem.close();
  });

  let counter = 0;
  // A fresh profile id per test keeps one test's keychain entries out of the next; each is cleared afterwards.
  afterEach(async () => {
    await service.clearAll(profile.id);
  });
  function freshProfile(): ProfileEndpoints {
    counter += 1;
    profile = {
      id: `it-cred-${counter}-${randomBytes(2).toString('hex')}`,
      workosBaseUrl: workos.baseUrl,
      gemBaseUrl: gem.baseUrl,
    };
    return profile;
  }

  it('verifies a WorkOS key with the SDK (GET /organizations?limit=1, Bearer) and then saves it', async () => {
    const target = freshProfile();
    const before = workos.requests.length;
    const saved = await service.setWorkosKey(target, GOOD_KEY);
    expect(saved).toEqual({ configured: true, hint: `…${GOOD_KEY.slice(-4)}`, verifiedAs: null });
    const request = workos.requests[before];
    expect(request?.method).toBe('GET');
    expect(new URL(request?.url ?? '', 'http://x').pathname).toBe('/organizations');
    expect(new URL(request?.url ?? '', 'http://x').searchParams.get('limit')).toBe('1');
    expect(request?.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(await store.get(`${target.id}/workos`)).toBe(GOOD_KEY);
    expect(await service.status(target.id)).toEqual({
      workos: { configured: true, hint: `…${GOOD_KEY.slice(-4)}` },
      gem: { configured: false, hint: null },
    });
  });

  it('saves nothing when WorkOS answers 401, and says which credential was refused', async () => {
    const target = freshProfile();
    const error = await rejection(service.setWorkosKey(target, 'sk_test_not_a_real_key_000'));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('WorkOS refused the API key (401): nothing was saved.');
    expect(await store.get(`${target.id}/workos`)).toBeNull();
  });

  it('keeps the previous key when a replacement is refused', async () => {
    const target = freshProfile();
    await service.setWorkosKey(target, GOOD_KEY);
    const error = await rejection(service.setWorkosKey(target, FORBIDDEN_KEY));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain(
      'WorkOS accepted the API key but refused GET /organizations?limit=1 (403 "Forbidden")',
    );
    expect(await service.getSecretForCore(target.id, 'workos')).toBe(GOOD_KEY);
  });

  it('verifies a Gem token with GET /me and saves it, naming the staff member', async () => {
    const target = freshProfile();
    const saved = await service.setGemToken(target, GOOD_TOKEN);
    expect(saved).toEqual({ configured: true, hint: `…${GOOD_TOKEN.slice(-4)}`, verifiedAs: 'dana@gem.com' });
    expect(gem.requests.at(-1)).toEqual({
      method: 'GET',
      url: '/admin/v0/me',
      authorization: `Bearer ${GOOD_TOKEN}`,
    });
    expect(await store.get(`${target.id}/gem`)).toBe(GOOD_TOKEN);
  });

  it('saves nothing when Gem answers 401', async () => {
    const target = freshProfile();
    const error = await rejection(service.setGemToken(target, 'gem_wrong_token_0000'));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('Gem refused the staff token (401): nothing was saved.');
    expect(await store.get(`${target.id}/gem`)).toBeNull();
  });

  it('reports a base URL that answers 404 as a profile problem', async () => {
    const target = { ...freshProfile(), gemBaseUrl: gem.baseUrl.replace('/admin/v0', '/wrong') };
    const error = await rejection(service.setGemToken(target, GOOD_TOKEN));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain("check the profile's Gem base URL");
    expect(await store.get(`${target.id}/gem`)).toBeNull();
  });

  it('says nothing was saved when the service cannot be reached (offline)', async () => {
    const nowhere = await closedPortUrl();
    const target = { ...freshProfile(), workosBaseUrl: nowhere, gemBaseUrl: nowhere };
    const workosError = await rejection(service.setWorkosKey(target, GOOD_KEY));
    expect(workosError.code).toBe('offline');
    expect(workosError.message).toMatch(
      /^WorkOS at http:\/\/127\.0\.0\.1:\d+ could not be reached \(GET \/organizations\?limit=1: ECONNREFUSED.*\): nothing was saved\.$/,
    );
    const gemError = await rejection(service.setGemToken(target, GOOD_TOKEN));
    expect(gemError.code).toBe('offline');
    expect(gemError.message).toMatch(
      /could not be reached \(GET \/me: ECONNREFUSED.*\): nothing was saved\.$/,
    );
    for (const message of [workosError.message, gemError.message]) {
      expect(message).not.toContain(GOOD_KEY);
      expect(message).not.toContain(GOOD_TOKEN);
    }
    expect(await service.status(target.id)).toEqual({
      workos: { configured: false, hint: null },
      gem: { configured: false, hint: null },
    });
  });

  it('clear removes the keychain entry', async () => {
    const target = freshProfile();
    await service.setGemToken(target, GOOD_TOKEN);
    expect(await service.clear(target, 'gem')).toBe(true);
    expect(await store.get(`${target.id}/gem`)).toBeNull();
  });
});
