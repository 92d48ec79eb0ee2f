import { z } from 'zod';
import { jsonResult } from '../http/result';
import type { Router } from '../http/router';
import { entityNotFound, sandboxErrorResult, validationFailed } from './http-errors';
import { isPage, listEnvelope, paginate } from './pagination';
import { PORTAL_INTENTS } from './portal-links';
import { apiKeyOf, type WorkosRouteDeps } from './route-deps';
import { wireConnection, wireOrganization } from './wire-format';

const createOrganizationBody = z.object({
  name: z.string().min(1),
  domain_data: z
    .array(z.object({ domain: z.string().min(1), state: z.enum(['pending', 'verified']).optional() }))
    .optional(),
  domains: z.array(z.string().min(1)).optional(),
  external_id: z
    .string()
    .max(128)
    .refine((value) => [...value].every((char) => char.charCodeAt(0) <= 0x7f), 'external_id must be ASCII')
    .nullable()
    .optional(),
  metadata: z.record(z.string().max(40), z.string().max(600)).nullable().optional(),
  allow_profiles_outside_organization: z.boolean().nullable().optional(),
});

const generateLinkBody = z.object({
  organization: z.string(),
  intent: z.enum(PORTAL_INTENTS).optional(),
  return_url: z.string().nullable().optional(),
  success_url: z.string().nullable().optional(),
  it_contact_emails: z.array(z.string()).max(20).optional(),
});

function zodErrors(error: z.ZodError): { field: string; code: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', code: issue.message }));
}

/** Organizations, Admin Portal links and SSO connections (contract §3, §4). */
export function addOrganizationRoutes(router: Router, deps: WorkosRouteDeps): void {
  const { state } = deps;

  router.get('/organizations', (ctx) => {
    const domains = new Set(ctx.query.getList('domains').map((domain) => domain.toLowerCase()));
    const search = ctx.query.get('search')?.toLowerCase();
    const all = state.sorted('organizations', () => state.organizations.values());
    const filtered = all.filter(
      (organization) =>
        (domains.size === 0 ||
          organization.domains.some((domain) => domains.has(domain.domain.toLowerCase()))) &&
        (search === undefined || organization.name.toLowerCase().includes(search)),
    );
    const page = paginate(filtered, ctx.query);
    if (!isPage(page)) return page;
    return jsonResult(200, listEnvelope(page, wireOrganization));
  });

  router.get('/organizations/external_id/:externalId', (ctx) => {
    const externalId = ctx.params.externalId ?? '';
    const organization = [...state.organizations.values()].find((entry) => entry.externalId === externalId);
    if (!organization) return entityNotFound('Organization', externalId);
    return jsonResult(200, wireOrganization(organization));
  });

  router.get('/organizations/:id', (ctx) => {
    const organization = state.organizations.get(ctx.params.id ?? '');
    if (!organization) return entityNotFound('Organization', ctx.params.id ?? '');
    return jsonResult(200, wireOrganization(organization));
  });

  router.post('/organizations', async (ctx) => {
    const bodyText = await ctx.bodyText();
    const idempotencyKey = ctx.header('idempotency-key');
    const scope = `${apiKeyOf(ctx)} ${ctx.path}`;
    if (idempotencyKey !== undefined) {
      const replay = deps.idempotency.lookup(scope, idempotencyKey, bodyText);
      if (replay) return replay;
    }
    const parsed = createOrganizationBody.safeParse(await ctx.bodyJson());
    if (!parsed.success) return validationFailed(zodErrors(parsed.error));
    const body = parsed.data;
    let result;
    try {
      const organization = state.createOrganization({
        name: body.name,
        externalId: body.external_id ?? null,
        metadata: body.metadata ?? {},
        domains: body.domain_data ?? body.domains ?? [],
      });
      result = jsonResult(201, wireOrganization(organization));
    } catch (error) {
      result = sandboxErrorResult(error);
    }
    if (idempotencyKey !== undefined) deps.idempotency.remember(scope, idempotencyKey, bodyText, result);
    return result;
  });

  router.post('/portal/generate_link', async (ctx) => {
    const parsed = generateLinkBody.safeParse(await ctx.bodyJson());
    if (!parsed.success) return validationFailed(zodErrors(parsed.error));
    const { organization: organizationId, intent } = parsed.data;
    if (!state.organizations.has(organizationId)) {
      return jsonResult(400, { message: `Could not find an organization with the id, ${organizationId}.` });
    }
    const token = deps.portal.issue(organizationId, intent ?? 'sso');
    return jsonResult(201, { link: `${deps.baseUrl()}/portal/launch?token=${token}` });
  });

  // The page a portal link opens; unauthenticated like the real setup.workos.com page.
  router.get('/portal/launch', (ctx) => {
    const resolved = deps.portal.resolve(ctx.query.get('token') ?? '');
    if (resolved.status === 'unknown') return jsonResult(404, { message: 'Not Found' });
    if (resolved.status === 'expired')
      return jsonResult(410, { message: 'This Admin Portal link has expired.', code: 'link_expired' });
    return jsonResult(200, {
      object: 'portal_session',
      organization_id: resolved.link.organizationId,
      intent: resolved.link.intent,
    });
  });

  router.get('/connections', (ctx) => {
    const organizationId = ctx.query.get('organization_id');
    const connectionType = ctx.query.get('connection_type');
    const domain = ctx.query.get('domain')?.toLowerCase();
    const all = state.sorted('connections', () => state.connections.values());
    const filtered = all.filter(
      (connection) =>
        (organizationId === undefined || connection.organizationId === organizationId) &&
        (connectionType === undefined || connection.connectionType === connectionType) &&
        (domain === undefined || connection.domains.some((entry) => entry.domain.toLowerCase() === domain)),
    );
    const page = paginate(filtered, ctx.query);
    if (!isPage(page)) return page;
    return jsonResult(200, listEnvelope(page, wireConnection));
  });

  router.get('/connections/:id', (ctx) => {
    const connection = state.connections.get(ctx.params.id ?? '');
    if (!connection) return entityNotFound('Connection', ctx.params.id ?? '');
    return jsonResult(200, wireConnection(connection));
  });
}
