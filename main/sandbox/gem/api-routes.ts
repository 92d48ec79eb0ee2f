/** The Gem admin API v0 calls (contract: gem/admin-api.md), registered under the configured prefix. */
import { z } from 'zod';
import { jsonResult, type HttpResult, type QueryParams, type Router } from '../http';
import { pageAfter, type CursorCodec } from './cursor';
import type { GemOutcome } from './failure';
import {
  failureResult,
  guarded,
  guardedMutation,
  invalidRequestResult,
  type GuardDeps,
} from './request-guard';
import { WORKOS_SYNC_STATUSES } from './state-types';
import { memberToWire, roleSyncRequestToWire, roleToWire, staffToWire, teamToWire } from './wire';

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 200;

export interface ApiDeps extends GuardDeps {
  cursors: CursorCodec;
}

type Paging = { ok: true; limit: number; after: string | undefined } | { ok: false; result: HttpResult };

/** `limit` (1..200, default 100) and a `cursor` that must have been issued for exactly this list. */
function readPaging(query: QueryParams, cursors: CursorCodec, listKey: string): Paging {
  const rawLimit = query.get('limit');
  let limit = DEFAULT_PAGE_LIMIT;
  if (rawLimit !== undefined) {
    const parsed = /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(parsed >= 1 && parsed <= MAX_PAGE_LIMIT)) {
      return {
        ok: false,
        result: invalidRequestResult(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`, ['limit']),
      };
    }
    limit = parsed;
  }
  const cursor = query.get('cursor');
  if (cursor === undefined) return { ok: true, limit, after: undefined };
  const after = cursors.decode(listKey, cursor);
  if (after === undefined) {
    return {
      ok: false,
      result: invalidRequestResult('cursor was not issued for this list or was altered', ['cursor']),
    };
  }
  return { ok: true, limit, after };
}

function listResult<T>(
  cursors: CursorCodec,
  listKey: string,
  items: readonly T[],
  positionOf: (item: T) => string,
  paging: { limit: number; after: string | undefined },
  toWire: (item: T) => unknown,
): HttpResult {
  const page = pageAfter(items, positionOf, paging.after, paging.limit);
  return jsonResult(200, {
    data: page.data.map(toWire),
    next_cursor: page.nextPosition === null ? null : cursors.encode(listKey, page.nextPosition),
  });
}

function outcomeResult<T>(outcome: GemOutcome<T>, toWire: (value: T) => unknown): HttpResult {
  return outcome.ok ? jsonResult(200, toWire(outcome.value)) : failureResult(outcome.failure);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): value is T {
  return value !== undefined && (allowed as readonly string[]).includes(value);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The zod issues' first path segments, as `details.fields`. */
function fieldsOf(error: z.ZodError): string[] {
  const fields = error.issues.map((issue) => (issue.path.length > 0 ? String(issue.path[0]) : 'body'));
  return [...new Set(fields)];
}

const scimBody = z.object({ module_enabled: z.boolean() });
const organizationBody = z.object({ workos_organization_id: z.string().min(1) });
const workosSyncBody = z.object({
  status: z.enum(WORKOS_SYNC_STATUSES),
  workos_role_slug: z.string().min(1).nullable().optional(),
});

export function registerGemApiRoutes(router: Router, prefix: string, deps: ApiDeps): void {
  const { state, cursors } = deps;
  const at = (path: string) => `${prefix}${path}`;

  router.get(
    at('/me'),
    guarded(deps, null, (_ctx, staff) => jsonResult(200, staffToWire(staff))),
  );

  router.get(
    at('/teams'),
    guarded(deps, 'teams:read', (ctx, staff) => {
      const scim = ctx.query.get('scim') ?? 'any';
      const csm = ctx.query.get('csm');
      const text = (ctx.query.get('query') ?? '').trim().toLowerCase();
      const bad: string[] = [];
      if (!oneOf(scim, ['enabled', 'disabled', 'any'] as const)) bad.push('scim');
      if (csm !== undefined && csm !== 'me') bad.push('csm');
      if (bad.length > 0)
        return invalidRequestResult('scim must be enabled|disabled|any; csm must be me', bad);
      const listKey = `teams\n${scim}\n${csm === 'me' ? staff.id : ''}\n${text}`;
      const paging = readPaging(ctx.query, cursors, listKey);
      if (!paging.ok) return paging.result;
      const teams = state
        .listTeams()
        .filter(
          (team) =>
            (scim === 'any' || team.scim.module_enabled === (scim === 'enabled')) &&
            (csm !== 'me' || team.csm.email.toLowerCase() === staff.email.toLowerCase()) &&
            (text === '' ||
              [team.name, team.domain, team.id].some((field) => field.toLowerCase().includes(text))),
        );
      return listResult(cursors, listKey, teams, (team) => team.id, paging, teamToWire);
    }),
  );

  router.get(
    at('/teams/:team_id'),
    guarded(deps, 'teams:read', (ctx) => {
      const team = state.getTeam(ctx.params.team_id ?? '');
      return team ? jsonResult(200, teamToWire(team)) : notFoundResult(`Team ${ctx.params.team_id ?? ''}`);
    }),
  );

  router.put(
    at('/teams/:team_id/scim'),
    guardedMutation(deps, 'scim:manage', (ctx, staff, body) => {
      const parsed = scimBody.safeParse(body);
      if (!parsed.success)
        return invalidRequestResult('Body must be {"module_enabled": boolean}', fieldsOf(parsed.error));
      return outcomeResult(
        state.setScimModule(ctx.params.team_id ?? '', parsed.data.module_enabled, staff.email),
        teamToWire,
      );
    }),
  );

  router.put(
    at('/teams/:team_id/scim/workos-organization'),
    guardedMutation(deps, 'scim:manage', (ctx, _staff, body) => {
      const parsed = organizationBody.safeParse(body);
      if (!parsed.success) {
        return invalidRequestResult(
          'Body must be {"workos_organization_id": "org_…"}',
          fieldsOf(parsed.error),
        );
      }
      return outcomeResult(
        state.linkWorkosOrganization(ctx.params.team_id ?? '', parsed.data.workos_organization_id),
        teamToWire,
      );
    }),
  );

  router.get(
    at('/teams/:team_id/members'),
    guarded(deps, 'teams:read', (ctx) => {
      const teamId = ctx.params.team_id ?? '';
      const status = ctx.query.get('status');
      const updatedAfter = ctx.query.get('updated_after');
      const bad: string[] = [];
      if (status !== undefined && !oneOf(status, ['active', 'deactivated'] as const)) bad.push('status');
      const afterMs = updatedAfter === undefined ? undefined : Date.parse(updatedAfter);
      if (updatedAfter !== undefined && (!ISO_TIMESTAMP.test(updatedAfter) || Number.isNaN(afterMs))) {
        bad.push('updated_after');
      }
      if (bad.length > 0) {
        return invalidRequestResult(
          'status must be active|deactivated; updated_after an ISO-8601 timestamp',
          bad,
        );
      }
      const listKey = `members\n${teamId}\n${status ?? ''}\n${updatedAfter ?? ''}`;
      const paging = readPaging(ctx.query, cursors, listKey);
      if (!paging.ok) return paging.result;
      const members = state.listMembers(teamId);
      if (members === undefined) return notFoundResult(`Team ${teamId}`);
      const selected = members.filter(
        (member) =>
          (status === undefined || member.status === status) &&
          (afterMs === undefined || Date.parse(member.updated_at) > afterMs),
      );
      return listResult(cursors, listKey, selected, (member) => member.id, paging, memberToWire);
    }),
  );

  router.get(
    at('/teams/:team_id/roles'),
    guarded(deps, 'teams:read', (ctx) => {
      const roles = state.listRoles(ctx.params.team_id ?? '');
      if (roles === undefined) return notFoundResult(`Team ${ctx.params.team_id ?? ''}`);
      return jsonResult(200, { data: roles.map(roleToWire) });
    }),
  );

  router.put(
    at('/teams/:team_id/roles/:slug/workos-sync'),
    guardedMutation(deps, 'roles:sync', (ctx, staff, body) => {
      const parsed = workosSyncBody.safeParse(body);
      if (!parsed.success) {
        return invalidRequestResult(
          'Body must be {"status": "pending"|"in_progress"|"synced", "workos_role_slug"?: "org-…"}',
          fieldsOf(parsed.error),
        );
      }
      const outcome = state.applyWorkosSync(
        ctx.params.team_id ?? '',
        ctx.params.slug ?? '',
        parsed.data,
        staff.email,
      );
      return outcomeResult(outcome, roleToWire);
    }),
  );

  router.get(
    at('/role-sync-requests'),
    guarded(deps, 'roles:sync', (ctx) => {
      const status = ctx.query.get('status');
      if (status !== undefined && !oneOf(status, ['pending', 'in_progress', 'synced'] as const)) {
        return invalidRequestResult('status must be pending|in_progress|synced', ['status']);
      }
      const listKey = `role-sync-requests\n${status ?? ''}`;
      const paging = readPaging(ctx.query, cursors, listKey);
      if (!paging.ok) return paging.result;
      const requests = state
        .listRoleSyncRequests()
        .filter((request) => status === undefined || request.role.workos_sync.status === status);
      // Team ids and slugs never contain NUL, so the pair sorts and compares as one string.
      return listResult(
        cursors,
        listKey,
        requests,
        (request) => `${request.team.id}\u0000${request.role.slug}`,
        paging,
        (request) => roleSyncRequestToWire(request.team, request.role),
      );
    }),
  );
}

function notFoundResult(what: string): HttpResult {
  return failureResult({ status: 404, code: 'not_found', message: `${what} not found` });
}
