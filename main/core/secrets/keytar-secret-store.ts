import { randomBytes } from 'node:crypto';
import { keychainErrorFrom, keychainModuleMissing } from './keychain-errors';
import { KEYCHAIN_SERVICE, type SecretStore, type SecretStoreStatus } from './secret-store';

/** The three keytar calls the console uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.getPassword === 'function' &&
    typeof candidate.setPassword === 'function' &&
    typeof candidate.deletePassword === 'function'
  );
}

/**
 * keytar is a native module: loading it can fail (not built for this runtime, libsecret missing). It is imported
 * lazily so that such a machine still starts, read-only, with a keychain_unavailable error instead of a crash.
 */
export async function loadKeytar(): Promise<KeytarApi> {
  let loaded: unknown;
  try {
    loaded = await import('keytar');
  } catch (error) {
    throw keychainModuleMissing(error);
  }
  // An ESM import of a CommonJS module puts module.exports on `default`; named exports may or may not be detected.
  const candidates: unknown[] = [loaded];
  if (typeof loaded === 'object' && loaded !== null && 'default' in loaded)
    candidates.unshift(loaded.default);
  const api = candidates.find(isKeytarApi);
  if (!api)
    throw keychainModuleMissing(new Error('keytar loaded without getPassword/setPassword/deletePassword'));
  return api;
}

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests may isolate themselves with another one. */
  readonly service?: string;
  /** Replaces the loader (tests of the load-failure path). */
  readonly load?: () => Promise<KeytarApi>;
  /** How long status() waits for the keychain (an unlock prompt may be open) before reporting it unavailable. */
  readonly statusTimeoutMs?: number;
}

/** Account used by status() to prove a write/read/delete round trip; never holds a real secret. */
const PROBE_ACCOUNT = '__gem-scim-console-probe__';

export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly load: () => Promise<KeytarApi>;
  private readonly statusTimeoutMs: number;
  private keytar: Promise<KeytarApi> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.load = options.load ?? loadKeytar;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 20_000;
  }

  async get(account: string): Promise<string | null> {
    const keytar = await this.api();
    try {
      return await keytar.getPassword(this.service, account);
    } catch (error) {
      throw keychainErrorFrom(error, 'getPassword');
    }
  }

  async set(account: string, secret: string): Promise<void> {
    const keytar = await this.api();
    try {
      await keytar.setPassword(this.service, account, secret);
    } catch (error) {
      throw keychainErrorFrom(error, 'setPassword');
    }
  }

  async delete(account: string): Promise<boolean> {
    const keytar = await this.api();
    try {
      return await keytar.deletePassword(this.service, account);
    } catch (error) {
      throw keychainErrorFrom(error, 'deletePassword');
    }
  }

  /**
   * A real write/read/delete round trip: libsecret answers reads of a locked keyring with "nothing there" rather
   * than an error, so only a write tells "available" from "locked".
   */
  async status(): Promise<SecretStoreStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SecretStoreStatus>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            available: false,
            reason:
              `The keychain did not answer within ${Math.round(this.statusTimeoutMs / 1000)} s ` +
              '(an unlock prompt may be waiting); the console stays read-only from its cache.',
          }),
        this.statusTimeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([this.probe(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async probe(): Promise<SecretStoreStatus> {
    const marker = randomBytes(8).toString('hex');
    try {
      await this.set(PROBE_ACCOUNT, marker);
      const readBack = await this.get(PROBE_ACCOUNT);
      await this.delete(PROBE_ACCOUNT);
      if (readBack !== marker) {
        return {
          available: false,
          reason:
            'The keychain accepted a write but returned something else on read; the console stays read-only.',
        };
      }
      return { available: true };
    } catch (error) {
      return { available: false, reason: keychainErrorFrom(error, 'probe').message };
    }
  }

  private api(): Promise<KeytarApi> {
    // A failed load is cached too: a native module that did not load will not load on the next call either.
    this.keytar ??= this.load();
    return this.keytar;
  }
}
