import { WorkOS } from '@workos-inc/node';
import { AppError } from '../errors';
import type { ProfileEndpoints } from '../profiles/profile';
import type { CredentialVerifier, VerifiedCredential } from './credential-verifier';
import { NOTHING_SAVED, networkFailureOf, offlineError, refusalError } from './verification-errors';

const CALL = 'GET /organizations?limit=1';

/** `new WorkOS(key, options)` options for a profile's base URL (the SDK takes host, scheme and port separately). */
export function workosClientOptions(
  workosBaseUrl: string,
  timeoutMs: number,
): { apiHostname: string; https: boolean; port?: number; timeout: number } {
  const url = new URL(workosBaseUrl);
  const options = { apiHostname: url.hostname, https: url.protocol === 'https:', timeout: timeoutMs };
  return url.port === '' ? options : { ...options, port: Number(url.port) };
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  return typeof error.status === 'number' ? error.status : null;
}

/** Verifies a WorkOS API key with the real SDK: list organizations with limit 1 (design §4). */
export class WorkosKeyVerifier implements CredentialVerifier {
  readonly which = 'workos' as const;

  constructor(private readonly timeoutMs = 15_000) {}

  async verify(profile: ProfileEndpoints, secret: string): Promise<VerifiedCredential> {
    const workos = new WorkOS(secret, workosClientOptions(profile.workosBaseUrl, this.timeoutMs));
    try {
      await workos.organizations.listOrganizations({ limit: 1 });
      return { verifiedAs: null };
    } catch (error) {
      throw this.explain(error, profile.workosBaseUrl);
    }
  }

  private explain(error: unknown, baseUrl: string): AppError {
    const status = statusOf(error);
    // ParseError carries status 500 but means "not JSON", so it is told apart by name first.
    const name = error instanceof Error ? error.name : '';
    if (name === 'ParseError' || (error instanceof Error && /ParseError/.test(error.message))) {
      return new AppError(
        'internal',
        `WorkOS at ${baseUrl} answered ${CALL} with a body that is not JSON; check the profile's WorkOS base URL: ` +
          `${NOTHING_SAVED}.`,
        { cause: error },
      );
    }
    if (status === 408) {
      // The SDK turns its own timeout (an aborted fetch) into a 408 GenericServerException.
      return offlineError(`WorkOS at ${baseUrl}`, CALL, 'no answer before the timeout', error);
    }
    if (status !== null) {
      const detail = status === 401 ? null : error instanceof Error ? error.message : null;
      return refusalError('WorkOS', 'API key', CALL, status, detail);
    }
    const network = networkFailureOf(error);
    if (network !== null) return offlineError(`WorkOS at ${baseUrl}`, CALL, network, error);
    // Anything else came from reading an answer that is not a WorkOS list (an HTML page with 200, say).
    const message = error instanceof Error ? error.message : String(error);
    return new AppError(
      'internal',
      `WorkOS at ${baseUrl} answered ${CALL} with something that is not a WorkOS list ("${message}"); check the ` +
        `profile's WorkOS base URL: ${NOTHING_SAVED}.`,
      { cause: error },
    );
  }
}
