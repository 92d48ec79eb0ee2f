/**
 * The selected team's IdP groups with their inferred Gem-role mappings, and the default role the inference
 * assumes (which an admin may pin: WorkOS does not expose it).
 */
import { create } from 'zustand';
import type { ApiError, DefaultRole, GroupRow } from '../../../preload/api';
import { settle } from './call';

export type { DefaultRole };

interface MappingsState {
  teamId: string | null;
  offset: number;
  limit: number;
  rows: GroupRow[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  defaultRole: DefaultRole | null;
  defaultRoleError: ApiError | null;
  saving: boolean;
  setOffset(offset: number): void;
  load(teamId: string): Promise<void>;
  loadDefaultRole(teamId: string): Promise<void>;
  setDefaultRole(teamId: string, roleSlug: string | null): Promise<void>;
}

export const useMappings = create<MappingsState>((set, get) => {
  let groupsRequest = 0;
  let defaultRequest = 0;
  return {
    teamId: null,
    offset: 0,
    limit: 25,
    rows: [],
    total: 0,
    loaded: false,
    loading: false,
    error: null,
    defaultRole: null,
    defaultRoleError: null,
    saving: false,
    setOffset: (offset) => set({ offset }),
    async load(teamId) {
      if (get().teamId !== teamId) {
        set({
          teamId,
          offset: 0,
          rows: [],
          total: 0,
          loaded: false,
          defaultRole: null,
          defaultRoleError: null,
        });
      }
      const request = ++groupsRequest;
      const { offset, limit } = get();
      set({ loading: true });
      const { value, error } = await settle(
        window.gemConsole.mappings.groups({ teamId, offset, limit, sort: 'name' }),
      );
      if (request !== groupsRequest) return;
      if (value) set({ rows: value.rows, total: value.total, loaded: true, loading: false, error: null });
      else set({ loading: false, error });
    },
    async loadDefaultRole(teamId) {
      const request = ++defaultRequest;
      const { value, error } = await settle(window.gemConsole.mappings.defaultRole({ teamId }));
      if (request !== defaultRequest) return;
      set({ defaultRole: value, defaultRoleError: error });
    },
    async setDefaultRole(teamId, roleSlug) {
      const request = ++defaultRequest;
      set({ saving: true });
      const { value, error } = await settle(window.gemConsole.mappings.setDefaultRole({ teamId, roleSlug }));
      if (request === defaultRequest) {
        set(value ? { defaultRole: value, defaultRoleError: null } : { defaultRoleError: error });
      }
      // The core recomputed the inference with the new default: show the groups as they are now.
      await get().load(teamId);
      set({ saving: false });
    },
  };
});
