/**
 * Credentials: the renderer sees `{configured, hint}` and can set (verified first) or clear a secret; it can never
 * read one. The sandbox profile's keys are the built-in stand-ins' and need no keychain.
 */
import { AppError } from '../errors';
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { SANDBOX_PROFILE_ID } from '../profiles';

const SANDBOX_STATE = { configured: true, hint: null, source: 'sandbox' as const };

function refuseSandbox(profileId: string): void {
  if (profileId === SANDBOX_PROFILE_ID) {
    throw new AppError(
      'invalid_input',
      'The sandbox profile uses the built-in stand-ins and needs no credentials.',
    );
  }
}

export function credentialHandlers(context: CoreContext): Handlers['credentials'] {
  return {
    status: async ({ profileId }) => {
      context.profiles.get(profileId);
      const keychain = await context.keychainStatus();
      const keychainState = {
        available: keychain.available,
        reason: keychain.available ? null : keychain.reason,
      };
      if (profileId === SANDBOX_PROFILE_ID) {
        return { profileId, keychain: keychainState, workos: SANDBOX_STATE, gem: SANDBOX_STATE };
      }
      if (!keychain.available) {
        const unknown = { configured: false, hint: null, source: 'keychain' as const };
        return { profileId, keychain: keychainState, workos: unknown, gem: unknown };
      }
      const status = await context.credentials.status(profileId);
      return {
        profileId,
        keychain: keychainState,
        workos: { ...status.workos, source: 'keychain' as const },
        gem: { ...status.gem, source: 'keychain' as const },
      };
    },
    set: async ({ profileId, which, secret }) => {
      refuseSandbox(profileId);
      const profile = context.profiles.get(profileId);
      // Without a keychain the secret could not be kept: say so before asking the service about it.
      const keychain = await context.credentials.keychainStatus();
      if (!keychain.available) throw new AppError('keychain_unavailable', keychain.reason);
      const saved =
        which === 'workos'
          ? await context.credentials.setWorkosKey(profile, secret)
          : await context.credentials.setGemToken(profile, secret);
      context.events.profiles.changed({ activeProfileId: context.profiles.activeProfileId });
      return { configured: true as const, hint: saved.hint, verifiedAs: saved.verifiedAs };
    },
    clear: async ({ profileId, which }) => {
      refuseSandbox(profileId);
      const profile = context.profiles.get(profileId);
      const cleared = await context.credentials.clear(profile, which);
      context.events.profiles.changed({ activeProfileId: context.profiles.activeProfileId });
      return { cleared };
    },
  };
}
