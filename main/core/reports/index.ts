/** Reports over the local cache (design §1, §7–§9): every function reads the store only and returns plain JSON. */
export {
  explainMemberRole,
  listGroups,
  listMembers,
  listTeams,
  teamDrift,
  teamOverview,
} from './team-reports';
export type { GroupRow, MemberQuery, MemberRoleExplanation, MemberRow, TeamOverview } from './team-reports';
export {
  businessDaysBetween,
  listRequests,
  listSyncRuns,
  REQUEST_TARGET_BUSINESS_DAYS,
} from './queue-reports';
export type { RequestRow } from './queue-reports';
