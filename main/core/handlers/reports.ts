/** Reads of the local cache for the views and the CLI: all windowed, all available offline. */
import { AppError } from '../errors';
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { explainMemberRole, listMembers, listRequests, listTeams, teamDrift, teamOverview } from '../reports';

function found<T>(value: T | null, what: string): T {
  if (value === null) throw new AppError('not_found', `${what} is not in the local cache; sync it first.`);
  return value;
}

export function teamHandlers(context: CoreContext): Pick<Handlers['teams'], 'list' | 'overview' | 'pin'> {
  const store = () => context.session().requireStore();
  return {
    list: async ({ offset, limit, text, scim, pinned, sort }) =>
      listTeams(
        store(),
        { ...(text ? { text } : {}), ...(scim ? { scim } : {}), ...(pinned === undefined ? {} : { pinned }) },
        { offset, limit, sort },
      ),
    overview: async ({ teamId }) => found(teamOverview(store(), teamId), `Team ${teamId}`),
    pin: async ({ teamId, pinned }) => {
      if (!store().teams.setPinned(teamId, pinned)) found(null, `Team ${teamId}`);
      return { pinned };
    },
  };
}

export function memberHandlers(context: CoreContext): Handlers['members'] {
  const store = () => context.session().requireStore();
  return {
    list: async ({ teamId, offset, limit, query, role, status, sort }) =>
      listMembers(store(), teamId, {
        ...(query ? { query } : {}),
        ...(role ? { role } : {}),
        ...(status ? { status } : {}),
        window: { offset, limit, sort },
      }),
    explainRole: async ({ teamId, memberId }) =>
      found(explainMemberRole(store(), teamId, memberId), `Member ${memberId} of ${teamId}`),
  };
}

export function driftHandlers(context: CoreContext): Handlers['drift'] {
  return {
    team: async ({ teamId }) => found(teamDrift(context.session().requireStore(), teamId), `Team ${teamId}`),
  };
}

export function requestHandlers(context: CoreContext): Pick<Handlers['requests'], 'list'> {
  return {
    list: async ({ offset, limit, statuses, teamId }) =>
      listRequests(
        context.session().requireStore(),
        { ...(statuses ? { statuses } : {}), ...(teamId ? { teamId } : {}) },
        { offset, limit, sort: 'age', direction: 'desc' },
      ),
  };
}
