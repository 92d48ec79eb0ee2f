/**
 * The CSM's side (design §1): enable or disable a team's SCIM module in Gem, link the team to a WorkOS organization
 * (an existing one, or one created for it — idempotently, keyed by the Gem team id), and produce a fresh Admin
 * Portal link for the customer's IT admin. Local rows and the audit log change only after the services agreed.
 */
import { AppError, isAppError } from '../errors';
import type { GemAdminClient } from '../gem/client';
import type { Store, Team } from '../store';
import { teamRow } from '../sync/to-store-rows';
import type { WorkosClient } from '../workos/client';
import type { PortalIntent } from '../workos/types';

export interface CsmDeps {
  store: Store;
  gem: GemAdminClient;
  workos: WorkosClient;
  actor: string;
}

/** Portal links expire five minutes after issuance (contract §3): generated on click, never cached. */
export const PORTAL_LINK_LIFETIME_MS = 5 * 60 * 1000;

function cachedTeam(store: Store, teamId: string): Team {
  const team = store.teams.get(teamId);
  if (team === null)
    throw new AppError('not_found', `Team ${teamId} is not in the local cache; sync it first.`);
  return team;
}

function latestGeneration(store: Store): number {
  const value: unknown = store.db.prepare('SELECT max(generation) FROM teams').pluck().get();
  return typeof value === 'number' ? value : 0;
}

export async function setScimModule(deps: CsmDeps, teamId: string, enabled: boolean): Promise<Team> {
  cachedTeam(deps.store, teamId);
  const team = await deps.gem.setScimModule(teamId, enabled);
  deps.store.transaction(() => {
    deps.store.teams.upsert(teamRow(team), latestGeneration(deps.store));
    deps.store.auditLog.append({
      actor: deps.actor,
      action: enabled ? 'scim.module_enabled' : 'scim.module_disabled',
      teamId,
      subject: team.name,
    });
  });
  return cachedTeam(deps.store, teamId);
}

/** Links `organizationId`, or, when it is absent, the organization created for this team (external id = team id). */
export async function linkOrganization(
  deps: CsmDeps,
  teamId: string,
  organizationId: string | null,
): Promise<{ team: Team; organizationId: string; created: boolean }> {
  const cached = cachedTeam(deps.store, teamId);
  if (!cached.scimModuleEnabled) {
    throw new AppError(
      'conflict',
      `Enable the SCIM module of ${cached.name} before linking a WorkOS organization.`,
    );
  }
  let created = false;
  let target: string;
  if (organizationId !== null) {
    target = (await deps.workos.getOrganization(organizationId)).id;
  } else {
    try {
      target = (await deps.workos.getOrganizationByExternalId(teamId)).id;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not_found') throw error;
      const organization = await deps.workos.createOrganization({
        name: cached.name,
        externalId: teamId,
        // The same key for the same team: a retried or repeated create returns the first organization.
        idempotencyKey: `gem-scim-console:create-organization:${teamId}`,
      });
      target = organization.id;
      created = true;
    }
  }
  const team = await deps.gem.linkWorkosOrganization(teamId, target);
  deps.store.transaction(() => {
    deps.store.teams.upsert(teamRow(team), latestGeneration(deps.store));
    deps.store.auditLog.append({
      actor: deps.actor,
      action: created ? 'workos.organization_created_and_linked' : 'workos.organization_linked',
      teamId,
      subject: target,
    });
  });
  return { team: cachedTeam(deps.store, teamId), organizationId: target, created };
}

export async function portalLink(
  deps: CsmDeps,
  teamId: string,
  intent: Extract<PortalIntent, 'dsync' | 'sso'>,
  now: () => number = Date.now,
): Promise<{ link: string; intent: 'dsync' | 'sso'; expiresAt: string }> {
  const team = cachedTeam(deps.store, teamId);
  if (team.workosOrganizationId === null) {
    throw new AppError(
      'conflict',
      `Link ${team.name} to a WorkOS organization before producing a setup link.`,
    );
  }
  const issuedAt = now();
  const link = await deps.workos.generatePortalLink({ organization: team.workosOrganizationId, intent });
  // The link itself grants setup access: it is shown once and never written down.
  deps.store.auditLog.append({
    actor: deps.actor,
    action: 'workos.portal_link_generated',
    teamId,
    details: { intent },
  });
  return { link, intent, expiresAt: new Date(issuedAt + PORTAL_LINK_LIFETIME_MS).toISOString() };
}
