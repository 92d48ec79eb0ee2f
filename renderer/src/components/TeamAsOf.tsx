import { useTeams } from '../state/teams';
import { formatDateTime } from './format';

/** "As of <last full sync>" for the selected team (design §9: every view says how old its data is). */
export function TeamAsOf() {
  const overview = useTeams((s) => s.overview);
  const teamId = useTeams((s) => s.selectedTeam?.id);
  if (!overview || overview.team.id !== teamId) return null;
  return (
    <p className="as-of" data-testid="view-as-of">
      {overview.asOf
        ? `As of ${formatDateTime(overview.asOf)} (last full sync of this team)`
        : 'Never synced — sync this team in Teams to fill this view.'}
    </p>
  );
}
