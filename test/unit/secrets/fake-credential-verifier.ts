import { AppError } from '../../../main/core/errors';
import type { CredentialVerifier, VerifiedCredential } from '../../../main/core/secrets/credential-verifier';
import type { CredentialKind } from '../../../main/core/secrets/secret-store';
import type { ProfileEndpoints } from '../../../main/core/profiles/profile';

/** A verifier that accepts exactly one secret, refuses others with the given error, and records each call. */
export class FakeCredentialVerifier implements CredentialVerifier {
  readonly seen: { profileId: string; secret: string }[] = [];
  /** Runs inside verify(), before it answers: lets a test look at the store at verification time. */
  onVerify: () => void = () => {};

  constructor(
    readonly which: CredentialKind,
    private readonly accepted: string,
    private readonly refusal: () => AppError = () =>
      new AppError('unauthorized', `${which} refused the credential (401): nothing was saved.`),
  ) {}

  async verify(profile: ProfileEndpoints, secret: string): Promise<VerifiedCredential> {
    this.seen.push({ profileId: profile.id, secret });
    this.onVerify();
    if (secret !== this.accepted) throw this.refusal();
    return { verifiedAs: this.which === 'gem' ? 'dana@gem.com' : null };
  }
}
