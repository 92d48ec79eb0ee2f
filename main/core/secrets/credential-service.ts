import { AppError } from '../errors';
import type { ProfileEndpoints } from '../profiles/profile';
import type { CredentialVerifier } from './credential-verifier';
import { secretHint } from './secret-hint';
import {
  CREDENTIAL_KINDS,
  keychainAccount,
  type CredentialKind,
  type SecretStore,
  type SecretStoreStatus,
} from './secret-store';

export interface CredentialState {
  readonly configured: boolean;
  /** "…" + the last four characters, or null (nothing saved, or too short to hint at safely). */
  readonly hint: string | null;
}

export type CredentialsStatus = Record<CredentialKind, CredentialState>;

export interface SavedCredential extends CredentialState {
  readonly configured: true;
  /** Who the service said the credential belongs to, when it says (Gem's staff email). */
  readonly verifiedAs: string | null;
}

const CREDENTIAL_NAMES: Record<CredentialKind, string> = { workos: 'WorkOS API key', gem: 'Gem staff token' };

/**
 * The credentials of each profile: what the rest of the console may know about them (configured + hint), verified
 * saving, clearing. No public method returns a secret; only getSecretForCore does, for the core's API clients.
 */
export class CredentialService {
  private readonly store: SecretStore;
  private readonly verifiers: Record<CredentialKind, CredentialVerifier>;

  constructor(options: { store: SecretStore; verifiers: readonly CredentialVerifier[] }) {
    this.store = options.store;
    const byKind = new Map(options.verifiers.map((verifier) => [verifier.which, verifier]));
    const workos = byKind.get('workos');
    const gem = byKind.get('gem');
    if (!workos || !gem) throw new Error('CredentialService needs a verifier for both workos and gem');
    this.verifiers = { workos, gem };
  }

  /** Whether the keychain can be written; the console is read-only when it cannot. */
  keychainStatus(): Promise<SecretStoreStatus> {
    return this.store.status();
  }

  /** Throws AppError('keychain_unavailable') when the keychain cannot be read. */
  async status(profileId: string): Promise<CredentialsStatus> {
    const [workos, gem] = await Promise.all(CREDENTIAL_KINDS.map((which) => this.stateOf(profileId, which)));
    // CREDENTIAL_KINDS is ['workos', 'gem'], so both are defined; the fallback only satisfies the type checker.
    return { workos: workos ?? notConfigured(), gem: gem ?? notConfigured() };
  }

  setWorkosKey(profile: ProfileEndpoints, key: string): Promise<SavedCredential> {
    return this.verifyAndSave(profile, 'workos', key);
  }

  setGemToken(profile: ProfileEndpoints, token: string): Promise<SavedCredential> {
    return this.verifyAndSave(profile, 'gem', token);
  }

  /** Deletes the saved credential; true when there was one. */
  clear(profile: Pick<ProfileEndpoints, 'id'>, which: CredentialKind): Promise<boolean> {
    return this.store.delete(keychainAccount(profile.id, which));
  }

  /** Deletes both credentials of a profile (the profile is being removed). */
  async clearAll(profileId: string): Promise<void> {
    for (const which of CREDENTIAL_KINDS) await this.store.delete(keychainAccount(profileId, which));
  }

  /**
   * INTERNAL to the core: the secret for an API client to send. Never pass its result to a log, an error message,
   * SQLite, an IPC payload or an export. Throws AppError('unauthorized') when none is saved.
   */
  async getSecretForCore(profileId: string, which: CredentialKind): Promise<string> {
    const secret = await this.store.get(keychainAccount(profileId, which));
    if (secret === null || secret === '') {
      throw new AppError(
        'unauthorized',
        `No ${CREDENTIAL_NAMES[which]} is saved for this profile: add it in Settings.`,
        {
          retryable: false,
        },
      );
    }
    return secret;
  }

  private async stateOf(profileId: string, which: CredentialKind): Promise<CredentialState> {
    const secret = await this.store.get(keychainAccount(profileId, which));
    if (secret === null || secret === '') return notConfigured();
    return { configured: true, hint: secretHint(secret) };
  }

  private async verifyAndSave(
    profile: ProfileEndpoints,
    which: CredentialKind,
    rawSecret: string,
  ): Promise<SavedCredential> {
    // Pasted secrets often carry a trailing newline or spaces; no WorkOS key or Gem token contains whitespace.
    const secret = rawSecret.trim();
    if (secret === '' || /\s/.test(secret)) {
      throw new AppError(
        'invalid_input',
        `The ${CREDENTIAL_NAMES[which]} is empty or contains spaces: nothing was saved.`,
      );
    }
    // Verification first: a refused or unverifiable secret never reaches the keychain.
    const verified = await this.verifiers[which].verify(profile, secret);
    await this.store.set(keychainAccount(profile.id, which), secret);
    return { configured: true, hint: secretHint(secret), verifiedAs: verified.verifiedAs };
  }
}

function notConfigured(): CredentialState {
  return { configured: false, hint: null };
}
