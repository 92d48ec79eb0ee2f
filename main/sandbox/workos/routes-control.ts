import type { z } from 'zod';
import type { FaultInjector } from '../http/faults';
import { emptyResult, type HttpResult, jsonResult } from '../http/result';
import type { RequestContext, Router } from '../http/router';
import type { RequestStats } from '../http/stats';
import * as schemas from './control-schemas';
import { sandboxErrorResult, validationFailed } from './http-errors';
import type { WorkosRateLimiters } from './rate-limits';
import type { WorkosState } from './state';
import { wireConnection, wireDirectory, wireGroup, wireRole, wireUserWithGroups } from './wire-format';

export const CONTROL_PREFIX = '/_sandbox/workos';

export interface ControlDeps {
  state: WorkosState;
  faults: FaultInjector;
  stats: RequestStats;
  rateLimits: WorkosRateLimiters;
}

/**
 * The private control API: lets tests and the app's sandbox tools act as the IdP or the customer admin (users,
 * groups, memberships, the hidden group → role table, role priority, connections, directory state) and tune the
 * stand-in (faults, rate limits, retention). Served only under CONTROL_PREFIX, behind the same bearer keys.
 */
export function addControlRoutes(router: Router, deps: ControlDeps): void {
  const { state } = deps;
  const p = (path: string) => `${CONTROL_PREFIX}${path}`;
  const userOut = (id: string) => {
    const user = state.user(id);
    return wireUserWithGroups(user, state.groupsOfUser(user));
  };

  /** Parses the body with a schema and runs the action, mapping state errors to WorkOS-shaped answers. */
  function action<S extends z.ZodType>(
    schema: S,
    run: (body: z.infer<S>, ctx: RequestContext) => HttpResult,
  ) {
    return async (ctx: RequestContext): Promise<HttpResult> => {
      const parsed = schema.safeParse((await ctx.bodyJson()) ?? {});
      if (!parsed.success) {
        return validationFailed(
          parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'body',
            code: issue.message,
          })),
        );
      }
      try {
        return run(parsed.data, ctx);
      } catch (error) {
        return sandboxErrorResult(error);
      }
    };
  }
  const param = (ctx: RequestContext, name: string) => ctx.params[name] ?? '';

  router.post(
    p('/users'),
    action(schemas.createUserBody, (body) => jsonResult(201, userOut(state.createUser(body).id))),
  );
  router.post(
    p('/users/:id/update'),
    action(schemas.updateUserBody, (body, ctx) =>
      jsonResult(200, userOut(state.updateUser(param(ctx, 'id'), body).id)),
    ),
  );
  router.post(
    p('/users/:id/deactivate'),
    action(schemas.updateUserBody, (_body, ctx) => {
      state.deactivateUser(param(ctx, 'id'));
      return emptyResult(204);
    }),
  );
  router.post(
    p('/users/:id/delete'),
    action(schemas.updateUserBody, (_body, ctx) => {
      state.deleteUser(param(ctx, 'id'));
      return emptyResult(204);
    }),
  );
  router.post(
    p('/memberships'),
    action(schemas.membershipBody, (body) => {
      state.addUserToGroup(body.userId, body.groupId);
      return jsonResult(200, userOut(body.userId));
    }),
  );
  router.post(
    p('/memberships/remove'),
    action(schemas.membershipBody, (body) => {
      state.removeUserFromGroup(body.userId, body.groupId);
      return jsonResult(200, userOut(body.userId));
    }),
  );
  router.post(
    p('/groups'),
    action(schemas.createGroupBody, (body) => jsonResult(201, wireGroup(state.createGroup(body)))),
  );
  router.post(
    p('/groups/:id/update'),
    action(schemas.updateGroupBody, (body, ctx) =>
      jsonResult(200, wireGroup(state.updateGroup(param(ctx, 'id'), body))),
    ),
  );
  router.post(
    p('/groups/:id/delete'),
    action(schemas.updateGroupBody, (_body, ctx) => {
      state.deleteGroup(param(ctx, 'id'));
      return emptyResult(204);
    }),
  );
  router.post(
    p('/group-roles'),
    action(schemas.groupRoleBody, (body) => {
      state.setGroupRole(body.directoryId, body.groupId, body.roleSlug);
      return jsonResult(200, {
        directory_id: body.directoryId,
        group_roles: state.groupRoleTable(body.directoryId),
      });
    }),
  );
  router.get(p('/directories/:id/group-roles'), (ctx) => {
    try {
      return jsonResult(200, {
        directory_id: param(ctx, 'id'),
        group_roles: state.groupRoleTable(param(ctx, 'id')),
      });
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });
  router.post(
    p('/priority'),
    action(schemas.priorityBody, (body) => {
      state.setPriority(body.organizationId, body.slugs);
      return jsonResult(200, {
        organization_id: body.organizationId,
        priority: state.organizationRoles(body.organizationId).map((r) => r.slug),
      });
    }),
  );
  router.post(
    p('/organization-roles'),
    action(schemas.organizationRoleBody, ({ organizationId, ...input }) =>
      jsonResult(201, wireRole(state.createOrganizationRole(organizationId, input))),
    ),
  );
  router.post(
    p('/environment-roles'),
    action(schemas.environmentRoleBody, (body) =>
      jsonResult(201, wireRole(state.createEnvironmentRole(body))),
    ),
  );
  router.post(
    p('/default-role'),
    action(schemas.defaultRoleBody, (body) => {
      state.setDefaultRole(body.slug);
      return jsonResult(200, { default_role: state.defaultRole });
    }),
  );
  router.post(
    p('/directories'),
    action(schemas.createDirectoryBody, (body) => {
      const directory = state.createDirectory(body);
      return jsonResult(201, wireDirectory(directory, state.directoryUserCounts(directory)));
    }),
  );
  router.post(
    p('/directories/:id/state'),
    action(schemas.directoryStateBody, (body, ctx) => {
      const directory = state.setDirectoryState(param(ctx, 'id'), body.state);
      return jsonResult(200, wireDirectory(directory, state.directoryUserCounts(directory)));
    }),
  );
  router.post(
    p('/connections'),
    action(schemas.createConnectionBody, (body) =>
      jsonResult(201, wireConnection(state.createConnection(body))),
    ),
  );
  router.post(
    p('/connections/:id/state'),
    action(schemas.connectionStateBody, (body, ctx) =>
      jsonResult(200, wireConnection(state.setConnectionState(param(ctx, 'id'), body.state))),
    ),
  );
  router.post(
    p('/faults'),
    action(schemas.faultsBody, (body) => {
      deps.faults.replaceAll(body);
      return jsonResult(200, { faults: deps.faults.snapshot() });
    }),
  );
  router.post(
    p('/rate-limits'),
    action(schemas.rateLimitsBody, (body) => {
      deps.rateLimits.configure(body);
      return jsonResult(200, deps.rateLimits.snapshot());
    }),
  );
  router.post(
    p('/retention'),
    action(schemas.retentionBody, (body) => {
      state.events.retentionMs = body.retentionMs;
      return jsonResult(200, { retention_ms: state.events.retentionMs });
    }),
  );
  router.post(
    p('/deactivation'),
    action(schemas.deactivationBody, (body) => {
      state.deactivationMode = body.mode;
      return jsonResult(200, { mode: state.deactivationMode });
    }),
  );
  router.get(p('/stats'), () => jsonResult(200, deps.stats.snapshot()));
}
