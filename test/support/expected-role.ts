/**
 * The documented WorkOS rule, written independently of main/sandbox/workos/role-computation.ts so tests can check
 * it: a user's role is the highest-priority role their groups map to, else the default role.
 */
export function expectedRole(
  groupIds: string[],
  table: Record<string, string>,
  priority: string[],
  defaultRole: string,
): string {
  const mapped = groupIds.map((id) => table[id]).filter((slug): slug is string => slug !== undefined);
  if (mapped.length === 0) return defaultRole;
  return [...mapped].sort((a, b) => priority.indexOf(a) - priority.indexOf(b))[0] as string;
}
