/**
 * The mass-change alarm (design §6): before the sweep, a team's full sync compares what it would drop with what the
 * cache holds. "Drop" is a member or directory user the sweep would remove, or one this sync saw turn inactive
 * (counted page by page in the checkpoints, since the page write overwrites the previous state).
 */
import type { Store } from '../store';
import { countTeamDirectoryUsers, countTeamMembers, countUnseenTeamDirectoryUsers } from './cache-queries';
import type { MassChangeAlarm } from './types';

export interface MassChangeInput {
  teamId: string;
  runId: number;
  deactivatedMembers: number;
  deactivatedUsers: number;
  threshold: number;
}

/** The alarm to raise, or null when both shares stay within the threshold. */
export function checkMassChange(store: Store, input: MassChangeInput): MassChangeAlarm | null {
  const sides: Omit<MassChangeAlarm, 'alarmId' | 'teamId' | 'share'>[] = [
    {
      kind: 'members',
      wouldRemove:
        store.members.countUnseen({ teamId: input.teamId }, input.runId) + input.deactivatedMembers,
      total: countTeamMembers(store, input.teamId),
    },
    {
      kind: 'directory_users',
      wouldRemove: countUnseenTeamDirectoryUsers(store, input.teamId, input.runId) + input.deactivatedUsers,
      total: countTeamDirectoryUsers(store, input.teamId),
    },
  ];
  let worst: MassChangeAlarm | null = null;
  for (const side of sides) {
    if (side.total === 0 || side.wouldRemove === 0) continue;
    const share = side.wouldRemove / side.total;
    if (share <= input.threshold) continue;
    if (worst === null || share > worst.share) {
      worst = { alarmId: input.runId, teamId: input.teamId, ...side, share: Math.round(share * 1000) / 1000 };
    }
  }
  return worst;
}
