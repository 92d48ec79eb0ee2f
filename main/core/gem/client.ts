/**
 * The console's view of the Gem admin API v0: one method per call. The HTTP implementation is
 * `createGemHttpClient` (./http-client); tests and a future adapter for Gem's deployed endpoints implement the same
 * interface. Every failure is an AppError (a GemApiError when Gem answered).
 */
import type {
  GemCapability,
  GemMember,
  GemMemberStatus,
  GemPage,
  GemRole,
  GemRoleSyncRequest,
  GemStaff,
  GemTeam,
} from './schemas';

export interface GemPageParams {
  /** 1..200; Gem's default is 100. */
  limit?: number;
  cursor?: string;
}

export interface ListTeamsParams extends GemPageParams {
  scim?: 'enabled' | 'disabled' | 'any';
  /** Only teams whose CSM is the token's owner. */
  csmIsMe?: boolean;
  query?: string;
}

export interface ListMembersParams extends GemPageParams {
  status?: GemMemberStatus;
  /** ISO-8601; only members updated strictly after it. */
  updatedAfter?: string;
}

export interface ListRoleSyncRequestsParams extends GemPageParams {
  status?: 'pending' | 'in_progress' | 'synced';
}

export interface SetRoleWorkosSyncBody {
  status: 'pending' | 'in_progress' | 'synced';
  /** Required with `synced`: the WorkOS organization role slug (`org-…`). */
  workos_role_slug?: string;
}

export interface MutationOptions {
  /** Sent as `Idempotency-Key`; a fresh UUID per call when absent (and kept across that call's retries). */
  idempotencyKey?: string;
}

export interface GemAdminClient {
  me(): Promise<GemStaff>;
  listTeams(params?: ListTeamsParams): Promise<GemPage<GemTeam>>;
  getTeam(teamId: string): Promise<GemTeam>;
  setScimModule(teamId: string, enabled: boolean, options?: MutationOptions): Promise<GemTeam>;
  linkWorkosOrganization(
    teamId: string,
    workosOrganizationId: string,
    options?: MutationOptions,
  ): Promise<GemTeam>;
  listMembers(teamId: string, params?: ListMembersParams): Promise<GemPage<GemMember>>;
  listRoles(teamId: string): Promise<GemRole[]>;
  listRoleSyncRequests(params?: ListRoleSyncRequestsParams): Promise<GemPage<GemRoleSyncRequest>>;
  setRoleWorkosSync(
    teamId: string,
    slug: string,
    body: SetRoleWorkosSyncBody,
    options?: MutationOptions,
  ): Promise<GemRole>;
}

/** The capability each call needs (for the 403 message; Gem's answer need not say). */
export const GEM_CALL_CAPABILITY: Readonly<Record<keyof GemAdminClient, GemCapability | null>> = {
  me: null,
  listTeams: 'teams:read',
  getTeam: 'teams:read',
  setScimModule: 'scim:manage',
  linkWorkosOrganization: 'scim:manage',
  listMembers: 'teams:read',
  listRoles: 'teams:read',
  listRoleSyncRequests: 'roles:sync',
  setRoleWorkosSync: 'roles:sync',
};

/**
 * Walks every page of a cursor list: `fetchPage(cursor)` is called with undefined first, then with each
 * `next_cursor` until it is null. E.g. `iteratePages((cursor) => client.listMembers(teamId, {cursor}))`.
 */
export async function* iteratePages<T>(
  fetchPage: (cursor: string | undefined) => Promise<GemPage<T>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.data;
    if (page.next_cursor === null) return;
    cursor = page.next_cursor;
  }
}

/** Every team matching the filters, across pages. */
export function iterateTeams(
  client: GemAdminClient,
  params: Omit<ListTeamsParams, 'cursor'> = {},
): AsyncGenerator<GemTeam> {
  return iteratePages((cursor) => client.listTeams(cursor === undefined ? params : { ...params, cursor }));
}

/** Every member of a team matching the filters, across pages. */
export function iterateMembers(
  client: GemAdminClient,
  teamId: string,
  params: Omit<ListMembersParams, 'cursor'> = {},
): AsyncGenerator<GemMember> {
  return iteratePages((cursor) =>
    client.listMembers(teamId, cursor === undefined ? params : { ...params, cursor }),
  );
}

/** Every role-sync request with the given status, across pages. */
export function iterateRoleSyncRequests(
  client: GemAdminClient,
  params: Omit<ListRoleSyncRequestsParams, 'cursor'> = {},
): AsyncGenerator<GemRoleSyncRequest> {
  return iteratePages((cursor) =>
    client.listRoleSyncRequests(cursor === undefined ? params : { ...params, cursor }),
  );
}
