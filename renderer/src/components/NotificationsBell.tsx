import { useNotifications } from '../state/notifications';
import { formatDateTime } from './format';

/** The unread count in the header, and the list of what the console told the user. */
export function NotificationsBell() {
  const { rows, open, toggle, markRead } = useNotifications();
  const unread = rows.filter((r) => r.readAt === null).length;
  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        onClick={toggle}
        data-testid="notifications-button"
      >
        Notifications{unread > 0 ? ` (${unread})` : ''}
      </button>
      {open && (
        <div
          className="bell-panel"
          role="dialog"
          aria-label="Notifications"
          data-testid="notifications-panel"
        >
          {rows.length === 0 && (
            <p className="muted">
              Nothing yet. New custom roles to sync and roles ready to map show up here.
            </p>
          )}
          {rows.map((row) => (
            <div key={row.id} className={row.readAt ? 'bell-item read' : 'bell-item'}>
              <strong>{row.title}</strong>
              <div>{row.body}</div>
              <div className="muted small">
                {formatDateTime(row.createdAt)}
                {row.readAt === null && (
                  <button type="button" className="link" onClick={() => void markRead(row.id)}>
                    Mark read
                  </button>
                )}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
