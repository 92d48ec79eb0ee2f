/** The custom-role workflow's actions, notifications and the audit log. */
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { claimRoleSync, completeRoleSync, releaseRoleSync } from '../workflow/role-sync-actions';
import type { WorkflowDeps } from '../workflow/role-sync-actions';
import { linkOrganization, portalLink, setScimModule } from '../workflow/csm-actions';

async function workflowDeps(context: CoreContext): Promise<WorkflowDeps> {
  const session = context.session();
  const store = session.requireStore();
  const [clients, me] = await Promise.all([session.clients(), session.identity()]);
  return { store, gem: clients.gem, workos: clients.workos, actor: me.email };
}

const statusOf = (request: { status: string; claimedBy: string | null; workosRoleSlug: string | null }) => ({
  status: request.status,
  claimedBy: request.claimedBy,
  workosRoleSlug: request.workosRoleSlug,
});

export function workflowRequestHandlers(context: CoreContext): Omit<Handlers['requests'], 'list'> {
  return {
    claim: async ({ teamId, roleSlug }) =>
      statusOf(await claimRoleSync(await workflowDeps(context), teamId, roleSlug)),
    release: async ({ teamId, roleSlug }) =>
      statusOf(await releaseRoleSync(await workflowDeps(context), teamId, roleSlug)),
    complete: async ({ teamId, roleSlug }) => completeRoleSync(await workflowDeps(context), teamId, roleSlug),
  };
}

export function notificationHandlers(context: CoreContext): Handlers['notifications'] {
  return {
    list: async ({ offset, limit }) =>
      context
        .session()
        .requireStore()
        .notifications.list({ offset, limit, sort: 'created_at', direction: 'desc' }),
    markRead: async ({ id }) => ({ read: context.session().requireStore().notifications.markRead(id) }),
  };
}

export function auditHandlers(context: CoreContext): Handlers['audit'] {
  return {
    list: async ({ offset, limit, teamId }) =>
      context
        .session()
        .requireStore()
        .auditLog.list(teamId === undefined ? {} : { teamId }, {
          offset,
          limit,
          sort: 'created_at',
          direction: 'desc',
        }),
  };
}

export function csmTeamHandlers(
  context: CoreContext,
): Pick<Handlers['teams'], 'setScimModule' | 'linkOrganization' | 'portalLink'> {
  return {
    setScimModule: async ({ teamId, enabled }) => setScimModule(await workflowDeps(context), teamId, enabled),
    linkOrganization: async ({ teamId, organizationId }) =>
      linkOrganization(await workflowDeps(context), teamId, organizationId),
    portalLink: async ({ teamId, intent }) => portalLink(await workflowDeps(context), teamId, intent),
  };
}
