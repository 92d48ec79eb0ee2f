import { useEffect, useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useNetworkGate } from '../../state/network';
import { useClearTeamOnProfileChange, useSyncFinished } from '../../state/useCoreEvents';
import { useTeams } from '../../state/teams';
import { TeamDetail } from './TeamDetail';
import { TeamList } from './TeamList';

/** Find a customer team in the cache, see its SCIM setup, pin it, sync it. */
export function TeamsView() {
  const { filters, offset, limit, rows, total, loaded, loading, error, selectedTeam } = useTeams();
  const { setFilters, setOffset, load, loadOverview, syncQueue } = useTeams();
  const gate = useNetworkGate();
  const [text, setText] = useState(filters.text);
  const debouncedText = useDebouncedValue(text);

  useClearTeamOnProfileChange();
  useEffect(() => {
    if (debouncedText !== useTeams.getState().filters.text) setFilters({ text: debouncedText });
  }, [debouncedText, setFilters]);
  useEffect(() => {
    void load();
  }, [load, filters, offset]);
  // When the view opens, refresh the selected team's overview (selecting a team loads it by itself).
  useEffect(() => {
    void useTeams.getState().loadOverview();
  }, []);
  // A sync finished somewhere (here, Activity, the scheduler): the cached teams may have changed.
  useSyncFinished(() => {
    void load();
    void loadOverview();
  });

  const filtered = filters.text !== '' || filters.scim !== 'any' || filters.pinnedOnly;
  return (
    <section>
      <h1>Teams</h1>
      <div className="toolbar" role="search" aria-label="Filter teams">
        <input
          type="search"
          aria-label="Search teams"
          placeholder="Name or domain…"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <label className="inline">
          SCIM module
          <select
            value={filters.scim}
            onChange={(event) => setFilters({ scim: event.target.value as 'any' | 'enabled' | 'disabled' })}
          >
            <option value="any">Any</option>
            <option value="enabled">Enabled</option>
            <option value="disabled">Disabled</option>
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={filters.pinnedOnly}
            onChange={(event) => setFilters({ pinnedOnly: event.target.checked })}
          />
          Pinned only
        </label>
        <span className="spacer" />
        <button
          type="button"
          disabled={gate.blocked}
          title={gate.reason ?? 'Fetch the custom-role queue and the teams it names'}
          onClick={() => void syncQueue()}
        >
          Sync the custom-role queue
        </button>
      </div>
      <ErrorNote error={error} />
      {!loaded && loading && <p className="muted">Loading teams from the local cache…</p>}
      {loaded && total === 0 && !filtered && (
        <div className="card empty" data-testid="teams-empty">
          <p>
            No teams in the cache yet — sync the custom-role queue or a team. The queue sync brings every team
            that has custom roles; a team sync fetches one team in full.
          </p>
        </div>
      )}
      {loaded && total === 0 && filtered && (
        <div className="card empty">
          <p>No team matches these filters.</p>
          <button
            type="button"
            onClick={() => {
              setText('');
              setFilters({ text: '', scim: 'any', pinnedOnly: false });
            }}
          >
            Clear filters
          </button>
        </div>
      )}
      {total > 0 && (
        <>
          <TeamList rows={rows} />
          <Pager label="teams" offset={offset} limit={limit} total={total} onChange={setOffset} />
        </>
      )}
      {selectedTeam ? (
        <TeamDetail />
      ) : (
        total > 0 && <p className="muted">Select a team to see its SCIM setup, directories and counts.</p>
      )}
    </section>
  );
}
