import { WorkosSandboxError } from './errors';

/** Organization role slug rule (contract §5.2): `org-` prefix, `[a-z0-9_-]`, at most 48 characters. */
export const ORGANIZATION_ROLE_SLUG = /^org-[a-z0-9_-]*$/;
export const ROLE_SLUG_MAX = 48;
export const ROLE_NAME_MAX = 48;
export const ROLE_DESCRIPTION_MAX = 150;

export function validateOrganizationRoleInput(input: {
  slug?: string;
  name: string;
  description?: string | null;
}): void {
  const errors: { field: string; code: string }[] = [];
  if (
    input.slug !== undefined &&
    (input.slug.length > ROLE_SLUG_MAX || !ORGANIZATION_ROLE_SLUG.test(input.slug))
  ) {
    errors.push({
      field: 'slug',
      code: "slug must begin with 'org-', contain only lowercase letters, numbers, hyphens and underscores, and be at most 48 characters",
    });
  }
  if (input.name.trim() === '' || input.name.length > ROLE_NAME_MAX) {
    errors.push({ field: 'name', code: 'name must be between 1 and 48 characters' });
  }
  if (typeof input.description === 'string' && input.description.length > ROLE_DESCRIPTION_MAX) {
    errors.push({ field: 'description', code: 'description must be at most 150 characters' });
  }
  if (errors.length > 0) {
    throw new WorkosSandboxError(
      'invalid',
      'Validation failed',
      'invalid_request_parameters',
      undefined,
      errors,
    );
  }
}

/** `org-` + the name slugified + a random suffix, as WorkOS does when the slug is omitted. */
export function generateOrganizationRoleSlug(name: string, suffix: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = `-${suffix.toLowerCase()}`;
  const room = ROLE_SLUG_MAX - 'org-'.length - tail.length;
  return `org-${base.slice(0, Math.max(0, room))}${tail}`.replace(/--+/g, '-');
}
