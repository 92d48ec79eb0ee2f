import { SANDBOX_PROFILE_ID, type Profile } from './profile';

/**
 * The embedded default profile (design §10): the local WorkOS and Gem stand-ins on this machine. The host that
 * starts the stand-ins on other ports points the profile at them with ProfileRegistry.update (URLs only).
 */
export const SANDBOX_DEFAULT_URLS = {
  workosBaseUrl: 'http://127.0.0.1:4510',
  gemBaseUrl: 'http://127.0.0.1:4520',
} as const;

export function sandboxProfile(createdAt: string): Profile {
  return {
    id: SANDBOX_PROFILE_ID,
    name: 'Sandbox',
    kind: 'sandbox',
    ...SANDBOX_DEFAULT_URLS,
    createdAt,
  };
}
