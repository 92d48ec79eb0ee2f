import { useEffect, useState } from 'react';
import { useProfiles } from '../../state/profiles';
import { AddProfileForm } from './AddProfileForm';
import { CredentialsPanel } from './CredentialsPanel';
import { ProfileRow } from './ProfileRow';

export function SettingsView() {
  const { profiles, activeProfileId, error, load } = useProfiles();
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const selectedId = selected ?? activeProfileId;
  const selectedProfile = profiles.find((p) => p.id === selectedId) ?? null;

  return (
    <section className="settings">
      <h1>Settings</h1>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <h2>Profiles</h2>
      <p className="muted">
        A profile is one WorkOS + Gem environment, with its own local cache and its own two keychain entries.
      </p>
      <table className="table" data-testid="profiles-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>WorkOS</th>
            <th>Gem</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <ProfileRow
              key={profile.id}
              profile={profile}
              active={profile.id === activeProfileId}
              selected={profile.id === selectedId}
              onSelect={() => setSelected(profile.id)}
            />
          ))}
        </tbody>
      </table>
      <AddProfileForm />
      {selectedProfile && <CredentialsPanel profile={selectedProfile} />}
    </section>
  );
}
