import { useEffect, useState } from 'react';
import type { DriftReport } from '../../../../preload/api';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { useMembers } from '../../state/members';
import { DRIFT_KIND_ORDER, DRIFT_KINDS } from './driftLabels';

type Finding = DriftReport['findings'][number];
const PAGE = 25;

/** Marks a value that differs from the other side's. */
function Value({ value, differs }: { value: string | null | undefined; differs: boolean }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  return differs ? (
    <mark className="differs" title="Differs from the other side">
      {value}
    </mark>
  ) : (
    <>{value}</>
  );
}

function Side({ finding, side }: { finding: Finding; side: 'gem' | 'directory' }) {
  const gem = finding.gem;
  const dir = finding.directory;
  const both = gem !== null && dir !== null;
  if (side === 'gem') {
    if (!gem) return <span className="muted">no Gem member</span>;
    return (
      <div>
        <div>
          <Value value={gem.email} differs={both && gem.email !== dir.email} />
        </div>
        <div className="muted small">
          {gem.first_name} {gem.last_name} · {gem.status} ·{' '}
          {gem.scim_managed ? 'SCIM-managed' : 'added in Gem'}
        </div>
        <div>
          role <Value value={gem.role_slug} differs={finding.kind === 'role_differs'} />
        </div>
      </div>
    );
  }
  if (!dir) return <span className="muted">not in the directory</span>;
  return (
    <div>
      <div>
        <Value value={dir.email} differs={both && gem.email !== dir.email} />
      </div>
      <div className="muted small">
        {dir.first_name} {dir.last_name} · {dir.state}
      </div>
      <div>
        role <Value value={dir.role_slug} differs={finding.kind === 'role_differs'} />
        {finding.expectedRoleSlug && finding.expectedRoleSlug !== dir.role_slug && (
          <span className="muted small"> (Gem role {finding.expectedRoleSlug})</span>
        )}
      </div>
    </div>
  );
}

/** Gem members vs directory users for the team: counts by kind and each finding with both sides. */
export function DriftPanel({ teamId }: { teamId: string }) {
  const { drift, loadDrift } = useMembers();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    setOffset(0);
    void loadDrift(teamId);
  }, [teamId, loadDrift]);
  const report = drift.teamId === teamId ? drift.report : null;
  const findings = report?.findings ?? [];
  return (
    <div data-testid="drift-panel">
      <p className="muted">
        Compares the team’s Gem members with its directory users in the local cache. In a SCIM team the
        directory is the source of truth: fix differences in the IdP (or ask the customer to), then sync the
        team.
      </p>
      <ErrorNote error={drift.teamId === teamId ? drift.error : null} />
      {!report && drift.loading && <p className="muted">Comparing Gem and the directory…</p>}
      {report && (
        <>
          <ul className="chips" aria-label="Drift by kind" data-testid="drift-counts">
            {DRIFT_KIND_ORDER.map((kind) => (
              <li key={kind} className={(report.counts[kind] ?? 0) > 0 ? 'chip chip-warn' : 'chip'}>
                <span title={DRIFT_KINDS[kind].meaning}>{DRIFT_KINDS[kind].label}</span>{' '}
                <strong>{report.counts[kind] ?? 0}</strong>
              </li>
            ))}
          </ul>
          {findings.length === 0 ? (
            <p className="card empty">No drift: every Gem member matches its directory user.</p>
          ) : (
            <>
              <table className="table" aria-label="Drift findings" data-testid="drift-findings">
                <thead>
                  <tr>
                    <th>Kind</th>
                    <th>Gem</th>
                    <th>Directory</th>
                    <th>Matched by</th>
                  </tr>
                </thead>
                <tbody>
                  {findings.slice(offset, offset + PAGE).map((finding, i) => (
                    <tr key={`${finding.kind}-${finding.gem?.id ?? ''}-${finding.directory?.id ?? ''}-${i}`}>
                      <td>
                        <strong>{DRIFT_KINDS[finding.kind].label}</strong>
                        <div className="muted small">{DRIFT_KINDS[finding.kind].meaning}</div>
                      </td>
                      <td>
                        <Side finding={finding} side="gem" />
                      </td>
                      <td>
                        <Side finding={finding} side="directory" />
                      </td>
                      <td>
                        {finding.joinedBy === 'directory_user_id'
                          ? 'directory user id'
                          : (finding.joinedBy ?? '—')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                label="findings"
                offset={offset}
                limit={PAGE}
                total={findings.length}
                onChange={setOffset}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
