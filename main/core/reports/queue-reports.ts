/**
 * The role-sync queue and the sync history (design §6, §8), over the cache. A request's age is counted in business
 * days (Mon–Fri) from the role's creation, against a target of 2 business days.
 */
import { workosRoleSlugForGemCustomRole } from '../gem/role-slug-mapping';
import type {
  RoleSyncRequest,
  RoleSyncRequestFilters,
  RoleSyncRequestSort,
  Store,
  SyncRun,
  SyncRunFilters,
  SyncRunSort,
  Window,
  WindowRequest,
} from '../store';

export const REQUEST_TARGET_BUSINESS_DAYS = 2;
const DAY_MS = 86_400_000;

/** Whole and partial business days between two instants (weekends do not count). */
export function businessDaysBetween(fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let days = 0;
  let cursor = fromMs;
  while (cursor < toMs) {
    const next = Math.min(toMs, (Math.floor(cursor / DAY_MS) + 1) * DAY_MS);
    const weekday = new Date(cursor).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days += (next - cursor) / DAY_MS;
    cursor = next;
  }
  return Math.round(days * 100) / 100;
}

export interface RequestRow extends RoleSyncRequest {
  ageBusinessDays: number;
  targetBusinessDays: number;
  overdue: boolean;
  /** The WorkOS organization role this request needs. */
  expectedWorkosRoleSlug: string;
  /** A pending request whose `org-<slug>` role already exists in WorkOS (design §8: check before creating). */
  workosRoleAlreadyExists: boolean;
}

export function listRequests(
  store: Store,
  filters: RoleSyncRequestFilters = {},
  window: WindowRequest<RoleSyncRequestSort> = {},
  nowMs: number = Date.now(),
): Window<RequestRow> {
  const page = store.roleSyncRequests.list(filters, window);
  return {
    ...page,
    rows: page.rows.map((request) => {
      const since = Date.parse(request.roleCreatedAt ?? request.observedAt);
      const age = businessDaysBetween(since, nowMs);
      const expected = request.workosRoleSlug ?? workosRoleSlugForGemCustomRole(request.roleSlug);
      const organizationId = store.teams.get(request.teamId)?.workosOrganizationId ?? null;
      const exists = organizationId !== null && store.workosRoles.get(organizationId, expected) !== null;
      const open = request.status === 'pending' || request.status === 'in_progress';
      return {
        ...request,
        ageBusinessDays: age,
        targetBusinessDays: REQUEST_TARGET_BUSINESS_DAYS,
        overdue: open && age > REQUEST_TARGET_BUSINESS_DAYS,
        expectedWorkosRoleSlug: expected,
        workosRoleAlreadyExists: request.status === 'pending' && exists,
      };
    }),
  };
}

export function listSyncRuns(
  store: Store,
  window: WindowRequest<SyncRunSort> = {},
  filters: SyncRunFilters = {},
): Window<SyncRun> {
  return store.syncRuns.list(filters, window);
}
