import type { RequestRow } from '../../../../preload/api';
import { useIdentity } from '../../state/identity';
import { useNetworkGate } from '../../state/network';
import { requestKey, useRequests } from '../../state/requests';

/**
 * What an engineer (`roles:sync`) can do with a request: claim a pending one; release or complete one they hold.
 * Completing creates the WorkOS organization role and records it in Gem; a refusal says why and changes nothing.
 */
export function RequestActions({ row }: { row: RequestRow }) {
  const identity = useIdentity((s) => s.identity);
  const canSync = useIdentity((s) => s.can('roles:sync'));
  const { act, acting, outcomes } = useRequests();
  const gate = useNetworkGate();
  const key = requestKey(row);
  const outcome = outcomes[key];
  const mine = identity !== null && row.claimedBy === identity.email;
  const busy = gate.blocked || acting !== null;
  const title = gate.reason ?? undefined;
  if (!canSync) {
    return <span className="muted small">{identity ? 'Engineers (roles:sync) sync roles' : '—'}</span>;
  }
  return (
    <div className="row-actions" data-testid={`request-actions-${row.roleSlug}`}>
      {row.status === 'pending' && (
        <button type="button" disabled={busy} title={title} onClick={() => void act(row, 'claim')}>
          Claim
        </button>
      )}
      {row.status === 'in_progress' && mine && (
        <>
          <button type="button" disabled={busy} title={title} onClick={() => void act(row, 'complete')}>
            Complete
          </button>
          <button type="button" disabled={busy} title={title} onClick={() => void act(row, 'release')}>
            Release
          </button>
        </>
      )}
      {row.status === 'in_progress' && !mine && <span className="muted small">held by {row.claimedBy}</span>}
      {acting === key && <span className="muted small">Working…</span>}
      {outcome && (
        <div
          className={outcome.kind === 'error' ? 'error small' : 'small'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </div>
      )}
    </div>
  );
}
