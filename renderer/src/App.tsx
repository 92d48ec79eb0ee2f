import { useEffect } from 'react';
import { ProfileBand } from './components/ProfileBand';
import { Navigation } from './components/Navigation';
import { StatusPanel } from './components/StatusPanel';
import { useConsole } from './store';
import { Placeholder } from './views/Placeholder';

export function App() {
  const view = useConsole((s) => s.view);
  const loadStatus = useConsole((s) => s.loadStatus);
  const startListening = useConsole((s) => s.startListening);

  useEffect(() => {
    void loadStatus();
    return startListening();
  }, [loadStatus, startListening]);

  return (
    <div className="app">
      <ProfileBand />
      <div className="body">
        <Navigation />
        <main className="content" aria-live="polite">
          <Placeholder view={view} />
        </main>
        <StatusPanel />
      </div>
    </div>
  );
}
