import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../../../preload/api';
import { useProfiles } from '../../state/profiles';

const LABELS = { workos: 'WorkOS API key', gem: 'Gem staff token' } as const;

/** Set (verified first) or clear a profile's secrets; only `configured` and a four-character hint are ever shown. */
export function CredentialsPanel({ profile }: { profile: ProfileSummary }) {
  const { credentials, loadCredentials } = useProfiles();
  const status = credentials[profile.id];

  useEffect(() => {
    void loadCredentials(profile.id);
  }, [profile.id, loadCredentials]);

  return (
    <section className="card" aria-label={`Credentials of ${profile.name}`} data-testid="credentials-panel">
      <h3>Credentials · {profile.name}</h3>
      {status && !status.keychain.available && (
        <p className="error" role="alert" data-testid="keychain-unavailable">
          The keychain is unavailable: {status.keychain.reason} Credentials cannot be set; the console is
          read-only from its cache.
        </p>
      )}
      {profile.kind === 'sandbox' ? (
        <p className="muted">The sandbox profile talks to the built-in stand-ins and needs no credentials.</p>
      ) : (
        (['workos', 'gem'] as const).map((which) => (
          <SecretRow
            key={which}
            profileId={profile.id}
            which={which}
            state={status?.[which] ?? null}
            disabled={!status?.keychain.available}
          />
        ))
      )}
    </section>
  );
}

interface RowProps {
  profileId: string;
  which: 'workos' | 'gem';
  state: { configured: boolean; hint: string | null } | null;
  disabled: boolean;
}

function SecretRow({ profileId, which, state, disabled }: RowProps) {
  const { setSecret, clearSecret, busy } = useProfiles();
  const [secret, setSecretText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  return (
    <form
      className="secret-row"
      data-testid={`secret-${which}`}
      onSubmit={(event) => {
        event.preventDefault();
        setMessage({ kind: 'ok', text: 'Verifying…' });
        void setSecret(profileId, which, secret).then((error) => {
          setSecretText('');
          setMessage(
            error ? { kind: 'error', text: error.message } : { kind: 'ok', text: 'Verified and saved.' },
          );
        });
      }}
    >
      <span className="secret-label">{LABELS[which]}</span>
      <span data-testid={`secret-${which}-state`}>
        {state === null ? '…' : state.configured ? `configured ${state.hint ?? ''}`.trim() : 'not set'}
      </span>
      <input
        type="password"
        autoComplete="off"
        aria-label={`New ${LABELS[which]}`}
        value={secret}
        disabled={disabled}
        onChange={(e) => setSecretText(e.target.value)}
      />
      <button type="submit" disabled={disabled || busy || secret.length === 0}>
        Verify and save
      </button>
      <button
        type="button"
        disabled={disabled || busy || !state?.configured}
        onClick={() =>
          void clearSecret(profileId, which).then((error) =>
            setMessage(error ? { kind: 'error', text: error.message } : null),
          )
        }
      >
        Clear
      </button>
      {message && (
        <span
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      )}
    </form>
  );
}
