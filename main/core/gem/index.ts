/** The console's Gem admin API client (contract: gem/admin-api.md). */
export type {
  GemAdminClient,
  GemPageParams,
  ListTeamsParams,
  ListMembersParams,
  ListRoleSyncRequestsParams,
  SetRoleWorkosSyncBody,
  MutationOptions,
} from './client';
export {
  GEM_CALL_CAPABILITY,
  iteratePages,
  iterateTeams,
  iterateMembers,
  iterateRoleSyncRequests,
} from './client';
export { createGemHttpClient, runOnce, DEFAULT_GEM_TIMEOUT_MS } from './http-client';
export type { GemCall, GemCallRunner, GemHttpClientOptions } from './http-client';
export { createRetryingGemRunner, DEFAULT_GEM_RETRY_POLICY, GEM_RATE_LIMIT_RULE } from './retrying-runner';
export type { RetryingGemRunnerOptions } from './retrying-runner';
export { GemApiError, classifyGemError, parseRetryAfter, GEM_SERVICE } from './errors';
export * from './schemas';
export * from './role-slug-mapping';
