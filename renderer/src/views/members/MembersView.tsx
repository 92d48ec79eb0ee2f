import { useEffect, useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { Pager } from '../../components/Pager';
import { SelectedTeamBar } from '../../components/SelectedTeamBar';
import { TeamAsOf } from '../../components/TeamAsOf';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import type { MemberFilters } from '../../state/members';
import { useMembers } from '../../state/members';
import { touchesTeam, useSelectedTeamWithOverview, useSyncFinished } from '../../state/useCoreEvents';
import { useConsole } from '../../store';
import { DriftPanel } from './DriftPanel';
import { MemberTable } from './MemberTable';
import { RoleExplanationPanel } from './RoleExplanationPanel';

type Tab = 'members' | 'drift';

function MembersTab({ teamId }: { teamId: string }) {
  const { filters, offset, limit, rows, total, loaded, loading, error, knownRoles } = useMembers();
  const { setFilters, setOffset, load } = useMembers();
  const setView = useConsole((s) => s.setView);
  const [query, setQuery] = useState(filters.query);
  const debouncedQuery = useDebouncedValue(query);

  useEffect(() => {
    if (debouncedQuery !== useMembers.getState().filters.query) setFilters({ query: debouncedQuery });
  }, [debouncedQuery, setFilters]);
  useEffect(() => {
    void load(teamId);
  }, [load, teamId, filters, offset]);
  // A new team resets the filters in the store; the search box follows.
  useEffect(() => {
    setQuery(useMembers.getState().filters.query);
  }, [teamId]);
  useSyncFinished((summary) => {
    if (touchesTeam(summary, teamId)) void load(teamId);
  });

  const filtered = filters.query !== '' || filters.role !== '' || filters.status !== 'any';
  return (
    <>
      <p className="notice" data-testid="scim-managed-note">
        Once SCIM is on, adding users, changing email and changing roles happen only in the customer’s
        identity provider. The console therefore offers no edits for members managed in your IdP; members
        added by hand in Gem are managed in Gem.
      </p>
      <div className="toolbar" role="search" aria-label="Filter members">
        <input
          type="search"
          aria-label="Search members"
          placeholder="Name or email…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <label className="inline">
          Role
          <select
            aria-label="Filter by role"
            value={filters.role}
            onChange={(event) => setFilters({ role: event.target.value })}
          >
            <option value="">Any</option>
            {knownRoles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Status
          <select
            aria-label="Filter by status"
            value={filters.status}
            onChange={(event) => setFilters({ status: event.target.value as MemberFilters['status'] })}
          >
            <option value="any">Any</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </label>
        {loading && <span className="muted small">searching…</span>}
      </div>
      <ErrorNote error={error} />
      {!loaded && loading && <p className="muted">Loading members from the local cache…</p>}
      {loaded && total === 0 && !filtered && (
        <div className="card empty" data-testid="members-empty">
          <p>No members of this team in the cache — sync this team in Teams.</p>
          <button type="button" onClick={() => setView('teams')}>
            Open Teams
          </button>
        </div>
      )}
      {loaded && total === 0 && filtered && <p className="card empty">No member matches these filters.</p>}
      <RoleExplanationPanel />
      {total > 0 && (
        <>
          <MemberTable rows={rows} />
          <Pager label="members" offset={offset} limit={limit} total={total} onChange={setOffset} />
        </>
      )}
    </>
  );
}

/** The selected team's members (who manages each, and why) and its drift between Gem and the directory. */
export function MembersView() {
  const team = useSelectedTeamWithOverview();
  const [tab, setTab] = useState<Tab>('members');
  return (
    <section>
      <h1>Members</h1>
      <SelectedTeamBar />
      {team && (
        <>
          <TeamAsOf />
          <div className="tabs" role="tablist" aria-label="Members or drift">
            {(['members', 'drift'] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                className={tab === id ? 'tab active' : 'tab'}
                onClick={() => setTab(id)}
              >
                {id === 'members' ? 'Members' : 'Drift'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'members' ? <MembersTab teamId={team.id} /> : <DriftPanel teamId={team.id} />}
          </div>
        </>
      )}
    </section>
  );
}
