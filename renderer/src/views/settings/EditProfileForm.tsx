import { useState } from 'react';
import type { ProfileSummary } from '../../../../preload/api';
import { useProfiles } from '../../state/profiles';

/** Edits a profile's name, kind and endpoints; the sandbox profile keeps its name and kind. */
export function EditProfileForm({ profile, onDone }: { profile: ProfileSummary; onDone(): void }) {
  const { update, busy } = useProfiles();
  const [name, setName] = useState(profile.name);
  const [kind, setKind] = useState(profile.kind);
  const [workosBaseUrl, setWorkos] = useState(profile.workosBaseUrl);
  const [gemBaseUrl, setGem] = useState(profile.gemBaseUrl);
  const [error, setError] = useState<string | null>(null);
  const isSandbox = profile.id === 'sandbox';
  return (
    <form
      className="form-grid"
      aria-label={`Edit ${profile.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        const patch = isSandbox ? { workosBaseUrl, gemBaseUrl } : { name, kind, workosBaseUrl, gemBaseUrl };
        void update(profile.id, patch).then((failure) => {
          setError(failure?.message ?? null);
          if (!failure) onDone();
        });
      }}
    >
      <label>
        Name <input value={name} disabled={isSandbox} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Kind
        <select
          value={kind}
          disabled={isSandbox}
          onChange={(e) => setKind(e.target.value as ProfileSummary['kind'])}
        >
          <option value="production">production</option>
          <option value="staging">staging</option>
          <option value="sandbox">sandbox (local emulator)</option>
        </select>
      </label>
      <label>
        WorkOS API base URL{' '}
        <input value={workosBaseUrl} onChange={(e) => setWorkos(e.target.value)} required />
      </label>
      <label>
        Gem admin API base URL <input value={gemBaseUrl} onChange={(e) => setGem(e.target.value)} required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
