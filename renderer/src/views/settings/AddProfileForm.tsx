import { useState } from 'react';
import type { ProfileDraft } from '../../state/profiles';
import { useProfiles } from '../../state/profiles';

const EMPTY: ProfileDraft = {
  name: '',
  kind: 'staging',
  workosBaseUrl: 'https://api.workos.com',
  gemBaseUrl: '',
};

export function AddProfileForm() {
  const { create, busy } = useProfiles();
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof ProfileDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  return (
    <form
      className="card form-grid"
      aria-label="Add a profile"
      onSubmit={(event) => {
        event.preventDefault();
        void create(draft).then((failure) => {
          setError(failure?.message ?? null);
          if (!failure) setDraft(EMPTY);
        });
      }}
    >
      <h3>Add a profile</h3>
      <label>
        Name <input value={draft.name} onChange={field('name')} required />
      </label>
      <label>
        Kind
        <select value={draft.kind} onChange={field('kind')}>
          <option value="production">production</option>
          <option value="staging">staging</option>
          <option value="sandbox">sandbox (local emulator)</option>
        </select>
      </label>
      <label>
        WorkOS API base URL <input value={draft.workosBaseUrl} onChange={field('workosBaseUrl')} required />
      </label>
      <label>
        Gem admin API base URL{' '}
        <input
          value={draft.gemBaseUrl}
          onChange={field('gemBaseUrl')}
          placeholder="https://…/admin/v0"
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Add profile
      </button>
    </form>
  );
}
