import type { RequestContext } from '../http/router';
import type { IdempotencyStore } from './idempotency';
import type { PortalLinks } from './portal-links';
import type { WorkosState } from './state';

/** What the public route modules share. */
export interface WorkosRouteDeps {
  state: WorkosState;
  portal: PortalLinks;
  idempotency: IdempotencyStore;
  /** Base URL of the running server, for portal links. */
  baseUrl: () => string;
}

/** The bearer key of an authenticated request (the auth middleware has already checked it). */
export function apiKeyOf(ctx: RequestContext): string {
  return (ctx.header('authorization') ?? '').replace(/^Bearer\s+/i, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
