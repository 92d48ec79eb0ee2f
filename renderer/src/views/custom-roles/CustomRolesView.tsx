import { useEffect } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { useNetworkGate } from '../../state/network';
import type { RequestStatus } from '../../state/requests';
import { useRequests } from '../../state/requests';
import { useIdentity } from '../../state/identity';
import { useSyncFinished } from '../../state/useCoreEvents';
import { RequestTable, STATUS_WORDS } from './RequestTable';

const FILTERS: { value: string; statuses: RequestStatus[]; label: string }[] = [
  { value: 'all', statuses: [], label: 'All statuses' },
  { value: 'open', statuses: ['pending', 'in_progress'], label: 'Open (pending or in progress)' },
  ...(['pending', 'in_progress', 'synced', 'mapped'] as const).map((status) => ({
    value: status,
    statuses: [status],
    label: STATUS_WORDS[status] ?? status,
  })),
];

/** Every custom role that needs a WorkOS sync, across teams, with its age against the target. */
export function CustomRolesView() {
  const { statuses, offset, limit, rows, total, loaded, loading, error, lastQueueSync } = useRequests();
  const { setStatuses, setOffset, load, refreshQueue } = useRequests();
  const gate = useNetworkGate();
  const loadIdentity = useIdentity((s) => s.load);
  useEffect(() => {
    void load();
  }, [load, statuses, offset]);
  useEffect(() => {
    void loadIdentity();
  }, [loadIdentity]);
  useSyncFinished(() => void load());

  const filterValue = FILTERS.find((f) => f.statuses.join() === statuses.join())?.value ?? 'all';
  return (
    <section>
      <h1>Custom roles</h1>
      <p className="muted">
        Custom roles a team created after its SCIM setup must be synced to WorkOS by Gem’s engineers before
        the customer can map them: pending → in progress (claimed) → synced (ready to map) → mapped.
      </p>
      <div className="toolbar">
        <label className="inline">
          Status
          <select
            aria-label="Filter by request status"
            value={filterValue}
            onChange={(event) =>
              setStatuses(FILTERS.find((f) => f.value === event.target.value)?.statuses ?? [])
            }
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button
          type="button"
          disabled={gate.blocked}
          title={gate.reason ?? 'Fetch the custom-role queue from Gem and WorkOS'}
          onClick={() => void refreshQueue()}
        >
          Refresh queue
        </button>
      </div>
      {gate.reason && <p className="muted small">{gate.reason}</p>}
      <p className="as-of" data-testid="queue-as-of">
        {lastQueueSync
          ? `As of ${formatDateTime(lastQueueSync.endedAt ?? lastQueueSync.startedAt)} (last queue sync)`
          : 'The queue has not been synced yet — use Refresh queue.'}
      </p>
      <ErrorNote error={error} />
      {!loaded && loading && <p className="muted">Loading the queue from the local cache…</p>}
      {loaded && total === 0 && (
        <div className="card empty" data-testid="requests-empty">
          <p>
            {statuses.length === 0
              ? 'No custom-role requests in the cache — refresh the queue to fetch them.'
              : 'No request has this status.'}
          </p>
        </div>
      )}
      {total > 0 && (
        <>
          <RequestTable rows={rows} />
          <Pager label="requests" offset={offset} limit={limit} total={total} onChange={setOffset} />
        </>
      )}
      <p className="muted small">
        Completing a request creates the WorkOS organization role{' '}
        <span className="mono">org-&lt;slug&gt;</span> (a role already there with the same name counts as
        done), records it in Gem, and tells the team&apos;s CSM it is ready to map. New WorkOS roles land at
        the bottom of the priority order.
      </p>
    </section>
  );
}
