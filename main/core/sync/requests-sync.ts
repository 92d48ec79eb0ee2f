/**
 * Scope `requests` (design §8): the custom-role queue across every SCIM team, cheaply — the SCIM teams, each
 * team's Gem roles and, when linked, its WorkOS organization roles (priority order). No members, no users.
 * The queue is rebuilt as a whole, so the run is not resumable page by page: a rerun simply starts over.
 */
import type { GemRole as ApiRole, GemTeam as ApiTeam, GemPage } from '../gem/schemas';
import type { RoleSyncRequestInput, RoleSyncStatusChange } from '../store';
import { mapWithConcurrency } from './concurrency';
import { GEM_PAGE_SIZE, type EngineDeps } from './engine-deps';
import { normaliseIso, normaliseIsoOrNull } from './iso-time';
import { observeMappedRoles } from './observe-mapped';
import { isCancellation, RunContext, toSyncError } from './run-context';
import { gemRoleRow, teamRow, workosRoleRow } from './to-store-rows';
import type { SyncSummary } from './types';

const QUEUE_STATUSES = ['pending', 'in_progress', 'synced'] as const;
const ALL_REQUEST_STATUSES = [...QUEUE_STATUSES, 'mapped'];

function isQueued(role: ApiRole): boolean {
  return role.kind === 'custom' && (QUEUE_STATUSES as readonly string[]).includes(role.workos_sync.status);
}

/** The team fields a queued request carries (from Gem's team, or from a request already cached). */
export interface RequestTeam {
  teamId: string;
  teamName: string;
  csmEmail: string | null;
  csmName: string | null;
}

export function requestTeamOf(team: ApiTeam): RequestTeam {
  return { teamId: team.id, teamName: team.name, csmEmail: team.csm.email, csmName: team.csm.name };
}

export function requestRow(team: RequestTeam, role: ApiRole): RoleSyncRequestInput {
  const sync = role.workos_sync;
  return {
    ...team,
    roleSlug: role.slug,
    roleName: role.name,
    status: sync.status,
    claimedBy: sync.claimed_by,
    claimedAt: normaliseIsoOrNull(sync.claimed_at),
    syncedAt: normaliseIsoOrNull(sync.synced_at),
    syncedBy: sync.synced_by,
    workosRoleSlug: sync.workos_role_slug,
    roleCreatedAt: normaliseIso(role.created_at),
    updatedAt: normaliseIso(role.updated_at),
  };
}

export interface RequestsSyncResult {
  summary: SyncSummary;
  /** Status changes of the queue (new, claimed, synced, mapped): what notifications react to. */
  changes: RoleSyncStatusChange[];
}

export async function syncRequests(
  deps: EngineDeps,
  options: { signal: AbortSignal; concurrency: number },
  onRunStarted?: (runId: number) => void,
): Promise<RequestsSyncResult> {
  const { store, gem, workos } = deps;
  const runId = store.syncRuns.start({ scope: 'requests', kind: 'full' }).id;
  onRunStarted?.(runId);
  const ctx = new RunContext(
    { runId, scope: 'requests', kind: 'full', teamId: null },
    { emit: deps.emit, monotonicNow: deps.monotonicNow, signal: options.signal },
  );
  const progressKey = `checkpoint:${runId}:requests`;
  const changes: RoleSyncStatusChange[] = [];
  const summary = (outcome: SyncSummary['outcome'], extra: Partial<SyncSummary> = {}): SyncSummary => ({
    runId,
    scope: 'requests',
    kind: 'full',
    teamId: null,
    outcome,
    counts: ctx.counts(),
    ...extra,
  });
  try {
    ctx.setPhase('teams');
    const teams: ApiTeam[] = [];
    let cursor: string | null = null;
    do {
      const after: string | null = cursor;
      const page: GemPage<ApiTeam> = await ctx.call(() =>
        // Every team, SCIM or not (a cheap list): CSMs find teams to enable here; only SCIM teams have a queue.
        gem.listTeams({
          scim: 'any',
          limit: GEM_PAGE_SIZE,
          ...(after === null ? {} : { cursor: after }),
        }),
      );
      store.teams.writePage(page.data.map(teamRow), {
        generation: runId,
        key: progressKey,
        value: JSON.stringify({ phase: 'teams', teams: teams.length + page.data.length }),
      });
      teams.push(...page.data);
      ctx.wrote(1, page.data.length);
      cursor = page.next_cursor;
    } while (cursor !== null);

    ctx.setPhase('requests');
    const scimTeams = teams.filter((team) => team.scim.module_enabled);
    await mapWithConcurrency(scimTeams, options.concurrency, async (team) => {
      const roles = await ctx.call(() => gem.listRoles(team.id));
      const organizationId = team.scim.workos_organization_id;
      const workosRoles =
        organizationId === null ? null : await ctx.call(() => workos.listOrganizationRoles(organizationId));
      const requests = roles.filter(isQueued).map((role) => requestRow(requestTeamOf(team), role));
      const checkpoint = {
        generation: runId,
        key: progressKey,
        value: JSON.stringify({ phase: 'requests' }),
      };
      store.transaction(() => {
        store.gemRoles.writePage(
          roles.map((role) => gemRoleRow(team.id, role)),
          checkpoint,
        );
        ctx.removed += store.gemRoles.sweepUnseen({ teamId: team.id }, runId);
        if (organizationId !== null && workosRoles !== null) {
          store.workosRoles.writePage(
            workosRoles.map((role) => workosRoleRow(organizationId, role)),
            checkpoint,
          );
          ctx.removed += store.workosRoles.sweepUnseen({ organizationId }, runId);
        }
        changes.push(...store.roleSyncRequests.writePage(requests, checkpoint));
      });
      ctx.wrote(organizationId === null ? 1 : 2, roles.length + (workosRoles?.length ?? 0));
    });

    ctx.setPhase('sweep');
    store.transaction(() => {
      ctx.removed += store.roleSyncRequests.sweepUnseen({ statuses: ALL_REQUEST_STATUSES }, runId);
      store.syncState.deleteByPrefix(`checkpoint:${runId}:`);
      store.syncRuns.finish(runId, { outcome: 'succeeded', counts: { ...ctx.counts() } });
    });
    changes.push(...observeMappedRoles(store));
    ctx.setPhase('done');
    return { summary: summary('ok'), changes };
  } catch (error) {
    const cancelled = isCancellation(error);
    const syncError = cancelled ? undefined : toSyncError(error);
    store.syncState.deleteByPrefix(`checkpoint:${runId}:`);
    store.syncRuns.finish(runId, {
      outcome: cancelled ? 'cancelled' : 'failed',
      counts: { ...ctx.counts() },
      error: syncError?.message ?? null,
    });
    return {
      summary: summary(
        cancelled ? 'cancelled' : 'failed',
        syncError === undefined ? {} : { error: syncError },
      ),
      changes,
    };
  }
}
