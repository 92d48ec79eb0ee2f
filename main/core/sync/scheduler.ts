/**
 * Background sync (design §6): an incremental sync every `intervalMs` while online, full syncs on demand,
 * cancellation, and throttled progress for push events. Never two scheduled runs at once: a tick that finds the
 * previous run still going is skipped.
 */
import type { SyncEngine } from './engine';
import { createProgressThrottle } from './progress-throttle';
import type { FullSyncOptions, FullSyncTarget, ProgressListener, SyncSummary } from './types';

export interface SyncSchedulerOptions {
  /** Between incremental syncs (e.g. 5 minutes). */
  intervalMs: number;
  isOnline: () => boolean;
  /** Progress at most every `progressIntervalMs` per run (default 250 ms, i.e. ≤ 4/s). */
  onProgress?: ProgressListener;
  progressIntervalMs?: number;
  /** Every finished run, scheduled or on demand. */
  onResult?: (summary: SyncSummary) => void;
  onError?: (error: unknown) => void;
}

export interface SyncScheduler {
  start(): void;
  /** Stops the timer and cancels what the scheduler started. */
  stop(): void;
  /** One incremental sync now (skipped, returning null, when offline). */
  tick(): Promise<SyncSummary | null>;
  runFull(target: FullSyncTarget, options?: FullSyncOptions): Promise<SyncSummary>;
  cancel(runId: number): boolean;
  readonly running: boolean;
}

export function createSyncScheduler(engine: SyncEngine, options: SyncSchedulerOptions): SyncScheduler {
  const throttle = createProgressThrottle((p) => options.onProgress?.(p), options.progressIntervalMs);
  const unsubscribe = engine.onProgress((p) => throttle.push(p));
  let timer: NodeJS.Timeout | null = null;
  let stopped = new AbortController();
  let inFlight: Promise<SyncSummary | null> | null = null;

  const report = (summary: SyncSummary): SyncSummary => {
    options.onResult?.(summary);
    return summary;
  };

  const tick = (): Promise<SyncSummary | null> => {
    if (inFlight !== null) return inFlight;
    if (!options.isOnline()) return Promise.resolve(null);
    inFlight = engine
      .runIncremental({ signal: stopped.signal })
      .then(report)
      .catch((error: unknown) => {
        options.onError?.(error);
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    start() {
      if (timer !== null) return;
      if (stopped.signal.aborted) stopped = new AbortController();
      timer = setInterval(() => void tick(), options.intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      stopped.abort();
      throttle.close();
      unsubscribe();
    },
    tick,
    async runFull(target, fullOptions = {}) {
      const signals = [stopped.signal, ...(fullOptions.signal === undefined ? [] : [fullOptions.signal])];
      return report(await engine.runFull(target, { ...fullOptions, signal: AbortSignal.any(signals) }));
    },
    cancel: (runId) => engine.cancel(runId),
    get running() {
      return timer !== null;
    },
  };
}
