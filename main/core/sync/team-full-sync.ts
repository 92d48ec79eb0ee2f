/**
 * Full sync of one team (design §6): Gem team, then two tracks side by side — Gem (roles, members) and WorkOS
 * (directories, groups, users, organization roles, connections) — then the mass-change check, the sweep in one
 * transaction, and the inference. A run that stops (error, cancel, crash, alarm) leaves `resume:team:<id>` and its
 * track checkpoints behind; the next full sync of the team continues that run with the same generation.
 */
import { countTeamDirectoryUsers, countTeamMembers, sweepTeamDirectories } from './cache-queries';
import {
  clearRunCheckpoints,
  readGemTrack,
  readWorkosTrack,
  resumableRunId,
  resumeKey,
  trackKey,
  type GemTrack,
  type WorkosTrack,
} from './checkpoints';
import { refreshTeamInference } from './directory-inference';
import type { EngineDeps } from './engine-deps';
import { recordMembersListed } from './gem-members-since';
import { runGemTrack } from './gem-track';
import { checkMassChange } from './mass-change';
import { observeMappedRoles } from './observe-mapped';
import { isCancellation, RunContext, storedOutcome, toSyncError } from './run-context';
import { teamRow } from './to-store-rows';
import type { FullSyncOptions, MassChangeAlarm, SyncSummary } from './types';
import { runWorkosTrack } from './workos-track';

const FRESH_GEM_TRACK: GemTrack = { phase: 'gem_roles', cursor: null, deactivated: 0, pages: 0, items: 0 };

function freshWorkosTrack(linked: boolean): WorkosTrack {
  return {
    phase: linked ? 'directories' : 'sweep',
    cursor: null,
    directoryIds: [],
    directoryIndex: 0,
    deactivated: 0,
    pages: 0,
    items: 0,
  };
}

/** Starts a new run or takes up the team's interrupted one; returns its id and whether it resumed. */
function startOrResume(deps: EngineDeps, teamId: string): { runId: number; resumed: boolean } {
  const { store } = deps;
  const existing = resumableRunId(store, teamId);
  if (existing !== null) {
    store.syncRuns.finish(existing, { outcome: 'running', error: null });
    return { runId: existing, resumed: true };
  }
  const runId = store.transaction(() => {
    const run = store.syncRuns.start({ scope: 'team', kind: 'full', teamId });
    store.syncState.set(resumeKey(teamId), String(run.id));
    return run.id;
  });
  return { runId, resumed: false };
}

export async function syncTeamFull(
  deps: EngineDeps,
  teamId: string,
  options: FullSyncOptions & { signal: AbortSignal },
  onRunStarted?: (runId: number) => void,
): Promise<SyncSummary> {
  const { store } = deps;
  const { runId, resumed } = startOrResume(deps, teamId);
  onRunStarted?.(runId);
  const gemStart = readGemTrack(store, runId);
  const workosStart = readWorkosTrack(store, runId);
  const expected = countTeamMembers(store, teamId) + countTeamDirectoryUsers(store, teamId);
  const ctx = new RunContext(
    { runId, scope: 'team', kind: 'full', teamId },
    {
      emit: deps.emit,
      monotonicNow: deps.monotonicNow,
      signal: options.signal,
      expectedTotal: expected > 0 ? expected : null,
    },
    {
      pages: (gemStart?.pages ?? 0) + (workosStart?.pages ?? 0),
      items: (gemStart?.items ?? 0) + (workosStart?.items ?? 0),
    },
  );
  const summary = (outcome: SyncSummary['outcome'], extra: Partial<SyncSummary> = {}): SyncSummary => ({
    runId,
    scope: 'team',
    kind: 'full',
    teamId,
    outcome,
    counts: ctx.counts(),
    resumed,
    ...extra,
  });

  try {
    let gemTrack = gemStart;
    let workosTrack = workosStart;
    if (gemTrack === null || workosTrack === null) {
      ctx.setPhase('gem_team');
      const row = teamRow(await ctx.call(() => deps.gem.getTeam(teamId)));
      gemTrack = { ...FRESH_GEM_TRACK, pages: 1, items: 1 };
      workosTrack = freshWorkosTrack(row.workosOrganizationId !== null);
      const [gem, workos] = [gemTrack, workosTrack];
      store.transaction(() => {
        store.teams.upsert(row, runId);
        store.syncState.set(trackKey(runId, 'gem'), JSON.stringify(gem));
        store.syncState.set(trackKey(runId, 'workos'), JSON.stringify(workos));
      });
      ctx.wrote(1, 1);
    }
    const team = store.teams.get(teamId);
    if (team === null) throw new Error(`team ${teamId} vanished from the cache during its sync`);
    const organizationId = team.workosOrganizationId;

    const [gemDone, workosDone] = await bothTracks(ctx, [
      (c) => runGemTrack(deps, c, teamId, gemTrack),
      (c) =>
        organizationId === null
          ? Promise.resolve(workosTrack)
          : runWorkosTrack(deps, c, teamId, organizationId, workosTrack),
    ]);

    ctx.setPhase('sweep');
    ctx.throwIfCancelled();
    if (options.confirmMassChange !== true) {
      const alarm = checkMassChange(store, {
        teamId,
        runId,
        deactivatedMembers: gemDone.deactivated,
        deactivatedUsers: workosDone.deactivated,
        threshold: deps.massChangeThreshold,
      });
      if (alarm !== null) return raiseAlarm(deps, ctx, alarm, summary);
    }

    store.transaction(() => {
      ctx.removed += sweepTeam(deps, teamId, organizationId, workosDone.directoryIds, runId);
      clearRunCheckpoints(store, teamId, runId);
      const startedAt = store.syncRuns.get(runId)?.startedAt;
      if (startedAt !== undefined) recordMembersListed(store, teamId, Date.parse(startedAt));
      store.syncRuns.finish(runId, { outcome: 'succeeded', counts: { ...ctx.counts() } });
    });
    ctx.setPhase('inference');
    try {
      refreshTeamInference(store, teamId);
      observeMappedRoles(store, teamId);
    } catch (error) {
      // Derived data: the sync itself succeeded; the next run recomputes it.
      deps.log.warn(`Inference for team ${teamId} failed: ${toSyncError(error).message}`);
    }
    ctx.setPhase('done');
    return summary('ok');
  } catch (error) {
    const cancelled = isCancellation(error);
    const syncError = cancelled ? undefined : toSyncError(error);
    store.syncRuns.finish(runId, {
      outcome: cancelled ? 'cancelled' : 'failed',
      counts: { ...ctx.counts() },
      error: syncError?.message ?? null,
    });
    if (syncError !== undefined) deps.log.warn(`Full sync of team ${teamId} failed: ${syncError.message}`);
    return summary(cancelled ? 'cancelled' : 'failed', syncError === undefined ? {} : { error: syncError });
  }
}

/**
 * Runs the two tracks concurrently. When one fails the other is stopped (its in-flight call finishes but nothing
 * more is written), and both are awaited before the error surfaces, so no write happens after the run has ended.
 */
async function bothTracks(
  ctx: RunContext,
  tracks: [(c: RunContext) => Promise<GemTrack>, (c: RunContext) => Promise<WorkosTrack>],
): Promise<[GemTrack, WorkosTrack]> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const linked = ctx.withSignal(stop.signal);
  try {
    const results = await Promise.allSettled([
      tracks[0](linked).catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
      tracks[1](linked).catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
    ]);
    const [gem, workos] = results;
    // The first real failure wins over the cancellation it caused in the other track.
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown);
    const real = failures.find((f) => !isCancellation(f)) ?? failures[0];
    if (real !== undefined) {
      if (isCancellation(real) && !ctx.signal.aborted) throw new Error('a sync track stopped unexpectedly');
      throw real;
    }
    if (gem.status !== 'fulfilled' || workos.status !== 'fulfilled') throw new Error('unreachable');
    return [gem.value, workos.value];
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

function sweepTeam(
  deps: EngineDeps,
  teamId: string,
  organizationId: string | null,
  directoryIds: readonly string[],
  generation: number,
): number {
  const { store } = deps;
  let removed = store.members.sweepUnseen({ teamId }, generation);
  removed += store.gemRoles.sweepUnseen({ teamId }, generation);
  if (organizationId !== null) {
    for (const directoryId of directoryIds) {
      removed += store.groupMemberships.sweepUnseen({ directoryId }, generation);
      removed += store.directoryUsers.sweepUnseen({ directoryId }, generation);
      removed += store.directoryGroups.sweepUnseen({ directoryId }, generation);
    }
    removed += store.directories.sweepUnseen({ organizationId }, generation);
    removed += store.workosRoles.sweepUnseen({ organizationId }, generation);
    removed += store.ssoConnections.sweepUnseen({ organizationId }, generation);
  }
  removed += sweepTeamDirectories(store, teamId, generation);
  return removed;
}

function raiseAlarm(
  deps: EngineDeps,
  ctx: RunContext,
  alarm: MassChangeAlarm,
  summary: (outcome: SyncSummary['outcome'], extra?: Partial<SyncSummary>) => SyncSummary,
): SyncSummary {
  const { store } = deps;
  const what = alarm.kind === 'members' ? 'Gem members' : 'directory users';
  const percent = Math.round(alarm.share * 100);
  store.transaction(() => {
    store.syncRuns.finish(ctx.info.runId, {
      outcome: storedOutcome('alarm'),
      counts: { ...ctx.counts(), alarm },
      error: null,
    });
    store.notifications.enqueue({
      kind: 'sync_alarm',
      dedupeKey: `sync-alarm:${ctx.info.runId}`,
      teamId: alarm.teamId,
      title: 'Sync paused: mass change',
      body:
        `This sync would remove or deactivate ${alarm.wouldRemove} of ${alarm.total} ${what} ` +
        `(${percent}%) of team ${alarm.teamId}. Nothing was dropped; confirm to apply it.`,
    });
  });
  deps.log.warn(
    `Full sync of team ${alarm.teamId} paused by the mass-change alarm (${percent}% of ${what}).`,
  );
  return summary('alarm', { alarm });
}
