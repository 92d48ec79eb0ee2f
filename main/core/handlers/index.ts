/** Every call of the contract, mapped to its implementation. The Handlers type forces one handler per call. */
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { appHandlers } from './app';
import { credentialHandlers } from './credentials';
import { profileHandlers } from './profiles';
import { syncHandlers } from './sync';
import { mappingHandlers } from './mappings';
import { reviewHandlers } from './reviews';
import { auditHandlers, csmTeamHandlers, notificationHandlers, workflowRequestHandlers } from './workflow';
import { driftHandlers, memberHandlers, requestHandlers, teamHandlers } from './reports';

export function createHandlers(context: CoreContext): Handlers {
  return {
    app: appHandlers(context),
    profiles: profileHandlers(context),
    credentials: credentialHandlers(context),
    sync: syncHandlers(context),
    teams: { ...teamHandlers(context), ...csmTeamHandlers(context) },
    members: memberHandlers(context),
    mappings: mappingHandlers(context),
    drift: driftHandlers(context),
    requests: { ...requestHandlers(context), ...workflowRequestHandlers(context) },
    notifications: notificationHandlers(context),
    reviews: reviewHandlers(context),
    audit: auditHandlers(context),
  };
}
