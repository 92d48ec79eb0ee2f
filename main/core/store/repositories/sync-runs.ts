import { readWindow, type Window, type WindowRequest } from '../window';
import { parseJsonObject, type RepositoryContext } from './context';

export type SyncRunKind = 'full' | 'incremental';
/** `interrupted`: the process ended while the run was going; `awaiting_confirmation`: the mass-change alarm. */
export type SyncRunOutcome =
  'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted' | 'awaiting_confirmation';

export interface SyncRun {
  /** Also the generation the run marks rows with: ids are never reused (AUTOINCREMENT), so it only grows. */
  id: number;
  scope: string;
  kind: SyncRunKind;
  teamId: string | null;
  startedAt: string;
  endedAt: string | null;
  counts: Record<string, unknown>;
  outcome: SyncRunOutcome;
  error: string | null;
}

export type SyncRunSort = 'started_at' | 'ended_at' | 'outcome' | 'scope';

export interface SyncRunFilters {
  teamId?: string;
  scope?: string;
  kind?: SyncRunKind;
  outcome?: SyncRunOutcome;
}

interface RawRun {
  id: number;
  scope: string;
  kind: SyncRunKind;
  team_id: string | null;
  started_at: string;
  ended_at: string | null;
  counts_json: string;
  outcome: SyncRunOutcome;
  error: string | null;
}

const COLUMNS = 'id, scope, kind, team_id, started_at, ended_at, counts_json, outcome, error';

function toRun(raw: RawRun): SyncRun {
  return {
    id: raw.id,
    scope: raw.scope,
    kind: raw.kind,
    teamId: raw.team_id,
    startedAt: raw.started_at,
    endedAt: raw.ended_at,
    counts: parseJsonObject(raw.counts_json),
    outcome: raw.outcome,
    error: raw.error,
  };
}

export function createSyncRunsRepository(context: RepositoryContext) {
  const { statements } = context;

  function get(id: number): SyncRun | null {
    const raw = statements.get<RawRun>(`SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`).get(id);
    return raw === undefined ? null : toRun(raw);
  }

  return {
    get,
    /** Records a new run as `running`; its id is the generation for the rows it writes. */
    start(run: { scope: string; kind: SyncRunKind; teamId?: string | null }): SyncRun {
      const id = statements
        .value<number>(
          `INSERT INTO sync_runs (scope, kind, team_id, started_at, outcome) VALUES (?, ?, ?, ?, 'running') RETURNING id`,
        )
        .get(run.scope, run.kind, run.teamId ?? null, context.now());
      if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
      const started = get(id);
      if (started === null) throw new Error(`sync run ${id} vanished`);
      return started;
    },
    updateCounts(id: number, counts: Record<string, unknown>): void {
      statements.get('UPDATE sync_runs SET counts_json = ? WHERE id = ?').run(JSON.stringify(counts), id);
    },
    /** Sets the outcome; any outcome but `running`/`awaiting_confirmation` also sets `ended_at`. */
    finish(
      id: number,
      result: { outcome: SyncRunOutcome; counts?: Record<string, unknown>; error?: string | null },
    ): void {
      const ended =
        result.outcome === 'running' || result.outcome === 'awaiting_confirmation' ? null : context.now();
      statements
        .get(
          'UPDATE sync_runs SET outcome = ?, ended_at = ?, counts_json = coalesce(?, counts_json), error = ? WHERE id = ?',
        )
        .run(
          result.outcome,
          ended,
          result.counts === undefined ? null : JSON.stringify(result.counts),
          result.error ?? null,
          id,
        );
    },
    /** At start-up: runs left `running` by a process that ended; they become `interrupted` and can be resumed. */
    markRunningAsInterrupted(): SyncRun[] {
      const raws = statements
        .get<RawRun>(
          `UPDATE sync_runs SET outcome = 'interrupted', ended_at = ? WHERE outcome = 'running' RETURNING ${COLUMNS}`,
        )
        .all(context.now());
      return raws.map(toRun);
    },
    /** The last succeeded run of a scope (for "as of <last successful sync>"). */
    lastSucceeded(scope: string): SyncRun | null {
      const raw = statements
        .get<RawRun>(
          `SELECT ${COLUMNS} FROM sync_runs WHERE outcome = 'succeeded' AND scope = ? ORDER BY started_at DESC, id DESC LIMIT 1`,
        )
        .get(scope);
      return raw === undefined ? null : toRun(raw);
    },
    list(filters: SyncRunFilters = {}, window: WindowRequest<SyncRunSort> = {}): Window<SyncRun> {
      const where: string[] = [];
      const values: unknown[] = [];
      for (const [column, value] of [
        ['team_id', filters.teamId],
        ['scope', filters.scope],
        ['kind', filters.kind],
        ['outcome', filters.outcome],
      ] as const) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        values.push(value);
      }
      return readWindow(
        statements,
        {
          list: 'sync runs',
          select: COLUMNS,
          from: 'sync_runs',
          where,
          params: values,
          sortColumns: { started_at: 'started_at', ended_at: 'ended_at', outcome: 'outcome', scope: 'scope' },
          defaultSort: 'started_at',
          defaultDirection: 'desc',
          tieBreaker: 'id',
        },
        window,
        toRun,
      );
    },
  };
}

export type SyncRunsRepository = ReturnType<typeof createSyncRunsRepository>;
