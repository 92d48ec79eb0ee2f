import { useSync } from '../../state/sync';

/** A sync that would drop more than the allowed share of a team's members waits for an explicit yes. */
export function AlarmBanner() {
  const { pendingAlarm, confirmAlarm, busy } = useSync();
  const alarm = pendingAlarm?.alarm;
  if (!alarm) return null;
  const what = alarm.kind === 'members' ? 'Gem members' : 'directory users';
  return (
    <div className="alarm" role="alert" data-testid="mass-change-alarm">
      <strong>Mass change held back.</strong> The sync of {alarm.teamId} would remove or deactivate{' '}
      {alarm.wouldRemove} of {alarm.total} {what} ({(alarm.share * 100).toFixed(0)}%). Nothing has been
      dropped from the cache yet.
      <button type="button" className="danger" disabled={busy} onClick={() => void confirmAlarm()}>
        Drop them
      </button>
    </div>
  );
}
