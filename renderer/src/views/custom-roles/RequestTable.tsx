import type { RequestRow } from '../../../../preload/api';
import { formatDate, formatDateTime } from '../../components/format';
import { RequestActions } from './RequestActions';

export const STATUS_WORDS: Record<string, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  synced: 'Synced (ready to map)',
  mapped: 'Mapped',
};

/** Age against the 2-business-day target; overdue requests stand out. Synced and mapped ones are done. */
function Age({ row }: { row: RequestRow }) {
  const open = row.status === 'pending' || row.status === 'in_progress';
  const text = `${row.ageBusinessDays.toFixed(1)} d`;
  const title = `${row.ageBusinessDays.toFixed(1)} business days; the target is ${row.targetBusinessDays}`;
  if (row.overdue) {
    return (
      <span className="overdue" data-testid="request-age" title={title}>
        {text} <span className="flag flag-overdue">overdue</span>
      </span>
    );
  }
  return (
    <span className={open ? '' : 'muted'} data-testid="request-age" title={title}>
      {text}
    </span>
  );
}

/** One window of the custom-role queue, with the engineer's actions on each request. */
export function RequestTable({ rows }: { rows: RequestRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Custom-role requests" data-testid="requests-table">
        <thead>
          <tr>
            <th>Team</th>
            <th>Custom role</th>
            <th>Status</th>
            <th>Claimed by</th>
            <th>WorkOS role slug</th>
            <th>
              Age <span className="muted small">(business days, target 2)</span>
            </th>
            <th>CSM</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.teamId}/${row.roleSlug}`} className={row.overdue ? 'row-overdue' : undefined}>
              <td>{row.teamName}</td>
              <td>
                {row.roleName}
                <div className="mono muted small">{row.roleSlug}</div>
              </td>
              <td>
                <span className={`status status-req-${row.status}`}>
                  {STATUS_WORDS[row.status] ?? row.status}
                </span>
                <div className="muted small" title={formatDateTime(row.statusChangedAt)}>
                  since {formatDate(row.statusChangedAt)}
                </div>
              </td>
              <td>
                {row.claimedBy ?? <span className="muted">—</span>}
                {row.claimedAt && (
                  <div className="muted small" title={formatDateTime(row.claimedAt)}>
                    {formatDate(row.claimedAt)}
                  </div>
                )}
              </td>
              <td>
                <span className="mono">{row.workosRoleSlug ?? row.expectedWorkosRoleSlug}</span>
                {row.workosRoleSlug === null && <div className="muted small">expected</div>}
                {row.workosRoleAlreadyExists && row.status !== 'synced' && row.status !== 'mapped' && (
                  <div
                    className="flag"
                    title="WorkOS already has a role with this slug: completing the request may only need recording in Gem"
                  >
                    already exists in WorkOS
                  </div>
                )}
              </td>
              <td>
                <Age row={row} />
              </td>
              <td>{row.csmName ?? row.csmEmail ?? <span className="muted">—</span>}</td>
              <td>
                <RequestActions row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
