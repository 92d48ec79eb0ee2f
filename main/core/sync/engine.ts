/**
 * The sync engine (design §6): full syncs by scope, incremental syncs from the Events API, mass-change alarms and
 * their confirmation, cancellation and progress. One engine per profile store; hosts call it from the core worker.
 *
 * Concurrency rules:
 * - one full sync per team at a time (a second request for the same team joins the running one);
 * - independent teams sync side by side, at most `concurrency` at once (scope `pinned`); pacing is the clients'
 *   business (shared rate limiters), so concurrency never breaks a limit;
 * - an incremental sync waits for running full syncs, and runs one at a time.
 */
import { AppError } from '../errors';
import { systemClock } from '../net/clock';
import { mapWithConcurrency } from './concurrency';
import type { EngineDeps } from './engine-deps';
import { ensureEventsBaseline } from './events-cursor';
import { syncIncremental } from './incremental-sync';
import { syncRequests } from './requests-sync';
import { storedOutcome } from './run-context';
import { syncTeamFull } from './team-full-sync';
import type {
  FullSyncOptions,
  FullSyncTarget,
  IncrementalSyncOptions,
  ProgressListener,
  SyncLog,
  SyncOutcome,
  SyncProgress,
  SyncSummary,
} from './types';
import type { GemAdminClient } from '../gem/client';
import type { Store } from '../store';
import type { WorkosClient } from '../workos/client';

export interface SyncEngineOptions {
  store: Store;
  workos: WorkosClient;
  gem: GemAdminClient;
  /** Wall clock in epoch ms (default Date.now): event retention, baselines. */
  clock?: () => number;
  /** Share of a team's members or directory users a sync may drop without confirmation (default 0.2). */
  massChangeThreshold?: number;
  /** Teams synced at once in scopes `pinned` and `requests` (default 2). */
  concurrency?: number;
  /** WorkOS event retention assumed for the cursor (default 30 days: the shorter of the two documented figures). */
  eventRetentionMs?: number;
  onProgress?: ProgressListener;
  log?: SyncLog;
}

export interface SyncEngine {
  runFull(target: FullSyncTarget, options?: FullSyncOptions): Promise<SyncSummary>;
  runIncremental(options?: IncrementalSyncOptions): Promise<SyncSummary>;
  /** Confirms the mass-change alarm of a run (`alarm.alarmId`) and lets that run sweep. */
  confirmAlarm(alarmId: number): Promise<SyncSummary>;
  /** Cancels a running run (a `pinned` run cancels its teams); false when it is not running here. */
  cancel(runId: number): boolean;
  /** Adds a progress listener; returns its removal. */
  onProgress(listener: ProgressListener): () => void;
  /** Ids of the runs going on now. */
  runningRunIds(): number[];
}

export const DEFAULT_EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const silentLog: SyncLog = { info: () => undefined, warn: () => undefined };

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store } = options;
  const listeners = new Set<ProgressListener>();
  if (options.onProgress !== undefined) listeners.add(options.onProgress);
  const log = options.log ?? silentLog;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const deps: EngineDeps = {
    store,
    workos: options.workos,
    gem: options.gem,
    wallNow: options.clock ?? Date.now,
    monotonicNow: () => systemClock.now(),
    massChangeThreshold: options.massChangeThreshold ?? 0.2,
    eventRetentionMs: options.eventRetentionMs ?? DEFAULT_EVENT_RETENTION_MS,
    log,
    emit: (progress: SyncProgress) => {
      for (const listener of listeners) {
        try {
          listener(progress);
        } catch (error) {
          log.warn(
            `A sync progress listener failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    },
  };

  // Runs left `running` by a process that ended are interrupted; their checkpoints let the next run resume.
  store.syncRuns.markRunningAsInterrupted();

  const controllers = new Map<number, AbortController>();
  const teamRuns = new Map<string, Promise<SyncSummary>>();
  let incremental: Promise<SyncSummary> | null = null;

  /** A controller for a run that also fires when `outer` does; registered under the run id once it is known. */
  function controllerFor(outer: AbortSignal | undefined): {
    signal: AbortSignal;
    register: (runId: number) => void;
    release: () => void;
  } {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (outer?.aborted === true) controller.abort();
    outer?.addEventListener('abort', abort, { once: true });
    let registered: number | null = null;
    return {
      signal: controller.signal,
      register: (runId) => {
        registered = runId;
        controllers.set(runId, controller);
      },
      release: () => {
        outer?.removeEventListener('abort', abort);
        if (registered !== null) controllers.delete(registered);
      },
    };
  }

  function fullTeam(teamId: string, fullOptions: FullSyncOptions): Promise<SyncSummary> {
    const running = teamRuns.get(teamId);
    if (running !== undefined) return running;
    const control = controllerFor(fullOptions.signal);
    // Every full sync may be the first: set the events baseline before listing, so nothing falls in between.
    ensureEventsBaseline(store, deps.wallNow());
    const run = syncTeamFull(
      deps,
      teamId,
      { ...fullOptions, signal: control.signal },
      control.register,
    ).finally(() => {
      control.release();
      teamRuns.delete(teamId);
    });
    teamRuns.set(teamId, run);
    return run;
  }

  async function pinnedTeamIds(signal: AbortSignal): Promise<string[]> {
    const ids = new Set(store.teams.pinnedIds());
    let cursor: string | null = null;
    do {
      if (signal.aborted) break;
      const after: string | null = cursor;
      const page = await options.gem.listTeams({
        csmIsMe: true,
        limit: 200,
        ...(after === null ? {} : { cursor: after }),
      });
      for (const team of page.data) ids.add(team.id);
      cursor = page.next_cursor;
    } while (cursor !== null);
    return [...ids].sort();
  }

  async function fullPinned(fullOptions: FullSyncOptions): Promise<SyncSummary> {
    const control = controllerFor(fullOptions.signal);
    const run = store.syncRuns.start({ scope: 'pinned', kind: 'full' });
    control.register(run.id);
    const counts = { pages: 0, items: 0, removed: 0, requests: 1 };
    try {
      let teamIds: string[];
      try {
        teamIds = await pinnedTeamIds(control.signal);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = error instanceof AppError ? error.code : 'internal';
        store.syncRuns.finish(run.id, { outcome: 'failed', counts, error: message });
        return {
          runId: run.id,
          scope: 'pinned',
          kind: 'full',
          teamId: null,
          outcome: 'failed',
          counts,
          error: { code, message },
        };
      }
      const teams = await mapWithConcurrency(teamIds, concurrency, (teamId) =>
        fullTeam(teamId, { ...fullOptions, signal: control.signal }),
      );
      for (const team of teams) {
        counts.pages += team.counts.pages;
        counts.items += team.counts.items;
        counts.removed += team.counts.removed;
        counts.requests += team.counts.requests;
      }
      const outcome = worstOutcome(teams.map((t) => t.outcome));
      const firstError = teams.find((t) => t.error !== undefined)?.error;
      const firstAlarm = teams.find((t) => t.alarm !== undefined)?.alarm;
      store.syncRuns.finish(run.id, {
        outcome: storedOutcome(outcome) === 'awaiting_confirmation' ? 'failed' : storedOutcome(outcome),
        counts: { ...counts, teams: teams.map((t) => t.runId) },
        error:
          firstError?.message ?? (firstAlarm === undefined ? null : 'A team raised the mass-change alarm.'),
      });
      return {
        runId: run.id,
        scope: 'pinned',
        kind: 'full',
        teamId: null,
        outcome,
        counts,
        teams,
        ...(firstError === undefined ? {} : { error: firstError }),
        ...(firstAlarm === undefined ? {} : { alarm: firstAlarm }),
      };
    } finally {
      control.release();
    }
  }

  async function fullRequests(fullOptions: FullSyncOptions): Promise<SyncSummary> {
    const control = controllerFor(fullOptions.signal);
    try {
      const result = await syncRequests(deps, { signal: control.signal, concurrency }, control.register);
      return result.summary;
    } finally {
      control.release();
    }
  }

  const engine: SyncEngine = {
    runFull(target, fullOptions = {}) {
      if ('teamId' in target) {
        if (target.teamId.trim() === '')
          return Promise.reject(new AppError('invalid_input', 'Sync: a team id is required.'));
        return fullTeam(target.teamId, fullOptions);
      }
      if (target.scope === 'requests') return fullRequests(fullOptions);
      if (target.scope === 'pinned') return fullPinned(fullOptions);
      return Promise.reject(new AppError('invalid_input', 'Sync: unknown scope.'));
    },

    runIncremental(incrementalOptions = {}) {
      if (incremental !== null) return incremental;
      const control = controllerFor(incrementalOptions.signal);
      incremental = (async () => {
        await Promise.allSettled([...teamRuns.values()]);
        return syncIncremental(
          deps,
          { signal: control.signal },
          (teamId) => fullTeam(teamId, { signal: control.signal }),
          control.register,
        );
      })().finally(() => {
        control.release();
        incremental = null;
      });
      return incremental;
    },

    async confirmAlarm(alarmId) {
      const run = store.syncRuns.get(alarmId);
      if (run === null || run.teamId === null || run.outcome !== 'awaiting_confirmation') {
        throw new AppError(
          'not_found',
          `Sync: run ${alarmId} is not waiting for a mass-change confirmation.`,
        );
      }
      store.auditLog.append({
        actor: 'local-user',
        action: 'sync.mass_change_confirmed',
        teamId: run.teamId,
        subject: String(alarmId),
        details: { alarm: run.counts['alarm'] ?? null },
      });
      // The run resumes at its sweep (its checkpoints are there): what the user saw is what gets dropped.
      return fullTeam(run.teamId, { confirmMassChange: true });
    },

    cancel(runId) {
      const controller = controllers.get(runId);
      if (controller === undefined) return false;
      controller.abort();
      return true;
    },

    onProgress(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    runningRunIds: () => [...controllers.keys()].sort((a, b) => a - b),
  };
  return engine;
}

const OUTCOME_RANK: Record<SyncOutcome, number> = { ok: 0, alarm: 1, cancelled: 2, failed: 3 };

function worstOutcome(outcomes: readonly SyncOutcome[]): SyncOutcome {
  return outcomes.reduce<SyncOutcome>(
    (worst, o) => (OUTCOME_RANK[o] > OUTCOME_RANK[worst] ? o : worst),
    'ok',
  );
}
