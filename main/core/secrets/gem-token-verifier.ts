import { z } from 'zod';
import { AppError } from '../errors';
import type { ProfileEndpoints } from '../profiles/profile';
import type { CredentialVerifier, VerifiedCredential } from './credential-verifier';
import { NOTHING_SAVED, networkFailureOf, offlineError, refusalError } from './verification-errors';

const CALL = 'GET /me';

/** The part of Gem's Staff object (admin-api.md, `GET /me`) the check relies on. */
const StaffSchema = z.object({ id: z.string(), email: z.string() });
/** Gem's error envelope: `{"error": {"code", "message"}}`. */
const GemErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Verifies a Gem staff token with `GET <gemBaseUrl>/me` (Authorization: Bearer). A plain fetch for now; the Gem API
 * client can take its place by implementing CredentialVerifier.
 */
export class GemTokenVerifier implements CredentialVerifier {
  readonly which = 'gem' as const;

  constructor(private readonly timeoutMs = 15_000) {}

  async verify(profile: ProfileEndpoints, secret: string): Promise<VerifiedCredential> {
    const base = profile.gemBaseUrl.replace(/\/+$/, '');
    let response: Response;
    try {
      response = await fetch(`${base}/me`, {
        headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw offlineError(`Gem at ${base}`, CALL, networkFailureOf(error) ?? 'request failed', error);
    }
    const body = await this.readJson(response);
    if (!response.ok) {
      const parsed = GemErrorSchema.safeParse(body);
      const detail = parsed.success ? `${parsed.data.error.code}: ${parsed.data.error.message}` : null;
      throw refusalError(
        'Gem',
        'staff token',
        CALL,
        response.status,
        response.status === 401 ? null : detail,
      );
    }
    const staff = StaffSchema.safeParse(body);
    if (!staff.success) {
      throw new AppError(
        'internal',
        `Gem at ${base} answered ${CALL} with ${response.status} but not a staff record; check the profile's Gem ` +
          `base URL: ${NOTHING_SAVED}.`,
      );
    }
    return { verifiedAs: staff.data.email };
  }

  private async readJson(response: Response): Promise<unknown> {
    try {
      const text = await response.text();
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      return null;
    }
  }
}
