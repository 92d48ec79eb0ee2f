import { useEffect, useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { SelectedTeamBar } from '../../components/SelectedTeamBar';
import { TeamAsOf } from '../../components/TeamAsOf';
import { useMappings } from '../../state/mappings';
import { touchesTeam, useSelectedTeamWithOverview, useSyncFinished } from '../../state/useCoreEvents';
import { useConsole } from '../../store';
import { DefaultRoleControl } from './DefaultRoleControl';
import { GroupTable } from './GroupTable';
import { useReviews } from '../../state/reviews';

function Groups({ teamId }: { teamId: string }) {
  const { offset, limit, rows, total, loaded, loading, error, setOffset, load, loadDefaultRole } =
    useMappings();
  const setView = useConsole((s) => s.setView);
  useEffect(() => {
    void load(teamId);
  }, [load, teamId, offset]);
  useEffect(() => {
    void loadDefaultRole(teamId);
  }, [loadDefaultRole, teamId]);
  const loadReviews = useReviews((s) => s.load);
  const exportReview = useReviews((s) => s.exportReview);
  const [exportError, setExportError] = useState<string | null>(null);
  useEffect(() => {
    void loadReviews(teamId);
  }, [loadReviews, teamId]);
  useSyncFinished((summary) => {
    if (!touchesTeam(summary, teamId)) return;
    void load(teamId);
    void loadDefaultRole(teamId);
  });
  return (
    <>
      <DefaultRoleControl teamId={teamId} />
      <div className="toolbar">
        <h2>IdP groups {loaded && <span className="muted">({total})</span>}</h2>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void exportReview(teamId, 'csv').then((e) => setExportError(e?.message ?? null))}
        >
          Export review (CSV)
        </button>
        <button
          type="button"
          onClick={() => void exportReview(teamId, 'json').then((e) => setExportError(e?.message ?? null))}
        >
          Export review (JSON)
        </button>
      </div>
      {exportError && (
        <p className="error" role="alert">
          {exportError}
        </p>
      )}
      <ErrorNote error={error} />
      {!loaded && loading && <p className="muted">Loading groups from the local cache…</p>}
      {loaded && total === 0 && (
        <div className="card empty" data-testid="groups-empty">
          <p>
            No IdP groups for this team in the cache. Sync the team in Teams; a team whose directory is not
            set up yet has no groups.
          </p>
          <button type="button" onClick={() => setView('teams')}>
            Open Teams
          </button>
        </div>
      )}
      {total > 0 && (
        <>
          <GroupTable teamId={teamId} rows={rows} />
          <Pager label="groups" offset={offset} limit={limit} total={total} onChange={setOffset} />
        </>
      )}
    </>
  );
}

/** The selected team's IdP groups and the Gem role each one maps to, as inferred from the cache. */
export function MappingsView() {
  const team = useSelectedTeamWithOverview();
  return (
    <section>
      <h1>Mappings</h1>
      <SelectedTeamBar />
      {team && (
        <>
          <TeamAsOf />
          <div className="info-banner" role="note" data-testid="inferred-banner">
            <strong>Inferred, never read from WorkOS.</strong> WorkOS has no API that reads a directory’s
            group → role mapping, so these mappings are inferred from each user’s role, their groups and the
            organization’s role priority order. Gem does not provision user groups themselves: groups matter
            only as the source of members’ roles.
          </div>
          <Groups teamId={team.id} />
        </>
      )}
    </section>
  );
}
