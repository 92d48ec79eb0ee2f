/**
 * How WorkOS assigns a directory user's role from IdP groups (single-role mode):
 * the highest-priority role among the mappings of the user's groups, or the default role when none of the
 * user's groups is mapped. `priority` lists role slugs, highest priority first.
 *
 * This is the sandbox's ground truth; the console's inference (main/core/inference) must never import it.
 */
export interface ComputedRoles {
  role: string;
  /** Every distinct role the user's groups map to, in priority order; just the default role when none. */
  roles: string[];
}

export function computeDirectoryUserRoles(
  userGroupIds: readonly string[],
  groupRole: ReadonlyMap<string, string>,
  priority: readonly string[],
  defaultRole: string,
): ComputedRoles {
  const mapped = new Set<string>();
  for (const groupId of userGroupIds) {
    const role = groupRole.get(groupId);
    if (role !== undefined) mapped.add(role);
  }
  if (mapped.size === 0) return { role: defaultRole, roles: [defaultRole] };
  const rank = (slug: string): number => {
    const index = priority.indexOf(slug);
    // A mapped role missing from the priority list ranks below every listed role.
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered = [...mapped].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { role: ordered[0] as string, roles: ordered };
}
