/** Syncs as the UI sees them: the runs on record, the live progress of running ones, and alarms to confirm. */
import { create } from 'zustand';
import type { ApiError, SyncProgress, SyncRun, SyncSummary } from '../../../preload/api';
import { settle } from './call';

interface SyncState {
  runs: SyncRun[];
  total: number;
  progress: Record<number, SyncProgress>;
  lastSummary: SyncSummary | null;
  pendingAlarm: SyncSummary | null;
  busy: boolean;
  error: ApiError | null;
  loadRuns(): Promise<void>;
  runFull(target: { teamId: string } | { scope: 'requests' | 'pinned' }): Promise<void>;
  runIncremental(): Promise<void>;
  confirmAlarm(): Promise<void>;
  cancel(runId: number): Promise<void>;
  listen(): () => void;
}

export const useSync = create<SyncState>((set, get) => {
  async function finish(pending: ReturnType<typeof settle<SyncSummary>>): Promise<void> {
    set({ busy: true, error: null });
    const { value, error } = await pending;
    set({
      busy: false,
      error,
      lastSummary: value,
      pendingAlarm: value?.outcome === 'alarm' ? value : get().pendingAlarm,
    });
    await get().loadRuns();
  }
  return {
    runs: [],
    total: 0,
    progress: {},
    lastSummary: null,
    pendingAlarm: null,
    busy: false,
    error: null,
    async loadRuns() {
      const { value, error } = await settle(window.gemConsole.sync.runs({ offset: 0, limit: 50 }));
      if (value) set({ runs: value.rows, total: value.total });
      else set({ error });
    },
    runFull: (target) => finish(settle(window.gemConsole.sync.full({ ...target, confirmMassChange: false }))),
    runIncremental: () => finish(settle(window.gemConsole.sync.incremental({}))),
    async confirmAlarm() {
      const alarm = get().pendingAlarm?.alarm;
      if (!alarm) return;
      set({ pendingAlarm: null });
      await finish(settle(window.gemConsole.sync.confirmAlarm({ alarmId: alarm.alarmId })));
    },
    async cancel(runId) {
      await settle(window.gemConsole.sync.cancel({ runId }));
    },
    listen() {
      const stopProgress = window.gemConsole.on.sync.progress((p) =>
        set((s) => ({ progress: { ...s.progress, [p.runId]: p } })),
      );
      const stopFinished = window.gemConsole.on.sync.finished((summary) => {
        set((s) => ({
          progress: Object.fromEntries(
            Object.entries(s.progress).filter(([runId]) => Number(runId) !== summary.runId),
          ),
          pendingAlarm: summary.outcome === 'alarm' ? summary : s.pendingAlarm,
        }));
        void get().loadRuns();
      });
      return () => {
        stopProgress();
        stopFinished();
      };
    },
  };
});
