import { useState } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { useMappings } from '../../state/mappings';
import { DEFAULT_SOURCE_WORDS } from './labels';

/** WorkOS's role slugs for Gem's predefined roles: always offered. */
const PREDEFINED = ['admin', 'standard', 'restricted'];

/**
 * The default role the inference assumes, and a way to pin another one (or unpin). WorkOS does not expose the
 * organization's default role, so the console guesses it unless an admin who knows pins it here.
 */
export function DefaultRoleControl({ teamId }: { teamId: string }) {
  const { defaultRole, defaultRoleError, rows, saving, setDefaultRole } = useMappings();
  const [choice, setChoice] = useState('');
  // The contract has no "roles of this organization" call: offer the predefined roles and every candidate seen.
  const options = [
    ...new Set([
      ...PREDEFINED,
      ...rows.flatMap((g) => g.inference.candidates.map((c) => c.slug)),
      ...(defaultRole?.role ? [defaultRole.role] : []),
    ]),
  ].sort();
  const names = new Map(rows.flatMap((g) => g.inference.candidates.map((c) => [c.slug, c.name] as const)));
  const pinned = defaultRole?.source === 'pinned';
  const selected = choice !== '' ? choice : (defaultRole?.role ?? '');
  return (
    <section className="card" aria-label="Default role" data-testid="default-role">
      <h3>Default role the inference assumes</h3>
      <ErrorNote error={defaultRoleError} />
      {defaultRole && (
        <p data-testid="default-role-text">
          {defaultRole.role ? (
            <>
              <strong>{names.get(defaultRole.role) ?? defaultRole.role}</strong>{' '}
              <span className="mono muted">({defaultRole.role})</span>
            </>
          ) : (
            <strong>none known</strong>
          )}{' '}
          — {DEFAULT_SOURCE_WORDS[defaultRole.source]}.
        </p>
      )}
      <p className="muted small">
        Users none of whose groups is mapped get the organization’s default role. WorkOS does not expose it;
        if you know it (from the customer’s WorkOS dashboard), pin it so the inference uses it.
      </p>
      <div className="toolbar">
        <label className="inline">
          Default role
          <select
            aria-label="Role to pin as default"
            value={selected}
            onChange={(event) => setChoice(event.target.value)}
            disabled={saving}
          >
            {selected === '' && <option value="">Choose a role…</option>}
            {options.map((slug) => (
              <option key={slug} value={slug}>
                {names.get(slug) ? `${names.get(slug)} (${slug})` : slug}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={saving || selected === '' || (pinned && selected === defaultRole.role)}
          onClick={() => void setDefaultRole(teamId, selected).then(() => setChoice(''))}
        >
          Pin as default
        </button>
        {pinned && (
          <button
            type="button"
            disabled={saving}
            onClick={() => void setDefaultRole(teamId, null).then(() => setChoice(''))}
          >
            Unpin (guess again)
          </button>
        )}
        {saving && <span className="muted small">recomputing the mappings…</span>}
      </div>
    </section>
  );
}
