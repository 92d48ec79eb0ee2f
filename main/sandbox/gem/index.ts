/** The Gem admin API stand-in: state, server, WorkOS link, and the pure workos-sync rule. */
export { GemState, GEM_CUSTOM_ROLE_SLUG } from './state';
export type { GemStateOptions, NewStaff, NewTeam, NewCustomRole, NewMember, MemberPatch } from './state';
export * from './state-types';
export type { GemFailure, GemOutcome, GemErrorCode } from './failure';
export { decideWorkosSync, WORKOS_ORGANIZATION_ROLE_SLUG } from './workos-sync-transition';
export type { WorkosSyncRequest, WorkosSyncDecision } from './workos-sync-transition';
export { startGemStandIn, DEFAULT_GEM_PREFIX, DEFAULT_GEM_RATE_LIMIT_PER_SECOND } from './server';
export type { GemStandInOptions, RunningGemStandIn } from './server';
export { CONTROL_PREFIX } from './control-routes';
export { applyWorkosEventToGem, linkGemToWorkos } from './workos-link';
export type { GemWorkosLink, SubscribeToWorkos, WorkosWireEvent } from './workos-link';
