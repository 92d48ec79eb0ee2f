import type { ViewId } from '../store';
import { useConsole } from '../store';

export const NAV_ITEMS: { id: ViewId; label: string }[] = [
  { id: 'teams', label: 'Teams' },
  { id: 'members', label: 'Members' },
  { id: 'mappings', label: 'Mappings' },
  { id: 'custom-roles', label: 'Custom roles' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
];

export function Navigation() {
  const view = useConsole((s) => s.view);
  const setView = useConsole((s) => s.setView);
  return (
    <nav className="nav" aria-label="Sections">
      {NAV_ITEMS.map((item) => (
        <button
          key={item.id}
          type="button"
          className={item.id === view ? 'nav-item active' : 'nav-item'}
          aria-current={item.id === view ? 'page' : undefined}
          onClick={() => setView(item.id)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
