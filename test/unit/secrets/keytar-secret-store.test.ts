import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { KeytarSecretStore, type KeytarApi } from '../../../main/core/secrets/keytar-secret-store';

// The keytar module is replaced here only to exercise the failure paths; the real keychain is exercised in
// test/integration/secrets.

function failingKeytar(message: string): KeytarApi {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('KeytarSecretStore failure paths', () => {
  it('turns a native module that does not load into keychain_unavailable, once', async () => {
    let loads = 0;
    const store = new KeytarSecretStore({
      load: async () => {
        loads += 1;
        throw new AppError('keychain_unavailable', 'The keychain module (keytar) could not be loaded');
      },
    });
    expect((await rejection(store.get('p/workos'))).code).toBe('keychain_unavailable');
    expect((await rejection(store.set('p/workos', 'x'))).code).toBe('keychain_unavailable');
    expect(await store.status()).toEqual({
      available: false,
      reason: 'The keychain module (keytar) could not be loaded',
    });
    expect(loads).toBe(1);
  });

  it('turns each keytar failure into keychain_unavailable naming the call', async () => {
    const store = new KeytarSecretStore({
      load: async () => failingKeytar('Could not connect: Connection refused'),
    });
    const get = await rejection(store.get('p/gem'));
    expect(get.code).toBe('keychain_unavailable');
    expect(get.message).toContain('keytar getPassword');
    expect((await rejection(store.set('p/gem', 'secret-value'))).message).toContain('keytar setPassword');
    expect((await rejection(store.delete('p/gem'))).message).toContain('keytar deletePassword');
    const status = await store.status();
    expect(status.available).toBe(false);
  });

  it('status() proves a round trip and reports a keychain that loses writes', async () => {
    const saved = new Map<string, string>();
    const forgetful: KeytarApi = {
      getPassword: async () => null,
      setPassword: async (service, account, password) => void saved.set(`${service}:${account}`, password),
      deletePassword: async () => true,
    };
    const status = await new KeytarSecretStore({ load: async () => forgetful }).status();
    expect(status).toEqual({ available: false, reason: expect.stringContaining('returned something else') });
    expect([...saved.keys()]).toEqual(['gem-scim-console:__gem-scim-console-probe__']);
  });

  it('status() gives up on a keychain that never answers', async () => {
    const hanging: KeytarApi = {
      getPassword: () => new Promise(() => {}),
      setPassword: () => new Promise(() => {}),
      deletePassword: () => new Promise(() => {}),
    };
    const status = await new KeytarSecretStore({ load: async () => hanging, statusTimeoutMs: 50 }).status();
    expect(status).toEqual({ available: false, reason: expect.stringContaining('did not answer') });
  });
});
