import { useConsole } from '../store';
import { useTeams } from '../state/teams';

/** The team the Members and Mappings views show, with the way to change it (pick another one in Teams). */
export function SelectedTeamBar() {
  const team = useTeams((s) => s.selectedTeam);
  const setView = useConsole((s) => s.setView);
  if (!team) {
    return (
      <div className="card empty" data-testid="no-team-selected">
        <p>No team selected. Pick a team in the Teams view first.</p>
        <button type="button" onClick={() => setView('teams')}>
          Open Teams
        </button>
      </div>
    );
  }
  return (
    <div className="team-bar" data-testid="selected-team">
      <span>
        Team: <strong>{team.name}</strong> <span className="muted small">({team.id})</span>
      </span>
      <button type="button" className="link" onClick={() => setView('teams')}>
        Change team
      </button>
    </div>
  );
}
