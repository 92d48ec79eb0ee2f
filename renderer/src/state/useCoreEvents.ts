/** View-level subscriptions to the core's push events, so each view refreshes what it shows by itself. */
import { useEffect, useRef } from 'react';
import type { SyncSummary } from '../../../preload/api';
import { useTeams } from './teams';

/** Calls `handler` for every finished sync while the view is mounted (latest handler, one subscription). */
export function useSyncFinished(handler: (summary: SyncSummary) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => window.gemConsole.on.sync.finished((summary) => latest.current(summary)), []);
}

/** Another profile has another cache: the selected team means nothing there, so it is dropped. */
export function useClearTeamOnProfileChange(): void {
  useEffect(
    () =>
      window.gemConsole.on.profiles.changed(() => {
        useTeams.getState().select(null);
        void useTeams.getState().load();
      }),
    [],
  );
}

/** True when a finished sync may have changed what a view of `teamId` shows. */
export function touchesTeam(summary: SyncSummary, teamId: string | undefined): boolean {
  if (teamId === undefined) return false;
  if (summary.teamId === teamId) return true;
  if (summary.scope === 'incremental' || summary.scope === 'pinned') return true;
  return (summary.teams ?? []).some((t) => t.teamId === teamId);
}

/**
 * The selected team for a per-team view (Members, Mappings): dropped on a profile change, its overview loaded when
 * it changes and refreshed when a sync touching it finishes.
 */
export function useSelectedTeamWithOverview() {
  const team = useTeams((s) => s.selectedTeam);
  useClearTeamOnProfileChange();
  useEffect(() => {
    void useTeams.getState().loadOverview();
  }, [team?.id]);
  useSyncFinished((summary) => {
    if (touchesTeam(summary, team?.id)) void useTeams.getState().loadOverview();
  });
  return team;
}
