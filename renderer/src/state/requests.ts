/** The custom-role sync queue as the Custom roles view shows it: a window, filtered by status. */
import { create } from 'zustand';
import type { ApiError, RequestRow, SyncRun } from '../../../preload/api';
import { settle } from './call';
import { useSync } from './sync';

export type RequestStatus = 'pending' | 'in_progress' | 'synced' | 'mapped';

interface RequestsState {
  /** Empty: every status. */
  statuses: RequestStatus[];
  offset: number;
  limit: number;
  rows: RequestRow[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  /** The last successful queue sync among the recent runs, for "as of". */
  lastQueueSync: SyncRun | null;
  setStatuses(statuses: RequestStatus[]): void;
  setOffset(offset: number): void;
  load(): Promise<void>;
  refreshQueue(): Promise<void>;
}

export const useRequests = create<RequestsState>((set, get) => {
  let request = 0;
  return {
    statuses: [],
    offset: 0,
    limit: 25,
    rows: [],
    total: 0,
    loaded: false,
    loading: false,
    error: null,
    lastQueueSync: null,
    setStatuses: (statuses) => set({ statuses, offset: 0 }),
    setOffset: (offset) => set({ offset }),
    async load() {
      const mine = ++request;
      const { statuses, offset, limit } = get();
      set({ loading: true });
      const [list, runs] = await Promise.all([
        settle(
          window.gemConsole.requests.list({ offset, limit, ...(statuses.length > 0 ? { statuses } : {}) }),
        ),
        // requests.list carries no "as of": the newest successful queue sync among recent runs stands in.
        settle(window.gemConsole.sync.runs({ offset: 0, limit: 100 })),
      ]);
      if (mine !== request) return;
      const lastQueueSync =
        runs.value?.rows.find((run) => run.scope === 'requests' && run.outcome === 'succeeded') ?? null;
      if (list.value) {
        set({
          rows: list.value.rows,
          total: list.value.total,
          loaded: true,
          loading: false,
          error: null,
          lastQueueSync,
        });
      } else set({ loading: false, error: list.error, lastQueueSync });
    },
    async refreshQueue() {
      await useSync.getState().runFull({ scope: 'requests' });
      await get().load();
    },
  };
});
