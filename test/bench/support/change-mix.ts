/**
 * The "1% changes" of the incremental-sync benchmark, applied to the WorkOS stand-in's state as an IdP and a
 * customer admin would make them (Gem follows through the sandbox's live link). The budget is a share of the
 * directory's users, counted in users touched, split as:
 * - 40% attribute updates (last name and job title) → dsync.user.updated;
 * - 20% deactivations (the large preset deletes deactivated users) → dsync.user.deleted;
 * - 30% membership changes, half additions and half removals → dsync.group.user_added / user_removed (plus
 *   dsync.user.updated when the user's role changes);
 * - the rest: a mapping change — a new IdP group with that many members, then mapped to a role → group.created,
 *   user_added per member, and dsync.user.updated for each member whose roles change.
 * Why a new group for the mapping change: every existing group of the preset has ~250 members, so remapping one
 * alone would touch more users than a 1% budget of a 20k-user team holds.
 */
import { createSeededRandom, type Random } from '../../../main/sandbox/http/prng';
import type { WorkosState } from '../../../main/sandbox/workos/state';

export interface ChangeMixReport {
  /** Users the mix was asked to touch (share × directory users). */
  budget: number;
  updates: number;
  deactivations: number;
  membershipAdds: number;
  membershipRemovals: number;
  mappedGroupMembers: number;
  /** Events the changes emitted (all of them, whatever their type). */
  events: number;
  /** Distinct directory users those events concern. */
  usersTouched: number;
}

/** The first `count` items of a seeded shuffle (partial Fisher–Yates). */
function sample<T>(items: T[], count: number, random: Random): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

function userIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (typeof record['user'] === 'object' && record['user'] !== null) {
    const id = (record['user'] as Record<string, unknown>)['id'];
    return typeof id === 'string' ? id : null;
  }
  return typeof record['id'] === 'string' && record['id'].startsWith('directory_user') ? record['id'] : null;
}

export function applyChangeMix(
  state: WorkosState,
  directoryId: string,
  options: { share: number; seed: number; mappedRole: string },
): ChangeMixReport {
  const random = createSeededRandom(options.seed);
  const directory = state.directory(directoryId);
  const userIds = [...directory.userIds];
  const groupIds = [...directory.groupIds];
  const budget = Math.max(1, Math.round(userIds.length * options.share));
  const updates = Math.round(budget * 0.4);
  const deactivations = Math.round(budget * 0.2);
  const memberships = Math.round(budget * 0.3);
  const mapped = Math.max(0, budget - updates - deactivations - memberships);
  const chosen = sample(userIds, budget, random);
  const eventsBefore = state.events.size;

  let cursor = 0;
  const take = (count: number) => chosen.slice(cursor, (cursor += count));

  for (const id of take(updates)) {
    const user = state.user(id);
    state.updateUser(id, { lastName: `${user.lastName ?? ''}-Moved`, jobTitle: 'Relocated' });
  }
  for (const id of take(deactivations)) state.deactivateUser(id);
  let membershipAdds = 0;
  let membershipRemovals = 0;
  take(memberships).forEach((id, index) => {
    const user = state.user(id);
    if (index % 2 === 1 && user.groupIds.size > 1) {
      const [first] = user.groupIds;
      if (first !== undefined) state.removeUserFromGroup(id, first);
      membershipRemovals += 1;
      return;
    }
    const candidates = groupIds.filter((groupId) => !user.groupIds.has(groupId));
    const target = candidates[Math.floor(random() * candidates.length)];
    if (target !== undefined) state.addUserToGroup(id, target);
    membershipAdds += 1;
  });
  const mappedMembers = take(mapped);
  if (mappedMembers.length > 0) {
    const group = state.createGroup({ directoryId, name: 'Bench - Pilot programme' });
    for (const id of mappedMembers) state.addUserToGroup(id, group.id);
    state.setGroupRole(directoryId, group.id, options.mappedRole);
  }

  const events = state.events.all().slice(eventsBefore);
  const touched = new Set<string>();
  for (const event of events) {
    const id = userIdOf(event.data);
    if (id !== null) touched.add(id);
  }
  return {
    budget,
    updates,
    deactivations,
    membershipAdds,
    membershipRemovals,
    mappedGroupMembers: mappedMembers.length,
    events: events.length,
    usersTouched: touched.size,
  };
}
