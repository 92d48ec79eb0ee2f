import { AppError } from '../errors';
import type { SecretStore, SecretStoreStatus } from './secret-store';

/**
 * TEST DOUBLE: a SecretStore in a Map, for unit tests of the code above the keychain. Never wire it into a host:
 * the console has no plaintext fallback (design §4).
 */
export class InMemorySecretStoreTestDouble implements SecretStore {
  private readonly secrets = new Map<string, string>();
  private unavailableReason: string | null = null;
  /** Every call, in order, so tests can assert that nothing was written. */
  readonly calls: { op: 'get' | 'set' | 'delete'; account: string }[] = [];

  /** Makes every call fail as a missing Secret Service would. */
  makeUnavailable(reason: string): void {
    this.unavailableReason = reason;
  }

  makeAvailable(): void {
    this.unavailableReason = null;
  }

  /** The accounts that currently hold a secret. */
  accounts(): string[] {
    return [...this.secrets.keys()].sort();
  }

  async get(account: string): Promise<string | null> {
    this.calls.push({ op: 'get', account });
    this.throwIfUnavailable();
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.calls.push({ op: 'set', account });
    this.throwIfUnavailable();
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.calls.push({ op: 'delete', account });
    this.throwIfUnavailable();
    return this.secrets.delete(account);
  }

  async status(): Promise<SecretStoreStatus> {
    return this.unavailableReason === null
      ? { available: true }
      : { available: false, reason: this.unavailableReason };
  }

  private throwIfUnavailable(): void {
    if (this.unavailableReason !== null) throw new AppError('keychain_unavailable', this.unavailableReason);
  }
}
