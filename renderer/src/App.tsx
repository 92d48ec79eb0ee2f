import { useEffect } from 'react';
import { ProfileBand } from './components/ProfileBand';
import { Navigation } from './components/Navigation';
import { StatusPanel } from './components/StatusPanel';
import { useConsole } from './store';
import { SettingsView } from './views/settings/SettingsView';
import { ActivityView } from './views/activity/ActivityView';
import { TeamsView } from './views/teams/TeamsView';
import { MembersView } from './views/members/MembersView';
import { MappingsView } from './views/mappings/MappingsView';
import { CustomRolesView } from './views/custom-roles/CustomRolesView';
import { useSync } from './state/sync';
import { useProfiles } from './state/profiles';
import { useIdentity } from './state/identity';
import { useNotifications } from './state/notifications';

export function App() {
  const view = useConsole((s) => s.view);
  const loadStatus = useConsole((s) => s.loadStatus);
  const startListening = useConsole((s) => s.startListening);

  const loadProfiles = useProfiles((s) => s.load);
  const listenToSync = useSync((s) => s.listen);
  const loadIdentity = useIdentity((s) => s.load);
  const loadNotifications = useNotifications((s) => s.load);
  const listenToNotifications = useNotifications((s) => s.listen);

  useEffect(() => {
    void loadStatus();
    const stopHeartbeat = startListening();
    const stopSync = listenToSync();
    const stopNotifications = listenToNotifications();
    void loadIdentity();
    void loadNotifications();
    // Any profile change (here, in another window or from the CLI's core) refreshes what depends on it.
    const stopProfiles = window.gemConsole.on.profiles.changed(() => {
      void loadStatus();
      void loadProfiles();
      void loadIdentity();
      void loadNotifications();
    });
    return () => {
      stopHeartbeat();
      stopProfiles();
      stopSync();
      stopNotifications();
    };
  }, [
    loadStatus,
    startListening,
    loadProfiles,
    listenToSync,
    loadIdentity,
    loadNotifications,
    listenToNotifications,
  ]);

  return (
    <div className="app">
      <ProfileBand />
      <div className="body">
        <Navigation />
        <main className="content" aria-live="polite">
          {view === 'settings' ? (
            <SettingsView />
          ) : view === 'activity' ? (
            <ActivityView />
          ) : view === 'members' ? (
            <MembersView />
          ) : view === 'mappings' ? (
            <MappingsView />
          ) : view === 'custom-roles' ? (
            <CustomRolesView />
          ) : (
            <TeamsView />
          )}
        </main>
        <StatusPanel />
      </div>
    </div>
  );
}
