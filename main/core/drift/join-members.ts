import type { DirectoryUserRecord, GemMemberRecord, JoinedBy } from './types';

export interface JoinedPair {
  member: GemMemberRecord;
  directoryUser: DirectoryUserRecord;
  joinedBy: JoinedBy;
}

export interface JoinResult {
  pairs: JoinedPair[];
  unmatchedMembers: GemMemberRecord[];
  unmatchedDirectoryUsers: DirectoryUserRecord[];
}

const emailKey = (email: string): string => email.trim().toLowerCase();

/**
 * Matches members to directory users: first by `directory_user_id` (the link WorkOS provisioning wrote), then, for
 * whatever is left on both sides, by case-insensitive email. A member whose link points at an existing directory user
 * is never re-matched by email; a member whose link points at a user no longer in the directory may be (the IdP
 * re-created the person). Each side is matched at most once, the first in input order winning; linear in both sizes.
 */
export function joinMembers(
  members: readonly GemMemberRecord[],
  directoryUsers: readonly DirectoryUserRecord[],
): JoinResult {
  const directoryById = new Map<string, DirectoryUserRecord>();
  for (const user of directoryUsers) if (!directoryById.has(user.id)) directoryById.set(user.id, user);

  const pairs: JoinedPair[] = [];
  const pairedDirectoryIds = new Set<string>();
  const leftMembers: GemMemberRecord[] = [];
  for (const member of members) {
    const linked =
      member.directory_user_id === null ? undefined : directoryById.get(member.directory_user_id);
    if (linked !== undefined && !pairedDirectoryIds.has(linked.id)) {
      pairedDirectoryIds.add(linked.id);
      pairs.push({ member, directoryUser: linked, joinedBy: 'directory_user_id' });
    } else {
      leftMembers.push(member);
    }
  }

  const leftByEmail = new Map<string, DirectoryUserRecord>();
  for (const user of directoryUsers) {
    if (pairedDirectoryIds.has(user.id)) continue;
    const key = emailKey(user.email);
    if (!leftByEmail.has(key)) leftByEmail.set(key, user);
  }
  const unmatchedMembers: GemMemberRecord[] = [];
  for (const member of leftMembers) {
    const linkedElsewhere = member.directory_user_id !== null && directoryById.has(member.directory_user_id);
    const candidate = linkedElsewhere ? undefined : leftByEmail.get(emailKey(member.email));
    if (candidate === undefined || pairedDirectoryIds.has(candidate.id)) {
      unmatchedMembers.push(member);
      continue;
    }
    pairedDirectoryIds.add(candidate.id);
    pairs.push({ member, directoryUser: candidate, joinedBy: 'email' });
  }

  const unmatchedDirectoryUsers = directoryUsers.filter((user) => !pairedDirectoryIds.has(user.id));
  return { pairs, unmatchedMembers, unmatchedDirectoryUsers };
}

export function sameEmail(a: string, b: string): boolean {
  return emailKey(a) === emailKey(b);
}
