/**
 * Which Gem role a WorkOS role slug stands for, and which WorkOS organization role a Gem custom role needs.
 * One rule for the Gem stand-in's WorkOS link and the console's drift report, so both read roles the same way.
 *
 * - WorkOS environment roles match Gem's predefined roles by slug: `admin`, `standard`, `restricted`.
 * - WorkOS's default environment role `member` stands for Gem's `standard`.
 * - An organization role `org-<slug>` stands for Gem custom role `<slug>`; a role recorded in Gem with that exact
 *   `workos_role_slug` wins (the slug may have been shortened to fit 48 characters).
 */
export const GEM_PREDEFINED_ROLE_SLUGS = ['admin', 'standard', 'restricted'] as const;

const ENVIRONMENT_ROLE_TO_GEM: Readonly<Record<string, string>> = {
  admin: 'admin',
  standard: 'standard',
  restricted: 'restricted',
  member: 'standard',
};

export const WORKOS_ORGANIZATION_ROLE_PREFIX = 'org-';
export const WORKOS_ROLE_SLUG_MAX_LENGTH = 48;

export interface SyncedCustomRole {
  /** The Gem slug. */
  slug: string;
  /** The WorkOS organization role recorded in Gem when the role was synced, if any. */
  workos_role_slug: string | null;
}

/** The Gem role slug a WorkOS role slug stands for, or null when it stands for none (an unknown environment role). */
export function gemRoleSlugForWorkosRole(
  workosRoleSlug: string,
  syncedCustomRoles: readonly SyncedCustomRole[] = [],
): string | null {
  const recorded = syncedCustomRoles.find((role) => role.workos_role_slug === workosRoleSlug);
  if (recorded) return recorded.slug;
  const environment = ENVIRONMENT_ROLE_TO_GEM[workosRoleSlug];
  if (environment !== undefined) return environment;
  if (workosRoleSlug.startsWith(WORKOS_ORGANIZATION_ROLE_PREFIX)) {
    const rest = workosRoleSlug.slice(WORKOS_ORGANIZATION_ROLE_PREFIX.length);
    return rest === '' ? null : rest;
  }
  return null;
}

/** The WorkOS organization role slug for a Gem custom role: `org-` + slug, lowercase, `[a-z0-9_-]`, ≤ 48 chars. */
export function workosRoleSlugForGemCustomRole(gemSlug: string): string {
  const cleaned = gemSlug.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  return `${WORKOS_ORGANIZATION_ROLE_PREFIX}${cleaned}`.slice(0, WORKOS_ROLE_SLUG_MAX_LENGTH);
}
