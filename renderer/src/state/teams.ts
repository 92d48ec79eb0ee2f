/**
 * Teams as the console shows them: a filtered window of the cached teams, the team the user selected (shared by
 * the Members and Mappings views), and that team's overview.
 */
import { create } from 'zustand';
import type { ApiError, TeamOverview, TeamListRow } from '../../../preload/api';
import { settle } from './call';
import { useSync } from './sync';

export interface TeamFilters {
  text: string;
  scim: 'any' | 'enabled' | 'disabled';
  pinnedOnly: boolean;
}

export interface SelectedTeam {
  id: string;
  name: string;
}

interface TeamsState {
  selectedTeam: SelectedTeam | null;
  filters: TeamFilters;
  offset: number;
  limit: number;
  rows: TeamListRow[];
  total: number;
  /** True once the first answer arrived: distinguishes "loading" from "the cache has no teams". */
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  overview: TeamOverview | null;
  overviewLoading: boolean;
  overviewError: ApiError | null;
  actionError: ApiError | null;
  setFilters(patch: Partial<TeamFilters>): void;
  setOffset(offset: number): void;
  load(): Promise<void>;
  select(team: SelectedTeam | null): void;
  loadOverview(): Promise<void>;
  pin(teamId: string, pinned: boolean): Promise<void>;
  syncTeam(teamId: string): Promise<void>;
  syncQueue(): Promise<void>;
}

export const useTeams = create<TeamsState>((set, get) => {
  // Answers can arrive out of order (typing in the filter); only the latest request may write the list.
  let listRequest = 0;
  let overviewRequest = 0;
  return {
    selectedTeam: null,
    filters: { text: '', scim: 'any', pinnedOnly: false },
    offset: 0,
    limit: 25,
    rows: [],
    total: 0,
    loaded: false,
    loading: false,
    error: null,
    overview: null,
    overviewLoading: false,
    overviewError: null,
    actionError: null,
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, offset: 0 })),
    setOffset: (offset) => set({ offset }),
    async load() {
      const request = ++listRequest;
      const { filters, offset, limit } = get();
      set({ loading: true });
      const text = filters.text.trim();
      const { value, error } = await settle(
        window.gemConsole.teams.list({
          offset,
          limit,
          sort: 'name',
          ...(text === '' ? {} : { text }),
          ...(filters.scim === 'any' ? {} : { scim: filters.scim }),
          ...(filters.pinnedOnly ? { pinned: true } : {}),
        }),
      );
      if (request !== listRequest) return;
      if (value) set({ rows: value.rows, total: value.total, loaded: true, loading: false, error: null });
      else set({ loading: false, error });
    },
    select(team) {
      if (team?.id === get().selectedTeam?.id) return;
      set({ selectedTeam: team, overview: null, overviewError: null, actionError: null });
      if (team) void get().loadOverview();
    },
    async loadOverview() {
      const team = get().selectedTeam;
      if (!team) return;
      const request = ++overviewRequest;
      set({ overviewLoading: true });
      const { value, error } = await settle(window.gemConsole.teams.overview({ teamId: team.id }));
      if (request !== overviewRequest) return;
      if (value) {
        set({
          overview: value,
          overviewLoading: false,
          overviewError: null,
          selectedTeam: { id: value.team.id, name: value.team.name },
        });
      } else set({ overviewLoading: false, overviewError: error });
    },
    async pin(teamId, pinned) {
      const { error } = await settle(window.gemConsole.teams.pin({ teamId, pinned }));
      set({ actionError: error });
      await Promise.all([get().load(), get().loadOverview()]);
    },
    async syncTeam(teamId) {
      set({ actionError: null });
      // Through the shared sync store, so Activity and every "sync running" gate see this run too.
      await useSync.getState().runFull({ teamId });
      await Promise.all([get().load(), get().loadOverview()]);
    },
    async syncQueue() {
      set({ actionError: null });
      await useSync.getState().runFull({ scope: 'requests' });
      await get().load();
    },
  };
});
