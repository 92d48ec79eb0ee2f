/**
 * GemAdminClient over fetch. Every call goes through one `runner` (the seam where retries and pacing wrap each
 * request; see ./retrying-runner), every 2xx body is validated with zod, and every failure is a GemApiError.
 * Every PUT carries an `Idempotency-Key`, the same one on each retry of that call.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  GEM_CALL_CAPABILITY,
  type GemAdminClient,
  type ListMembersParams,
  type ListRoleSyncRequestsParams,
  type ListTeamsParams,
  type MutationOptions,
  type SetRoleWorkosSyncBody,
} from './client';
import { gemErrorFromResponse, gemMalformedResponse, gemTransportError, type GemCallInfo } from './errors';
import {
  gemListSchema,
  gemMemberSchema,
  gemRoleListSchema,
  gemRoleSchema,
  gemRoleSyncRequestSchema,
  gemStaffSchema,
  gemTeamSchema,
  type GemPage,
} from './schemas';

/** One call, as the runner sees it: what it is, and its idempotency key when it is a mutation. */
export interface GemCall extends GemCallInfo {
  name: keyof GemAdminClient;
  idempotencyKey?: string;
}

/**
 * Runs one call's attempt(s). The default runs the attempt once; a retrying runner calls `attempt` again after
 * a retryable GemApiError (same request, same Idempotency-Key).
 */
export type GemCallRunner = <T>(call: GemCall, attempt: () => Promise<T>) => Promise<T>;

export const runOnce: GemCallRunner = (_call, attempt) => attempt();

export interface GemHttpClientOptions {
  /** The admin API base URL, path prefix included, e.g. `https://api.gem.com/admin/v0`. */
  baseUrl: string;
  /** The staff token; sent as `Authorization: Bearer …` and never put in a message. */
  token: string;
  runner?: GemCallRunner;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_GEM_TIMEOUT_MS = 30_000;

type Query = Record<string, string | number | undefined>;

interface RequestSpec<S extends z.ZodType> {
  name: keyof GemAdminClient;
  operation: string;
  method: 'GET' | 'PUT';
  path: string;
  query?: Query;
  body?: unknown;
  idempotencyKey?: string;
  schema: S;
}

function pageQuery(params: { limit?: number; cursor?: string }): Query {
  return { limit: params.limit, cursor: params.cursor };
}

export function createGemHttpClient(options: GemHttpClientOptions): GemAdminClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const runner = options.runner ?? runOnce;
  const timeoutMs = options.timeoutMs ?? DEFAULT_GEM_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;

  function urlFor(path: string, query: Query | undefined): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const qs = search.toString();
    return `${base}${path}${qs === '' ? '' : `?${qs}`}`;
  }

  async function attempt<S extends z.ZodType>(call: GemCall, spec: RequestSpec<S>): Promise<z.infer<S>> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/json',
    };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(urlFor(spec.path, spec.query), {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw gemTransportError(call, error, 'request');
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw gemTransportError(call, error, 'body');
    }
    if (response.status >= 400) {
      throw gemErrorFromResponse(call, response.status, text, response.headers.get('retry-after'));
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      throw gemMalformedResponse(
        call,
        response.status,
        `expected JSON, got Content-Type "${contentType || 'none'}"`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw gemMalformedResponse(call, response.status, 'the body is not valid JSON', error);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
        .join('; ');
      throw gemMalformedResponse(
        call,
        response.status,
        `the body does not match the contract (${where})`,
        parsed.error,
      );
    }
    return parsed.data;
  }

  function request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.infer<S>> {
    const call: GemCall = {
      name: spec.name,
      operation: spec.operation,
      method: spec.method,
      capability: GEM_CALL_CAPABILITY[spec.name],
    };
    if (spec.method === 'PUT') call.idempotencyKey = spec.idempotencyKey ?? randomUUID();
    return runner(call, () => attempt(call, spec));
  }

  const enc = encodeURIComponent;
  const key = (options?: MutationOptions) => options?.idempotencyKey;

  return {
    me: () =>
      request({
        name: 'me',
        operation: 'GET /me (who am I)',
        method: 'GET',
        path: '/me',
        schema: gemStaffSchema,
      }),

    listTeams: (params: ListTeamsParams = {}): Promise<GemPage<z.infer<typeof gemTeamSchema>>> =>
      request({
        name: 'listTeams',
        operation: 'list teams',
        method: 'GET',
        path: '/teams',
        query: {
          scim: params.scim,
          csm: params.csmIsMe === true ? 'me' : undefined,
          query: params.query,
          ...pageQuery(params),
        },
        schema: gemListSchema(gemTeamSchema),
      }),

    getTeam: (teamId) =>
      request({
        name: 'getTeam',
        operation: `get team ${teamId}`,
        method: 'GET',
        path: `/teams/${enc(teamId)}`,
        schema: gemTeamSchema,
      }),

    setScimModule: (teamId, enabled, options) =>
      request({
        name: 'setScimModule',
        operation: `${enabled ? 'enable' : 'disable'} the SCIM module of team ${teamId}`,
        method: 'PUT',
        path: `/teams/${enc(teamId)}/scim`,
        body: { module_enabled: enabled },
        idempotencyKey: key(options),
        schema: gemTeamSchema,
      }),

    linkWorkosOrganization: (teamId, workosOrganizationId, options) =>
      request({
        name: 'linkWorkosOrganization',
        operation: `link team ${teamId} to WorkOS organization ${workosOrganizationId}`,
        method: 'PUT',
        path: `/teams/${enc(teamId)}/scim/workos-organization`,
        body: { workos_organization_id: workosOrganizationId },
        idempotencyKey: key(options),
        schema: gemTeamSchema,
      }),

    listMembers: (teamId, params: ListMembersParams = {}) =>
      request({
        name: 'listMembers',
        operation: `list members of team ${teamId}`,
        method: 'GET',
        path: `/teams/${enc(teamId)}/members`,
        query: { status: params.status, updated_after: params.updatedAfter, ...pageQuery(params) },
        schema: gemListSchema(gemMemberSchema),
      }),

    listRoles: async (teamId) =>
      (
        await request({
          name: 'listRoles',
          operation: `list roles of team ${teamId}`,
          method: 'GET',
          path: `/teams/${enc(teamId)}/roles`,
          schema: gemRoleListSchema,
        })
      ).data,

    listRoleSyncRequests: (params: ListRoleSyncRequestsParams = {}) =>
      request({
        name: 'listRoleSyncRequests',
        operation: 'list role-sync requests',
        method: 'GET',
        path: '/role-sync-requests',
        query: { status: params.status, ...pageQuery(params) },
        schema: gemListSchema(gemRoleSyncRequestSchema),
      }),

    setRoleWorkosSync: (teamId, slug, body: SetRoleWorkosSyncBody, options) =>
      request({
        name: 'setRoleWorkosSync',
        operation: `set the WorkOS sync of role ${slug} in team ${teamId} to ${body.status}`,
        method: 'PUT',
        path: `/teams/${enc(teamId)}/roles/${enc(slug)}/workos-sync`,
        body,
        idempotencyKey: key(options),
        schema: gemRoleSchema,
      }),
  };
}
