import type { ViewId } from '../store';
import { NAV_ITEMS } from '../components/Navigation';

export function Placeholder({ view }: { view: ViewId }) {
  const label = NAV_ITEMS.find((item) => item.id === view)?.label ?? view;
  return (
    <section>
      <h1>{label}</h1>
      <p className="muted">This section is not built yet.</p>
    </section>
  );
}
