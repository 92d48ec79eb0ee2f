/**
 * At most one progress event per run every `intervalMs` (250 ms → ≤ 4/s): the first of a burst goes out at once,
 * the latest of the rest goes out when the interval ends. A phase change, or `done`, is never held back.
 */
import type { ProgressListener, SyncProgress } from './types';

export interface ProgressThrottle {
  push(progress: SyncProgress): void;
  /** Drops pending events and timers. */
  close(): void;
}

export function createProgressThrottle(emit: ProgressListener, intervalMs = 250): ProgressThrottle {
  const state = new Map<
    number,
    { lastAt: number; lastPhase: string; pending: SyncProgress | null; timer: NodeJS.Timeout | null }
  >();
  const send = (progress: SyncProgress) => {
    const entry = state.get(progress.runId);
    if (entry !== undefined) {
      entry.lastAt = Date.now();
      entry.lastPhase = progress.phase;
      entry.pending = null;
    }
    emit(progress);
  };
  return {
    push(progress) {
      let entry = state.get(progress.runId);
      if (entry === undefined) {
        entry = { lastAt: 0, lastPhase: '', pending: null, timer: null };
        state.set(progress.runId, entry);
      }
      const phaseChanged = progress.phase !== entry.lastPhase;
      const wait = entry.lastAt + intervalMs - Date.now();
      if (phaseChanged || wait <= 0) {
        if (entry.timer !== null) clearTimeout(entry.timer);
        entry.timer = null;
        send(progress);
        if (progress.phase === 'done') state.delete(progress.runId);
        return;
      }
      entry.pending = progress;
      if (entry.timer === null) {
        const held = entry;
        held.timer = setTimeout(() => {
          held.timer = null;
          if (held.pending !== null) send(held.pending);
        }, wait);
      }
    },
    close() {
      for (const entry of state.values()) if (entry.timer !== null) clearTimeout(entry.timer);
      state.clear();
    },
  };
}
