import type { TeamOverview } from '../../../../preload/api';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../components/format';
import { useNetworkGate } from '../../state/network';
import { useSync } from '../../state/sync';
import { useTeams } from '../../state/teams';
import { useConsole } from '../../store';
import { AlarmBanner } from '../activity/AlarmBanner';
import { SetupActions } from './SetupActions';
import { SetupSteps } from './SetupSteps';
import { TeamSyncProgress } from './TeamSyncProgress';

function Counts({ counts }: { counts: TeamOverview['counts'] }) {
  const items: [string, string][] = [
    ['Gem members', `${counts.members} (${counts.activeMembers} active)`],
    ['SCIM-managed', String(counts.scimManagedMembers)],
    ['Directory users', String(counts.directoryUsers)],
    ['IdP groups', String(counts.groups)],
  ];
  return (
    <dl className="counts" aria-label="Counts" data-testid="team-counts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Result of the last sync of this team started here, when it did not go well. */
function LastSyncProblem({ teamId }: { teamId: string }) {
  const summary = useSync((s) => s.lastSummary);
  const error = useSync((s) => s.error);
  if (error) return <ErrorNote error={error} />;
  if (!summary || summary.teamId !== teamId || summary.outcome === 'ok') return null;
  return (
    <p className="error" role="alert">
      The last sync of this team ended {summary.outcome}
      {summary.error ? `: ${summary.error.message}` : '.'}
    </p>
  );
}

/** One team: setup as steps, directories, the Okta SSO rule, counts, "as of", pin and sync. */
export function TeamDetail() {
  const { overview, overviewError, overviewLoading, actionError, selectedTeam, pin, syncTeam } = useTeams();
  const setView = useConsole((s) => s.setView);
  const gate = useNetworkGate();
  if (!selectedTeam) return null;
  const teamId = selectedTeam.id;
  return (
    <section className="card detail" aria-label={`Team ${selectedTeam.name}`} data-testid="team-detail">
      <div className="detail-head">
        <div>
          <h2>{selectedTeam.name}</h2>
          {overview && (
            <div className="muted small">
              {overview.team.domain ?? 'no domain'} · plan {overview.team.plan ?? '—'} · CSM{' '}
              {overview.team.csmName ?? overview.team.csmEmail ?? 'none'}
            </div>
          )}
        </div>
        <div className="actions">
          <button
            type="button"
            disabled={gate.blocked}
            title={gate.reason ?? 'Fetch this team from WorkOS and Gem'}
            onClick={() => void syncTeam(teamId)}
          >
            Sync this team
          </button>
          {overview && (
            <button type="button" onClick={() => void pin(teamId, !overview.team.pinned)}>
              {overview.team.pinned ? 'Unpin' : 'Pin'}
            </button>
          )}
          <button type="button" onClick={() => setView('members')}>
            Open members
          </button>
          <button type="button" onClick={() => setView('mappings')}>
            Open mappings
          </button>
        </div>
      </div>
      {gate.reason && <p className="muted small">{gate.reason}</p>}
      <TeamSyncProgress teamId={teamId} />
      <LastSyncProblem teamId={teamId} />
      <AlarmBanner />
      <ErrorNote error={overviewError ?? actionError} />
      {!overview && overviewLoading && <p className="muted">Loading the team…</p>}
      {overview && (
        <>
          {overview.okta.warning && (
            <div className="warning-banner" role="alert" data-testid="okta-warning">
              <strong>{overview.okta.warning}</strong> Gem’s setup article requires Okta teams to configure
              SSO in WorkOS as well as SCIM; until an Okta SSO connection is active, this team’s setup is
              incomplete.
            </div>
          )}
          <p className="as-of" data-testid="team-as-of">
            {overview.asOf ? (
              <>As of {formatDateTime(overview.asOf)} (last full sync of this team)</>
            ) : (
              <>Never synced — sync this team to see its directory, members and groups.</>
            )}
          </p>
          <div className="detail-grid">
            <div>
              <SetupSteps overview={overview} />
              <SetupActions overview={overview} />
            </div>
            <div>
              <h3>Directories</h3>
              {overview.directories.length === 0 ? (
                <p className="muted small">
                  {overview.asOf ? 'None in WorkOS yet.' : 'Unknown until the team is synced.'}
                </p>
              ) : (
                <table className="table compact" aria-label="Directories">
                  <thead>
                    <tr>
                      <th>Name</th>
                      <th>Type</th>
                      <th>State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.directories.map((d) => (
                      <tr key={d.id}>
                        <td>{d.name}</td>
                        <td>{d.type}</td>
                        <td>
                          <span className={`pill pill-${d.state === 'active' ? 'good' : 'warn'}`}>
                            {d.state}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {overview.okta.usesOkta && !overview.okta.warning && (
                <p className="muted small">Okta directory with an active Okta SSO connection.</p>
              )}
            </div>
          </div>
          <Counts counts={overview.counts} />
        </>
      )}
    </section>
  );
}
