/**
 * Runs the group → role inference (design §7) for one cached directory, and stores its result per group in
 * `mapping_inferences`. The reports reuse `inferDirectory` to explain one member's role on demand.
 *
 * WorkOS has no API flag for the environment's default role, so it is inferred too (see guessDefaultRole), unless
 * the profile pinned it with the sync_state key `default-role:<organizationId>`.
 */
import { inferGroupRoles, type InferenceInput, type RoleInference } from '../inference';
import type { Directory, MappingInferenceInput, Store, UserRoleObservation } from '../store';

export interface DirectoryInference {
  input: InferenceInput;
  result: RoleInference;
  defaultRole: string;
  /** How the default role was chosen, for the evidence. */
  defaultRoleSource: 'pinned' | 'users_without_groups' | 'workos_default' | 'gem_convention' | 'lowest_held';
}

export function defaultRoleKey(organizationId: string): string {
  return `default-role:${organizationId}`;
}

function mostCommon(values: readonly string[]): string | null {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, n] of tally) {
    if (n > bestCount || (n === bestCount && best !== null && value < best)) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The role users fall back to: the most common role of users in no group (they can only hold the default); else
 * WorkOS's own default `member` when the organization has it; else the lowest-priority role anyone holds.
 */
export function guessDefaultRole(
  observations: readonly { roleSlug: string | null; groupIds: readonly string[] }[],
  priority: readonly string[],
): { role: string; source: DirectoryInference['defaultRoleSource'] } {
  const ungrouped = observations
    .filter((o) => o.groupIds.length === 0 && o.roleSlug !== null)
    .map((o) => o.roleSlug as string);
  const fromUngrouped = mostCommon(ungrouped);
  if (fromUngrouped !== null) return { role: fromUngrouped, source: 'users_without_groups' };
  if (priority.includes('member')) return { role: 'member', source: 'workos_default' };
  // Gem's setups make Standard the WorkOS default role (a user none of whose groups is mapped is Standard in Gem).
  if (priority.includes('standard')) return { role: 'standard', source: 'gem_convention' };
  const held = new Set(observations.map((o) => o.roleSlug).filter((r): r is string => r !== null));
  const lowest = [...priority].reverse().find((slug) => held.has(slug));
  return { role: lowest ?? priority[priority.length - 1] ?? 'member', source: 'lowest_held' };
}

export function inferDirectory(store: Store, directory: Directory): DirectoryInference {
  const roles = store.workosRoles.listForOrganization(directory.organizationId);
  const priority = roles.map((role) => role.slug);
  const observations: UserRoleObservation[] = store.directoryUsers.roleObservations(directory.id);
  const pinned = store.syncState.get(defaultRoleKey(directory.organizationId));
  const guessed =
    pinned === null ? guessDefaultRole(observations, priority) : { role: pinned, source: 'pinned' as const };
  const input: InferenceInput = {
    priority,
    defaultRole: guessed.role,
    groups: store.directoryGroups.listForDirectory(directory.id).map((g) => ({ id: g.id, name: g.name })),
    users: observations
      .filter((o) => o.roleSlug !== null)
      .map((o) => ({ id: o.userId, role: o.roleSlug as string, groupIds: o.groupIds })),
    roleNames: Object.fromEntries(roles.map((role) => [role.slug, role.name])),
  };
  return {
    input,
    result: inferGroupRoles(input),
    defaultRole: guessed.role,
    defaultRoleSource: guessed.source,
  };
}

/**
 * Stored form: `candidates` are role slugs in priority order; the inference's "default/none" candidate is stored
 * as the default role's slug, last, with `evidence.defaultOrNone` saying it stands for "unmapped or default".
 */
export function toStoredInferences(inference: DirectoryInference): MappingInferenceInput[] {
  return inference.result.groups.map((group) => {
    const hasDefault = group.candidates.includes(null);
    const candidates = group.candidates.filter((c): c is string => c !== null);
    if (hasDefault) candidates.push(inference.defaultRole);
    return {
      groupId: group.groupId,
      status: group.status,
      candidates,
      evidence: {
        sentences: group.evidence,
        memberCount: group.memberCount,
        defaultRole: inference.defaultRole,
        defaultRoleSource: inference.defaultRoleSource,
        defaultOrNone: hasDefault ? (group.defaultOrNone ?? 'either') : null,
      },
    };
  });
}

/** Recomputes and stores the inference of every cached directory of the team; returns how many groups it covered. */
export function refreshTeamInference(store: Store, teamId: string): number {
  let groups = 0;
  for (const directory of store.directories.listForTeam(teamId)) {
    const inference = inferDirectory(store, directory);
    const rows = toStoredInferences(inference);
    store.mappingInferences.replaceForDirectory(directory.id, teamId, rows);
    groups += rows.length;
  }
  return groups;
}
