/**
 * The value domain of a group's mapping: every role the inference can see, in WorkOS priority order, plus "unmapped".
 * Value index i < roleCount is the role `slugs[i]`; a lower index is a higher priority. Index `roleCount` is unmapped.
 */
export interface RoleOrder {
  slugs: readonly string[];
  roleCount: number;
  /** The value index of "unmapped". */
  unmapped: number;
  defaultIndex: number;
  indexOf(slug: string): number;
}

/**
 * Roles missing from the priority list (the default role if it is not listed, roles only seen on users) rank below
 * every listed role and among themselves by `localeCompare`, which is how WorkOS's ordering is modelled for them.
 */
export function buildRoleOrder(
  priority: readonly string[],
  defaultRole: string,
  seenRoles: Iterable<string>,
): RoleOrder {
  const listed: string[] = [];
  const known = new Set<string>();
  for (const slug of priority) {
    if (known.has(slug)) continue;
    known.add(slug);
    listed.push(slug);
  }
  const extras = new Set<string>();
  if (!known.has(defaultRole)) extras.add(defaultRole);
  for (const slug of seenRoles) if (!known.has(slug)) extras.add(slug);
  const slugs = [...listed, ...[...extras].sort((a, b) => a.localeCompare(b))];
  const index = new Map(slugs.map((slug, i) => [slug, i]));
  const lookup = (slug: string): number => {
    const found = index.get(slug);
    if (found === undefined) throw new Error(`Role inference: role "${slug}" is not in the role order`);
    return found;
  };
  return {
    slugs,
    roleCount: slugs.length,
    unmapped: slugs.length,
    defaultIndex: lookup(defaultRole),
    indexOf: lookup,
  };
}
