import { useSync } from '../../state/sync';

/** Live progress of the runs going on now, from the core's progress events. */
export function RunningSyncs() {
  const { progress, cancel } = useSync();
  const running = Object.values(progress);
  if (running.length === 0) return null;
  return (
    <div className="card" data-testid="running-syncs">
      {running.map((p) => (
        <div key={p.runId} className="progress-row">
          <span>
            Run #{p.runId} {p.teamId ?? p.scope} · {p.phase} · {p.pages} pages · {p.items} items ·{' '}
            {p.rate.toFixed(0)}/s
            {p.etaSeconds !== null ? ` · ~${Math.ceil(p.etaSeconds)} s left` : ''}
          </span>
          {p.total !== null && p.total > 0 && <progress max={p.total} value={Math.min(p.items, p.total)} />}
          <button type="button" onClick={() => void cancel(p.runId)}>
            Cancel
          </button>
        </div>
      ))}
    </div>
  );
}
