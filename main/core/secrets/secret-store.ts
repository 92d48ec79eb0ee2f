/**
 * Where the console keeps its two secrets per profile (design §4): the OS keychain, behind this interface so the
 * services above it can be tested with an in-memory double. Secrets exist only inside the core; nothing here is ever
 * logged, stored in SQLite or sent over IPC.
 */

/** The keychain "service" every entry of the console lives under. */
export const KEYCHAIN_SERVICE = 'gem-scim-console';

/** The two credentials a profile holds. */
export type CredentialKind = 'workos' | 'gem';

export const CREDENTIAL_KINDS: readonly CredentialKind[] = ['workos', 'gem'];

/** Keychain account of one credential of one profile: `<profileId>/workos` or `<profileId>/gem`. */
export function keychainAccount(profileId: string, which: CredentialKind): string {
  return `${profileId}/${which}`;
}

export type SecretStoreStatus = { available: true } | { available: false; reason: string };

export interface SecretStore {
  /** The secret saved under `account`, or null when there is none. Throws AppError('keychain_unavailable'). */
  get(account: string): Promise<string | null>;
  /** Saves (or replaces) the secret. Throws AppError('keychain_unavailable'). */
  set(account: string, secret: string): Promise<void>;
  /** Deletes the secret; true when one existed. Throws AppError('keychain_unavailable'). */
  delete(account: string): Promise<boolean>;
  /** Whether the keychain can be written right now, and if not, what the user should do about it. Never throws. */
  status(): Promise<SecretStoreStatus>;
}
