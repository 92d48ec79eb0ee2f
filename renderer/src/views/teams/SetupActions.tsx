import { useState } from 'react';
import type { Result, TeamOverview } from '../../../../preload/api';
import { formatDateTime } from '../../components/format';
import { settle } from '../../state/call';
import { useIdentity } from '../../state/identity';
import { useNetworkGate } from '../../state/network';
import { useTeams } from '../../state/teams';

interface PortalLink {
  link: string;
  intent: 'dsync' | 'sso';
  expiresAt: string;
}

/**
 * The CSM's next step for a team (design §1): enable its SCIM module, link or create its WorkOS organization,
 * then hand the customer's IT admin a fresh Admin Portal link (SCIM setup, or SSO for Okta teams). Links expire
 * after five minutes: they are produced on click, shown once, and never stored.
 */
export function SetupActions({ overview }: { overview: TeamOverview }) {
  const canManage = useIdentity((s) => s.can('scim:manage'));
  const gate = useNetworkGate();
  const reload = useTeams((s) => s.loadOverview);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [organizationId, setOrganizationId] = useState('');
  const [portal, setPortal] = useState<PortalLink | null>(null);
  const teamId = overview.team.id;
  const blocked = gate.blocked || busy || !canManage;
  const title = !canManage ? 'Needs the scim:manage capability (CSMs)' : (gate.reason ?? undefined);

  async function run<T>(pending: Promise<Result<T>>, ok: (value: T) => string) {
    setBusy(true);
    const outcome = await pending.catch(() => null);
    setBusy(false);
    if (outcome === null) setMessage({ kind: 'error', text: 'The console core did not answer.' });
    else
      setMessage(
        outcome.ok ? { kind: 'ok', text: ok(outcome.value) } : { kind: 'error', text: outcome.error.message },
      );
    // Gem's answer is already in the cache: the overview shows the new state at once.
    await reload();
  }

  const enable = () =>
    run(window.gemConsole.teams.setScimModule({ teamId, enabled: true }), () => 'The SCIM module is on.');
  const link = () =>
    run(
      window.gemConsole.teams.linkOrganization({ teamId, organizationId: organizationId.trim() || null }),
      (linked) =>
        `${linked.created ? 'Created and linked' : 'Linked'} WorkOS organization ${linked.organizationId}.`,
    );
  async function getLink(intent: 'dsync' | 'sso') {
    setBusy(true);
    const { value, error } = await settle(window.gemConsole.teams.portalLink({ teamId, intent }));
    setBusy(false);
    setPortal(value);
    setMessage(error ? { kind: 'error', text: error.message } : null);
  }

  return (
    <div className="setup-actions" aria-label="Setup actions" data-testid="setup-actions">
      <h3>Next step</h3>
      {!overview.scim.moduleEnabled && (
        <button type="button" disabled={blocked} title={title} onClick={() => void enable()}>
          Enable the SCIM module
        </button>
      )}
      {overview.scim.moduleEnabled && !overview.scim.linked && (
        <div className="inline-form">
          <label>
            WorkOS organization id <span className="muted small">(empty: create one for this team)</span>
            <input
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
              placeholder="org_…"
            />
          </label>
          <button type="button" disabled={blocked} title={title} onClick={() => void link()}>
            {organizationId.trim() ? 'Link organization' : 'Create and link organization'}
          </button>
        </div>
      )}
      {overview.scim.linked && (
        <div className="inline-form">
          <button type="button" disabled={blocked} title={title} onClick={() => void getLink('dsync')}>
            {overview.scim.setupCompleted ? 'New SCIM setup link' : 'Get the SCIM setup link'}
          </button>
          {overview.okta.usesOkta && (
            <button type="button" disabled={blocked} title={title} onClick={() => void getLink('sso')}>
              Get the SSO setup link
            </button>
          )}
        </div>
      )}
      {portal && (
        <div className="portal-link" data-testid="portal-link">
          <a href={portal.link} target="_blank" rel="noreferrer noopener">
            Open the WorkOS Admin Portal ({portal.intent === 'dsync' ? 'Directory Sync' : 'SSO'})
          </a>
          <div className="muted small">
            Send this link to the customer&apos;s IT admin; it expires at {formatDateTime(portal.expiresAt)}.
          </div>
          <input
            className="mono"
            readOnly
            value={portal.link}
            aria-label="Setup link"
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {!canManage && <p className="muted small">Setup actions need the scim:manage capability (CSMs).</p>}
    </div>
  );
}
