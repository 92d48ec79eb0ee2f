import { useSync } from '../../state/sync';

/** The live progress of a running sync of this team, from the core's sync progress events. */
export function TeamSyncProgress({ teamId }: { teamId: string }) {
  const progress = useSync((s) => s.progress);
  const running = Object.values(progress).filter((p) => p.teamId === teamId);
  if (running.length === 0) return null;
  return (
    <div className="sync-progress" role="status" data-testid="team-sync-progress">
      {running.map((p) => (
        <div key={p.runId} className="progress-row">
          <span>
            Syncing (run #{p.runId}): {p.phase} · {p.pages} pages · {p.items} items
            {p.etaSeconds !== null ? ` · ~${Math.ceil(p.etaSeconds)} s left` : ''}
          </span>
          {p.total !== null && p.total > 0 && (
            <progress aria-label="Sync progress" max={p.total} value={Math.min(p.items, p.total)} />
          )}
        </div>
      ))}
    </div>
  );
}
