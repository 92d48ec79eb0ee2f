import { z } from 'zod';
import { emptyResult, jsonResult } from '../http/result';
import type { Router } from '../http/router';
import { entityNotFound, sandboxErrorResult, validationFailed } from './http-errors';
import type { WorkosRouteDeps } from './route-deps';
import { wireRole } from './wire-format';

const createRoleBody = z.object({
  slug: z.string().optional(),
  name: z.string(),
  description: z.string().nullable().optional(),
  resource_type_slug: z.string().optional(),
});

const updateRoleBody = z.object({
  name: z.string().optional(),
  description: z.string().nullable().optional(),
});

const createEnvironmentRoleBody = createRoleBody.extend({ slug: z.string().min(1) });

function bodyErrors(error: z.ZodError) {
  return validationFailed(
    error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', code: issue.message })),
  );
}

/** Roles (contract §5): organization roles in priority order, custom-role CRUD, legacy list, environment roles. */
export function addAuthorizationRoutes(router: Router, { state }: WorkosRouteDeps): void {
  const listOrganizationRoles = (organizationId: string) => {
    if (!state.organizations.has(organizationId)) return entityNotFound('Organization', organizationId);
    return jsonResult(200, { object: 'list', data: state.organizationRoles(organizationId).map(wireRole) });
  };

  router.get('/authorization/organizations/:orgId/roles', (ctx) =>
    listOrganizationRoles(ctx.params.orgId ?? ''),
  );
  // Legacy path used by SDK 8.13 organizations.listOrganizationRoles.
  router.get('/organizations/:orgId/roles', (ctx) => listOrganizationRoles(ctx.params.orgId ?? ''));

  router.post('/authorization/organizations/:orgId/roles', async (ctx) => {
    const organizationId = ctx.params.orgId ?? '';
    if (!state.organizations.has(organizationId)) return entityNotFound('Organization', organizationId);
    const parsed = createRoleBody.safeParse(await ctx.bodyJson());
    if (!parsed.success) return bodyErrors(parsed.error);
    try {
      const role = state.createOrganizationRole(organizationId, {
        slug: parsed.data.slug,
        name: parsed.data.name,
        description: parsed.data.description,
      });
      return jsonResult(201, wireRole(role));
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });

  router.get('/authorization/organizations/:orgId/roles/:slug', (ctx) => {
    try {
      return jsonResult(200, wireRole(state.organizationRole(ctx.params.orgId ?? '', ctx.params.slug ?? '')));
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });

  router.patch('/authorization/organizations/:orgId/roles/:slug', async (ctx) => {
    const parsed = updateRoleBody.safeParse((await ctx.bodyJson()) ?? {});
    if (!parsed.success) return bodyErrors(parsed.error);
    try {
      const role = state.updateOrganizationRole(ctx.params.orgId ?? '', ctx.params.slug ?? '', parsed.data);
      return jsonResult(200, wireRole(role));
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });

  router.delete('/authorization/organizations/:orgId/roles/:slug', (ctx) => {
    try {
      state.deleteOrganizationRole(ctx.params.orgId ?? '', ctx.params.slug ?? '');
      return emptyResult(204);
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });

  router.get('/authorization/roles', () =>
    jsonResult(200, { object: 'list', data: state.environmentRolesInPriority().map(wireRole) }),
  );

  router.get('/authorization/roles/:slug', (ctx) => {
    const role = state.environmentRoles.get(ctx.params.slug ?? '');
    if (!role) return entityNotFound('Role', ctx.params.slug ?? '');
    return jsonResult(200, wireRole(role));
  });

  router.post('/authorization/roles', async (ctx) => {
    const parsed = createEnvironmentRoleBody.safeParse(await ctx.bodyJson());
    if (!parsed.success) return bodyErrors(parsed.error);
    try {
      const role = state.createEnvironmentRole({
        slug: parsed.data.slug,
        name: parsed.data.name,
        description: parsed.data.description,
      });
      return jsonResult(201, wireRole(role));
    } catch (error) {
      return sandboxErrorResult(error);
    }
  });
}
