/**
 * The engineer's side of the custom-role workflow (design §8): claim a request in Gem, release it, or complete it —
 * create the WorkOS organization role (idempotently: the same slug and name already there counts as done), then
 * record its slug in Gem. Each step is written to the local cache and to the audit log only after the services
 * accepted it, so a failed step changes nothing locally.
 */
import { AppError } from '../errors';
import type { GemAdminClient } from '../gem/client';
import { workosRoleSlugForGemCustomRole } from '../gem/role-slug-mapping';
import type { GemRole } from '../gem/schemas';
import type { RoleSyncRequest, Store } from '../store';
import { requestRow } from '../sync/requests-sync';
import { workosRoleRow } from '../sync/to-store-rows';
import type { WorkosClient } from '../workos/client';

export interface WorkflowDeps {
  store: Store;
  gem: GemAdminClient;
  workos: WorkosClient;
  /** The Gem staff member acting (from `GET /me`). */
  actor: string;
}

export interface CompletedRoleSync {
  workosRoleSlug: string;
  /** The WorkOS role was already there (a repeated or concurrent completion). */
  alreadyExisted: boolean;
  /** New organization roles land at the bottom of the priority order; says when that may shadow this role. */
  warning: string | null;
}

function requireRequest(store: Store, teamId: string, roleSlug: string): RoleSyncRequest {
  const request = store.roleSyncRequests.get(teamId, roleSlug);
  if (request === null) {
    throw new AppError(
      'not_found',
      `No custom-role request ${roleSlug} of ${teamId} in the cache; sync the queue first.`,
    );
  }
  return request;
}

/** Writes Gem's answer for one role into the cached queue (outside any sync run). */
function recordRole(store: Store, request: RoleSyncRequest, role: GemRole): void {
  const team = {
    teamId: request.teamId,
    teamName: request.teamName,
    csmEmail: request.csmEmail,
    csmName: request.csmName,
  };
  store.roleSyncRequests.writePage(
    [requestRow(team, role)],
    // The row keeps the queue's latest generation, so the next queue sync neither sweeps nor duplicates it.
    {
      generation: latestQueueGeneration(store),
      key: 'workflow:last-action',
      value: `${request.teamId}/${role.slug}`,
    },
  );
}

function latestQueueGeneration(store: Store): number {
  const value: unknown = store.db.prepare('SELECT max(generation) FROM role_sync_requests').pluck().get();
  return typeof value === 'number' ? value : 0;
}

export async function claimRoleSync(
  deps: WorkflowDeps,
  teamId: string,
  roleSlug: string,
): Promise<RoleSyncRequest> {
  const request = requireRequest(deps.store, teamId, roleSlug);
  const role = await deps.gem.setRoleWorkosSync(teamId, roleSlug, { status: 'in_progress' });
  deps.store.transaction(() => {
    recordRole(deps.store, request, role);
    deps.store.auditLog.append({ actor: deps.actor, action: 'role_sync.claimed', teamId, subject: roleSlug });
  });
  return requireRequest(deps.store, teamId, roleSlug);
}

export async function releaseRoleSync(
  deps: WorkflowDeps,
  teamId: string,
  roleSlug: string,
): Promise<RoleSyncRequest> {
  const request = requireRequest(deps.store, teamId, roleSlug);
  const role = await deps.gem.setRoleWorkosSync(teamId, roleSlug, { status: 'pending' });
  deps.store.transaction(() => {
    recordRole(deps.store, request, role);
    deps.store.auditLog.append({
      actor: deps.actor,
      action: 'role_sync.released',
      teamId,
      subject: roleSlug,
    });
  });
  return requireRequest(deps.store, teamId, roleSlug);
}

function shadowWarning(rolesAbove: readonly string[], roleName: string): string | null {
  if (rolesAbove.length === 0) return null;
  return (
    `${roleName} was added at the bottom of the organization's role priority order, below ${rolesAbove.join(', ')}. ` +
    'A user whose IdP groups also map to one of those keeps it; reorder the roles in the WorkOS dashboard if ' +
    `${roleName} should win.`
  );
}

export async function completeRoleSync(
  deps: WorkflowDeps,
  teamId: string,
  roleSlug: string,
): Promise<CompletedRoleSync> {
  const request = requireRequest(deps.store, teamId, roleSlug);
  if (request.status === 'synced' || request.status === 'mapped') {
    throw new AppError(
      'conflict',
      `${request.roleName} is already synced (${request.workosRoleSlug ?? 'no slug recorded'}).`,
    );
  }
  if (request.status !== 'in_progress') {
    throw new AppError(
      'conflict',
      `Claim ${request.roleName} before completing it (it is ${request.status}).`,
    );
  }
  if (request.claimedBy !== deps.actor) {
    throw new AppError(
      'conflict',
      `${request.roleName} is claimed by ${request.claimedBy ?? 'nobody'}, not by you.`,
    );
  }
  const team = deps.store.teams.get(teamId);
  const organizationId = team?.workosOrganizationId ?? null;
  if (organizationId === null) {
    throw new AppError(
      'conflict',
      `${request.teamName} has no WorkOS organization linked; link it before syncing roles.`,
    );
  }
  const slug = workosRoleSlugForGemCustomRole(roleSlug);
  const created = await deps.workos.createOrganizationRole(organizationId, {
    slug,
    name: request.roleName,
    description: `Gem custom role ${roleSlug} (${request.teamName})`,
  });
  const role = await deps.gem.setRoleWorkosSync(teamId, roleSlug, {
    status: 'synced',
    workos_role_slug: slug,
  });
  const priority = await deps.workos.listOrganizationRoles(organizationId);
  const position = priority.findIndex((r) => r.slug === slug);
  const rolesAbove = priority.slice(0, position === -1 ? priority.length : position).map((r) => r.name);
  deps.store.transaction(() => {
    deps.store.workosRoles.writePage(
      priority.map((r) => workosRoleRow(organizationId, r)),
      { generation: latestQueueGeneration(deps.store), key: 'workflow:last-roles', value: organizationId },
    );
    recordRole(deps.store, request, role);
    deps.store.auditLog.append({
      actor: deps.actor,
      action: 'role_sync.completed',
      teamId,
      subject: roleSlug,
      details: { workosRoleSlug: slug, organizationId, alreadyExisted: created.alreadyExisted },
    });
  });
  return {
    workosRoleSlug: slug,
    alreadyExisted: created.alreadyExisted,
    warning: shadowWarning(rolesAbove, request.roleName),
  };
}
