import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore, loadKeytar } from '../../../main/core/secrets/keytar-secret-store';
import { KEYCHAIN_SERVICE } from '../../../main/core/secrets/secret-store';
import { requireTestKeyring } from './keyring-guard';

describe('KeytarSecretStore against the real Secret Service', () => {
  beforeAll(() => requireTestKeyring());

  const store = new KeytarSecretStore();
  const account = `it-${randomBytes(4).toString('hex')}/workos`;

  afterEach(async () => {
    await store.delete(account);
  });

  it('is available', async () => {
    expect(await store.status()).toEqual({ available: true });
  });

  it('sets, gets, replaces and deletes a secret under service gem-scim-console', async () => {
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'sk_test_first_value_1234');
    expect(await store.get(account)).toBe('sk_test_first_value_1234');
    await store.set(account, 'sk_test_second_value_5678');
    expect(await store.get(account)).toBe('sk_test_second_value_5678');

    // The entry really lives in the keychain under the console's service name, not in our process.
    const keytar = await loadKeytar();
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, account)).toBe('sk_test_second_value_5678');

    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps non-ASCII secrets intact and leaves no probe entry behind', async () => {
    await store.set(account, 'tök€n-🔑-ß');
    expect(await store.get(account)).toBe('tök€n-🔑-ß');
    await store.status();
    const keytar = await loadKeytar();
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, '__gem-scim-console-probe__')).toBeNull();
  });

  it('keeps services apart', async () => {
    const other = new KeytarSecretStore({
      service: `gem-scim-console-test-${randomBytes(3).toString('hex')}`,
    });
    await store.set(account, 'value-in-main-service');
    expect(await other.get(account)).toBeNull();
  });
});
