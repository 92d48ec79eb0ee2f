import { useConsole } from '../store';

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleTimeString() : '—';
}

/** What the core says about itself: version, host, data folder, profile, and whether it is alive. */
export function StatusPanel() {
  const status = useConsole((s) => s.status);
  const error = useConsole((s) => s.statusError);
  const heartbeat = useConsole((s) => s.lastHeartbeatAt);
  return (
    <aside className="status-panel" aria-label="Status" data-testid="status-panel">
      <h2>Status</h2>
      {error && <p className="error">{error.message}</p>}
      {status?.readOnly && (
        <p className="error" data-testid="read-only">
          Read-only: changes are disabled.
        </p>
      )}
      {status?.notices.map((notice) => (
        <p key={notice} className="notice" data-testid="status-notice">
          {notice}
        </p>
      ))}
      <dl>
        <dt>Version</dt>
        <dd data-testid="status-version">{status?.appVersion ?? '…'}</dd>
        <dt>Host</dt>
        <dd data-testid="status-host">{status?.host ?? '…'}</dd>
        <dt>Profile</dt>
        <dd data-testid="status-profile">{status ? status.profile.name : '…'}</dd>
        <dt>Data folder</dt>
        <dd data-testid="status-data-dir" className="path">
          {status?.dataDir ?? '…'}
        </dd>
        <dt>Core</dt>
        <dd data-testid="status-heartbeat">
          {heartbeat ? `alive · ${formatTime(heartbeat)}` : 'waiting for heartbeat'}
        </dd>
      </dl>
    </aside>
  );
}
