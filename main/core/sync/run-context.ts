/**
 * One run's live bookkeeping: counts, phase, progress events and cancellation. Every API call of the run goes
 * through `call`, which refuses to start (or to hand back an answer) once the run is cancelled, so nothing is
 * written after a cancel.
 */
import { AppError, isAppError } from '../errors';
import type {
  SyncCounts,
  SyncError,
  SyncKind,
  SyncOutcome,
  SyncPhase,
  SyncProgress,
  SyncScope,
} from './types';

/** Thrown inside a run when its signal fired; becomes outcome `cancelled`. */
export class SyncCancelled extends Error {
  constructor() {
    super('The sync was cancelled.');
    this.name = 'SyncCancelled';
  }
}

export interface RunInfo {
  runId: number;
  scope: SyncScope;
  kind: SyncKind;
  teamId: string | null;
}

export interface RunContextOptions {
  emit: (progress: SyncProgress) => void;
  /** Monotonic milliseconds, for the rate. */
  monotonicNow: () => number;
  signal: AbortSignal;
  /** Rows the run expects in all, when known. */
  expectedTotal?: number | null;
}

interface SharedCounters {
  pages: number;
  items: number;
  removed: number;
  requests: number;
  phase: SyncPhase;
  startedAt: number;
  startItems: number;
}

export class RunContext {
  private readonly shared: SharedCounters;

  constructor(
    readonly info: RunInfo,
    private readonly options: RunContextOptions,
    initial: { pages?: number; items?: number } | SharedCounters = {},
  ) {
    this.shared =
      'startedAt' in initial
        ? initial
        : {
            pages: initial.pages ?? 0,
            items: initial.items ?? 0,
            removed: 0,
            requests: 0,
            phase: 'gem_team',
            startedAt: options.monotonicNow(),
            startItems: initial.items ?? 0,
          };
  }

  /** The same run (shared counts) under another signal, e.g. one that also fires when a sibling track fails. */
  withSignal(signal: AbortSignal): RunContext {
    return new RunContext(this.info, { ...this.options, signal }, this.shared);
  }

  get signal(): AbortSignal {
    return this.options.signal;
  }

  get phase(): SyncPhase {
    return this.shared.phase;
  }

  get removed(): number {
    return this.shared.removed;
  }

  set removed(value: number) {
    this.shared.removed = value;
  }

  throwIfCancelled(): void {
    if (this.options.signal.aborted) throw new SyncCancelled();
  }

  /** One API call of the run (its retries are the client's business). */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    this.throwIfCancelled();
    this.shared.requests += 1;
    const result = await fn();
    this.throwIfCancelled();
    return result;
  }

  setPhase(phase: SyncPhase): void {
    if (this.shared.phase === phase) return;
    this.shared.phase = phase;
    this.report();
  }

  /** A page was written (pages and items grow); reports progress. */
  wrote(pages: number, items: number): void {
    this.shared.pages += pages;
    this.shared.items += items;
    this.report();
  }

  report(): void {
    const s = this.shared;
    const elapsedSeconds = Math.max(0.001, (this.options.monotonicNow() - s.startedAt) / 1000);
    const rate = (s.items - s.startItems) / elapsedSeconds;
    const total = this.options.expectedTotal ?? null;
    const left = total === null ? null : Math.max(0, total - s.items);
    this.options.emit({
      ...this.info,
      phase: s.phase,
      pages: s.pages,
      items: s.items,
      rate: Math.round(rate * 10) / 10,
      total,
      etaSeconds: left === null || rate <= 0 ? null : Math.ceil(left / rate),
    });
  }

  counts(): SyncCounts {
    const s = this.shared;
    return { pages: s.pages, items: s.items, removed: s.removed, requests: s.requests };
  }
}

/** An error as the summary and `sync_runs.error` carry it: the client's message already names service and call. */
export function toSyncError(error: unknown): SyncError {
  if (isAppError(error)) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Sync failed: ${message}` };
}

export function isCancellation(error: unknown): boolean {
  return error instanceof SyncCancelled;
}

/** The `sync_runs.outcome` for a summary outcome. */
export function storedOutcome(
  outcome: SyncOutcome,
): 'succeeded' | 'failed' | 'cancelled' | 'awaiting_confirmation' {
  switch (outcome) {
    case 'ok':
      return 'succeeded';
    case 'alarm':
      return 'awaiting_confirmation';
    default:
      return outcome;
  }
}

export function invalidTarget(message: string): AppError {
  return new AppError('invalid_input', message);
}
