import type { TeamListRow } from '../../../../preload/api';
import { useTeams } from '../../state/teams';
import { rowSetupLabel } from './setupState';

/** The current window of teams; a team's name selects it (keyboard: Tab to it, Enter). */
export function TeamList({ rows }: { rows: TeamListRow[] }) {
  const selectedId = useTeams((s) => s.selectedTeam?.id);
  const select = useTeams((s) => s.select);
  return (
    <table className="table" aria-label="Teams" data-testid="teams-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Domain</th>
          <th>CSM</th>
          <th>SCIM module</th>
          <th>WorkOS organization</th>
          <th>Setup</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((team) => (
          <tr
            key={team.id}
            className={team.id === selectedId ? 'selected clickable' : 'clickable'}
            aria-selected={team.id === selectedId}
            onClick={() => select({ id: team.id, name: team.name })}
          >
            <td>
              <button
                type="button"
                className="link"
                aria-pressed={team.id === selectedId}
                onClick={(event) => {
                  event.stopPropagation();
                  select({ id: team.id, name: team.name });
                }}
              >
                {team.name}
              </button>
              {team.pinned && (
                <span className="badge" title="Pinned: synced in full with your teams">
                  pinned
                </span>
              )}
            </td>
            <td>{team.domain ?? '—'}</td>
            <td>{team.csmName ?? team.csmEmail ?? '—'}</td>
            <td>
              <span className={`pill pill-${team.scimModuleEnabled ? 'good' : 'muted'}`}>
                {team.scimModuleEnabled ? 'enabled' : 'disabled'}
              </span>
            </td>
            <td className="mono">{team.workosOrganizationId ?? <span className="muted">none</span>}</td>
            <td>{rowSetupLabel(team)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
