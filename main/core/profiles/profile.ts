import { z } from 'zod';

/**
 * A profile is one pair of endpoints the console talks to (WorkOS + Gem) with its own local database and its own two
 * keychain entries. The registry file holds no secret, ever: credentials live only in the keychain (design §4).
 */

export const SANDBOX_PROFILE_ID = 'sandbox';

export const ProfileKindSchema = z.enum(['production', 'staging', 'sandbox']);
export type ProfileKind = z.infer<typeof ProfileKindSchema>;

/** Slug-like: lowercase letters, digits and single hyphens; it names files and keychain accounts. */
export const ProfileIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a profile id is lowercase letters, digits and hyphens')
  .max(64);

export const ProfileSchema = z.strictObject({
  id: ProfileIdSchema,
  name: z.string().trim().min(1).max(80),
  kind: ProfileKindSchema,
  workosBaseUrl: z.string(),
  gemBaseUrl: z.string(),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** `<dataDir>/profiles.json`. Strict objects: an unknown field (a pasted secret, say) makes the file invalid. */
export const ProfilesFileSchema = z.strictObject({
  version: z.literal(1),
  activeProfileId: ProfileIdSchema,
  profiles: z.array(ProfileSchema),
});
export type ProfilesFile = z.infer<typeof ProfilesFileSchema>;

/** The endpoints a credential is verified against. */
export type ProfileEndpoints = Pick<Profile, 'id' | 'workosBaseUrl' | 'gemBaseUrl'>;
