import type { GroupRow } from '../../../../preload/api';
import { STATUS_LABELS } from './labels';
import { ReviewCell } from './ReviewCell';

/** One window of IdP groups with the inferred mapping of each: status, candidate roles, evidence. */
export function GroupTable({ teamId, rows }: { teamId: string; rows: GroupRow[] }) {
  return (
    <table className="table" aria-label="IdP groups" data-testid="groups-table">
      <thead>
        <tr>
          <th>IdP group</th>
          <th>Members</th>
          <th>Inferred mapping</th>
          <th>Candidate Gem roles</th>
          <th>Evidence</th>
          <th>Review</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((group) => {
          const status = STATUS_LABELS[group.inference.status];
          return (
            <tr key={group.id}>
              <td>
                <strong>{group.name}</strong>
              </td>
              <td>{group.memberCount}</td>
              <td>
                <span
                  className={`status status-${group.inference.status}`}
                  title={status.meaning}
                  data-testid="mapping-status"
                >
                  {status.label}
                </span>
              </td>
              <td>
                {group.inference.candidates.length === 0 ? (
                  <span className="muted">none fits</span>
                ) : (
                  <ul className="candidates">
                    {group.inference.candidates.map((c) => (
                      <li key={c.slug}>
                        {c.name} <span className="mono muted small">{c.slug}</span>
                        {c.defaultOrNone && (
                          <span
                            className="badge badge-default"
                            title="The default role: the group maps to it, or is not mapped at all — the two look the same"
                          >
                            default role or unmapped
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {group.inference.evidence.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="evidence">
                    {group.inference.evidence.map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <ReviewCell teamId={teamId} group={group} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
