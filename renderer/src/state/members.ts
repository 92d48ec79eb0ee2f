/**
 * The selected team's members as the Members view shows them: a filtered window, one member's role explanation
 * (inferred), and the team's drift report (Gem members vs directory users).
 */
import { create } from 'zustand';
import type { ApiError, DriftReport, MemberRow, RoleExplanation } from '../../../preload/api';
import { settle } from './call';

export interface MemberFilters {
  query: string;
  role: string;
  status: 'any' | 'active' | 'deactivated';
}

/** Gem's predefined roles are always offered in the role filter; custom ones appear as the cache shows them. */
const PREDEFINED_ROLES = ['admin', 'standard', 'restricted'];

interface Explanation {
  member: MemberRow;
  value: RoleExplanation | null;
  error: ApiError | null;
  loading: boolean;
}

interface DriftState {
  teamId: string | null;
  report: DriftReport | null;
  error: ApiError | null;
  loading: boolean;
}

interface MembersState {
  teamId: string | null;
  filters: MemberFilters;
  offset: number;
  limit: number;
  rows: MemberRow[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  knownRoles: string[];
  explanation: Explanation | null;
  drift: DriftState;
  setFilters(patch: Partial<MemberFilters>): void;
  setOffset(offset: number): void;
  load(teamId: string): Promise<void>;
  explain(member: MemberRow): Promise<void>;
  closeExplanation(): void;
  loadDrift(teamId: string): Promise<void>;
}

export const useMembers = create<MembersState>((set, get) => {
  let listRequest = 0;
  let explainRequest = 0;
  let driftRequest = 0;
  return {
    teamId: null,
    filters: { query: '', role: '', status: 'any' },
    offset: 0,
    limit: 50,
    rows: [],
    total: 0,
    loaded: false,
    loading: false,
    error: null,
    knownRoles: PREDEFINED_ROLES,
    explanation: null,
    drift: { teamId: null, report: null, error: null, loading: false },
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch }, offset: 0 })),
    setOffset: (offset) => set({ offset }),
    async load(teamId) {
      if (get().teamId !== teamId) {
        // Another team: start from its first page, forget what belonged to the previous one.
        set({
          teamId,
          offset: 0,
          rows: [],
          total: 0,
          loaded: false,
          knownRoles: PREDEFINED_ROLES,
          explanation: null,
          filters: { query: '', role: '', status: 'any' },
        });
      }
      const request = ++listRequest;
      const { filters, offset, limit } = get();
      const query = filters.query.trim();
      set({ loading: true });
      const { value, error } = await settle(
        window.gemConsole.members.list({
          teamId,
          offset,
          limit,
          sort: 'name',
          ...(query === '' ? {} : { query }),
          ...(filters.role === '' ? {} : { role: filters.role }),
          ...(filters.status === 'any' ? {} : { status: filters.status }),
        }),
      );
      if (request !== listRequest) return;
      if (value) {
        const seen = new Set([...get().knownRoles, ...value.rows.map((m) => m.roleSlug)]);
        set({
          rows: value.rows,
          total: value.total,
          loaded: true,
          loading: false,
          error: null,
          knownRoles: [...seen].sort(),
        });
      } else set({ loading: false, error });
    },
    async explain(member) {
      const request = ++explainRequest;
      set({ explanation: { member, value: null, error: null, loading: true } });
      const { value, error } = await settle(
        window.gemConsole.members.explainRole({ teamId: member.teamId, memberId: member.id }),
      );
      if (request !== explainRequest) return;
      set({ explanation: { member, value, error, loading: false } });
    },
    closeExplanation: () => set({ explanation: null }),
    async loadDrift(teamId) {
      const request = ++driftRequest;
      set((s) => ({
        drift: {
          teamId,
          report: s.drift.teamId === teamId ? s.drift.report : null,
          error: null,
          loading: true,
        },
      }));
      const { value, error } = await settle(window.gemConsole.drift.team({ teamId }));
      if (request !== driftRequest) return;
      set({ drift: { teamId, report: value, error, loading: false } });
    },
  };
});
