/**
 * The stand-in's control API under `/_sandbox/gem/` (outside the public prefix, never part of Gem's contract):
 * what a customer admin or Gem itself would do outside the console — create custom roles, add or edit members by
 * hand, inject drift — plus faults, rate limit and stats. Any valid staff token may call it; it is not rate limited.
 */
import { z } from 'zod';
import { jsonResult, type FaultConfig, type HttpResult, type RequestContext, type Router } from '../http';
import { authenticate, failureResult, invalidRequestResult, isStaff } from './request-guard';
import type { GemState } from './state';
import type { GemStaff } from './state-types';
import { memberToWire, roleToWire, teamToWire } from './wire';

export const CONTROL_PREFIX = '/_sandbox/gem';

export interface ControlDeps {
  state: GemState;
  setFaults(configs: Record<string, FaultConfig>): void;
  faults(): Record<string, FaultConfig>;
  /** Requests per second per token; null switches the limit off. */
  setRateLimit(perSecond: number | null): void;
  stats(): unknown;
}

const share = z.number().min(0).max(1).optional();
const faultConfig = z.object({
  status429Share: share,
  retryAfterSeconds: z.number().min(0).optional(),
  status5xxShare: share,
  latencyMs: z.number().min(0).optional(),
  resetShare: share,
  malformedShare: share,
  wrongContentTypeShare: share,
});
const faultsBody = z.record(z.string(), faultConfig);
const rateLimitBody = z.object({ per_second: z.number().int().positive().nullable() });
const roleBody = z.object({
  slug: z.string(),
  name: z.string(),
  created_by: z.string().nullable().optional(),
});
const memberStatus = z.enum(['active', 'deactivated']);
const memberBody = z.object({
  email: z.string().min(3),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  role_slug: z.string(),
  status: memberStatus.optional(),
  scim_managed: z.boolean().optional(),
  directory_user_id: z.string().nullable().optional(),
});
const memberPatchBody = memberBody.partial();

type ControlHandler = (ctx: RequestContext, staff: GemStaff, body: unknown) => HttpResult;

function control(state: GemState, handler: ControlHandler) {
  return async (ctx: RequestContext): Promise<HttpResult> => {
    const staff = authenticate(ctx, state);
    if (!isStaff(staff)) return staff;
    const text = ctx.method === 'GET' ? '' : await ctx.bodyText();
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return invalidRequestResult('Request body is not valid JSON', ['body']);
    }
    return handler(ctx, staff, body);
  };
}

function invalid(error: z.ZodError): HttpResult {
  const fields = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? 'body')))];
  return invalidRequestResult(error.issues.map((issue) => issue.message).join('; '), fields);
}

function omitUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function registerGemControlRoutes(router: Router, deps: ControlDeps): void {
  const { state } = deps;
  const at = (path: string) => `${CONTROL_PREFIX}${path}`;

  router.post(
    at('/teams/:team_id/roles'),
    control(state, (ctx, staff, body) => {
      const parsed = roleBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const outcome = state.createCustomRole(ctx.params.team_id ?? '', {
        slug: parsed.data.slug,
        name: parsed.data.name,
        created_by: parsed.data.created_by ?? staff.email,
      });
      return outcome.ok ? jsonResult(201, roleToWire(outcome.value)) : failureResult(outcome.failure);
    }),
  );

  router.post(
    at('/teams/:team_id/members'),
    control(state, (ctx, _staff, body) => {
      const parsed = memberBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const outcome = state.addMember(
        ctx.params.team_id ?? '',
        omitUndefined(parsed.data) as typeof parsed.data,
      );
      return outcome.ok ? jsonResult(201, memberToWire(outcome.value)) : failureResult(outcome.failure);
    }),
  );

  // Hand edits and drift both land here: the member changes directly, as if someone edited Gem's database.
  router.patch(
    at('/teams/:team_id/members/:member_id'),
    control(state, (ctx, _staff, body) => {
      const parsed = memberPatchBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const outcome = state.updateMember(
        ctx.params.team_id ?? '',
        ctx.params.member_id ?? '',
        omitUndefined(parsed.data),
      );
      return outcome.ok ? jsonResult(200, memberToWire(outcome.value)) : failureResult(outcome.failure);
    }),
  );

  // Marks SCIM setup complete without a WorkOS directory (the WorkOS link does this on dsync.activated).
  router.post(
    at('/teams/:team_id/setup-completed'),
    control(state, (ctx) => {
      const team = state.markSetupCompleted(ctx.params.team_id ?? '');
      return team
        ? jsonResult(200, teamToWire(team))
        : failureResult({
            status: 404,
            code: 'not_found',
            message: `Team ${ctx.params.team_id ?? ''} not found`,
          });
    }),
  );

  router.get(
    at('/faults'),
    control(state, () => jsonResult(200, deps.faults())),
  );
  router.put(
    at('/faults'),
    control(state, (_ctx, _staff, body) => {
      const parsed = faultsBody.safeParse(body ?? {});
      if (!parsed.success) return invalid(parsed.error);
      deps.setFaults(parsed.data);
      return jsonResult(200, deps.faults());
    }),
  );

  router.put(
    at('/rate-limit'),
    control(state, (_ctx, _staff, body) => {
      const parsed = rateLimitBody.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      deps.setRateLimit(parsed.data.per_second);
      return jsonResult(200, { per_second: parsed.data.per_second });
    }),
  );

  router.get(
    at('/stats'),
    control(state, () => jsonResult(200, deps.stats())),
  );
}
