import { useConsole } from '../store';
import { NotificationsBell } from './NotificationsBell';

/** The active profile is always visible: production red, staging amber, sandbox green. */
export function ProfileBand() {
  const status = useConsole((s) => s.status);
  const kind = status?.profile.kind ?? 'unknown';
  return (
    <header className={`profile-band profile-${kind}`} data-testid="profile-band">
      <span className="brand">Gem SCIM Console</span>
      <span className="profile-name">
        {status ? `${status.profile.name} · ${status.profile.kind}` : 'connecting to the core…'}
      </span>
      <NotificationsBell />
    </header>
  );
}
