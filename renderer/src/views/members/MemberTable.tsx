import type { MemberRow } from '../../../../preload/api';
import { personName } from '../../components/format';
import { useMembers } from '../../state/members';

/** Who manages a member: the IdP for SCIM-managed ones (with why), Gem for hand-added ones. */
function ManagedBy({ member }: { member: MemberRow }) {
  return (
    <span
      className={member.managedBy === 'idp' ? 'pill pill-idp' : 'pill pill-muted'}
      title={member.managedReason}
      aria-label={`${member.managedBy === 'idp' ? 'Managed in your IdP' : 'Managed in Gem'}: ${member.managedReason}`}
    >
      {member.managedBy === 'idp' ? 'Managed in your IdP' : 'Managed in Gem'}
    </span>
  );
}

/** The current window of members. Read-only by design: no edit actions (see the view's note). */
export function MemberTable({ rows }: { rows: MemberRow[] }) {
  const explain = useMembers((s) => s.explain);
  const selectedId = useMembers((s) => s.explanation?.member.id);
  return (
    <table className="table" aria-label="Members" data-testid="members-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Role</th>
          <th>Status</th>
          <th>Managed by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((member) => {
          const name = personName(member.firstName, member.lastName, member.email);
          return (
            <tr
              key={member.id}
              className={member.id === selectedId ? 'selected clickable' : 'clickable'}
              onClick={() => void explain(member)}
            >
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`Explain the role of ${name}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    void explain(member);
                  }}
                >
                  {name}
                </button>
              </td>
              <td>{member.email}</td>
              <td className="mono">{member.roleSlug}</td>
              <td>
                <span className={member.status === 'active' ? '' : 'muted'}>{member.status}</span>
              </td>
              <td>
                <ManagedBy member={member} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
