import type { ProfileEndpoints } from '../profiles/profile';
import type { CredentialKind } from './secret-store';

/** What a successful check learned about the credential (the Gem staff member's email, say); shown to the user. */
export interface VerifiedCredential {
  readonly verifiedAs: string | null;
}

/**
 * Checks a new credential against its service before it is saved (design §4). Throws AppError: 'unauthorized' on a
 * refusal (the message names the credential and says nothing was saved), 'offline' when the service cannot be
 * reached, others for anything else. Never puts the secret in a message. The Gem client can replace the fetch-based
 * Gem verifier by implementing this interface.
 */
export interface CredentialVerifier {
  readonly which: CredentialKind;
  verify(profile: ProfileEndpoints, secret: string): Promise<VerifiedCredential>;
}
