import { useEffect } from 'react';
import { useSync } from '../../state/sync';
import { AlarmBanner } from './AlarmBanner';
import { RunningSyncs } from './RunningSyncs';

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function countsText(counts: Record<string, unknown>): string {
  return ['pages', 'items', 'removed', 'requests']
    .filter((key) => typeof counts[key] === 'number')
    .map((key) => `${String(counts[key])} ${key}`)
    .join(', ');
}

/** Every sync run on record, what is running now, and syncs on demand. */
export function ActivityView() {
  const { runs, total, busy, error, lastSummary, loadRuns, runFull, runIncremental } = useSync();
  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);
  return (
    <section>
      <h1>Activity</h1>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void runIncremental()}>
          Sync changes now
        </button>
        <button type="button" disabled={busy} onClick={() => void runFull({ scope: 'requests' })}>
          Sync the custom-role queue
        </button>
        <button type="button" disabled={busy} onClick={() => void runFull({ scope: 'pinned' })}>
          Full sync of my teams
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {lastSummary && (
        <p className="muted" data-testid="last-sync">
          Last run #{lastSummary.runId}: {lastSummary.outcome}
          {lastSummary.error ? ` — ${lastSummary.error.message}` : ''} ({countsText(lastSummary.counts)})
        </p>
      )}
      <AlarmBanner />
      <RunningSyncs />
      <h2>Runs ({total})</h2>
      <table className="table" data-testid="sync-runs">
        <thead>
          <tr>
            <th>#</th>
            <th>Scope</th>
            <th>Kind</th>
            <th>Team</th>
            <th>Started</th>
            <th>Ended</th>
            <th>Outcome</th>
            <th>Counts</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{run.id}</td>
              <td>{run.scope}</td>
              <td>{run.kind}</td>
              <td>{run.teamId ?? '—'}</td>
              <td>{formatTime(run.startedAt)}</td>
              <td>{formatTime(run.endedAt)}</td>
              <td className={`outcome outcome-${run.outcome}`}>
                {run.outcome}
                {run.error && <div className="error small">{run.error}</div>}
              </td>
              <td>{countsText(run.counts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
