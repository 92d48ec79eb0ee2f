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
  /** The last action's outcome, per request (`teamId/roleSlug`), for the row that asked. */
  outcomes: Record<string, { kind: 'ok' | 'error'; text: string }>;
  acting: string | null;
  act(
    row: Pick<RequestRow, 'teamId' | 'roleSlug' | 'roleName'>,
    action: 'claim' | 'release' | 'complete',
  ): Promise<void>;
}

export const requestKey = (row: Pick<RequestRow, 'teamId' | 'roleSlug'>): string =>
  `${row.teamId}/${row.roleSlug}`;

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
    outcomes: {},
    acting: null,
    async act(row, action) {
      const key = requestKey(row);
      const input = { teamId: row.teamId, roleSlug: row.roleSlug };
      set({ acting: key });
      let outcome: { kind: 'ok' | 'error'; text: string };
      if (action === 'complete') {
        const { value, error } = await settle(window.gemConsole.requests.complete(input));
        outcome = value
          ? {
              kind: 'ok',
              text:
                `${value.alreadyExisted ? 'WorkOS already had' : 'Created'} ${value.workosRoleSlug} and recorded it in Gem; ` +
                `the CSM is told it is ready to map.${value.warning ? ` ${value.warning}` : ''}`,
            }
          : { kind: 'error', text: error.message };
      } else {
        const call =
          action === 'claim' ? window.gemConsole.requests.claim : window.gemConsole.requests.release;
        const { value, error } = await settle(call(input));
        outcome = value
          ? {
              kind: 'ok',
              text: action === 'claim' ? `Claimed ${row.roleName}.` : `Released ${row.roleName}.`,
            }
          : { kind: 'error', text: error.message };
      }
      set((s) => ({ acting: null, outcomes: { ...s.outcomes, [key]: outcome } }));
      await get().load();
    },
  };
});
