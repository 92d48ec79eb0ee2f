import { useState } from 'react';
import type { ProfileSummary } from '../../../../preload/api';
import { useProfiles } from '../../state/profiles';
import { EditProfileForm } from './EditProfileForm';

interface Props {
  profile: ProfileSummary;
  active: boolean;
  selected: boolean;
  onSelect(): void;
}

/** One profile: switch to it, show its credentials, or remove it after typing its name. */
export function ProfileRow({ profile, active, selected, onSelect }: Props) {
  const { activate, remove, busy } = useProfiles();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const removable = profile.kind !== 'sandbox';

  return (
    <>
      <tr className={selected ? 'selected' : undefined} data-testid={`profile-row-${profile.id}`}>
        <td>
          <button type="button" className="link" onClick={onSelect}>
            {profile.name}
          </button>
          {active && <span className="badge">active</span>}
        </td>
        <td>
          <span className={`kind kind-${profile.kind}`}>{profile.kind}</span>
        </td>
        <td className="path">{profile.workosBaseUrl}</td>
        <td className="path">{profile.gemBaseUrl}</td>
        <td className="actions">
          {!active && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void activate(profile.id).then((e) => setMessage(e?.message ?? null))}
            >
              Switch to
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            Edit
          </button>
          {removable && (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
              Remove…
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <EditProfileForm profile={profile} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
      {confirming && (
        <tr>
          <td colSpan={5}>
            <form
              className="confirm"
              onSubmit={(event) => {
                event.preventDefault();
                void remove(profile.id, typed).then((error) => {
                  setMessage(error?.message ?? null);
                  if (!error) setConfirming(false);
                });
              }}
            >
              <label>
                Removing deletes this profile&apos;s local cache and its keychain entries. Type{' '}
                <strong>{profile.name}</strong> to confirm:{' '}
                <input
                  aria-label="Confirm profile name"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
              </label>
              <button type="submit" className="danger" disabled={busy || typed !== profile.name}>
                Remove profile
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </form>
          </td>
        </tr>
      )}
      {message && (
        <tr>
          <td colSpan={5} className="error" role="alert">
            {message}
          </td>
        </tr>
      )}
    </>
  );
}
