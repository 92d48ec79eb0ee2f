// The profile registry: which WorkOS + Gem endpoints the console talks to, and where each profile's data lives.
export { ProfileRegistry, profilesFilePath, PROFILES_FILE_NAME } from './profile-registry';
export type { NewProfileInput, ProfilePatch, RemovedProfile } from './profile-registry';
export {
  ProfileSchema,
  ProfileKindSchema,
  ProfileIdSchema,
  ProfilesFileSchema,
  SANDBOX_PROFILE_ID,
} from './profile';
export type { Profile, ProfileKind, ProfilesFile, ProfileEndpoints } from './profile';
export { validateBaseUrl } from './profile-urls';
export { resolveDataDir } from './data-dir';
export { SANDBOX_DEFAULT_URLS, sandboxProfile } from './sandbox-profile';
