import { ErrorNote } from '../../components/ErrorNote';
import { personName } from '../../components/format';
import { useMembers } from '../../state/members';

/** Why a member has their role: which IdP groups could have given it. Inferred, never read from WorkOS. */
export function RoleExplanationPanel() {
  const explanation = useMembers((s) => s.explanation);
  const close = useMembers((s) => s.closeExplanation);
  if (!explanation) return null;
  const { member, value, error, loading } = explanation;
  const name = personName(member.firstName, member.lastName, member.email);
  return (
    <section className="card" aria-label={`Role of ${name}`} data-testid="role-explanation">
      <div className="detail-head">
        <h3>
          Role of {name}: <span className="mono">{member.roleSlug}</span>
          <span className="badge badge-inferred">inferred, not read from WorkOS</span>
        </h3>
        <button type="button" aria-label="Close the role explanation" onClick={close}>
          Close
        </button>
      </div>
      <ErrorNote error={error} />
      {loading && <p className="muted">Working out which groups could give this role…</p>}
      {value && (
        <>
          <p data-testid="role-explanation-text">{value.text}</p>
          {value.possibleSources.length > 0 ? (
            <>
              <div className="muted small">IdP groups that could have given this role:</div>
              <ul className="sources" aria-label="Possible source groups">
                {value.possibleSources.map((group) => (
                  <li key={group.id}>{group.name}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted small">
              {value.viaDefault
                ? 'No group needs to be mapped for this: it is the organization’s default role.'
                : 'No IdP group in the cache explains this role.'}
            </p>
          )}
          <p className="muted small">
            WorkOS does not expose the group → role mapping; the console infers it from each user’s role,
            their groups and the organization’s role priority order.
          </p>
        </>
      )}
      <p className="small">
        <strong>{member.managedBy === 'idp' ? 'Managed in your IdP.' : 'Managed in Gem.'}</strong>{' '}
        {member.managedReason}
        {member.managedBy === 'idp'
          ? ' To change this role, change the member’s groups in the IdP (or the group’s mapping in WorkOS).'
          : ' Edit this member in Gem’s admin settings.'}
      </p>
    </section>
  );
}
