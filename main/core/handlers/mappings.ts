/** The inferred group → role mappings of a team, and the default role the inference assumes. */
import { AppError } from '../errors';
import type { CoreContext } from '../core';
import type { Handlers } from '../dispatcher';
import { listGroups } from '../reports';
import type { Store } from '../store';
import { defaultRoleKey, inferDirectory } from '../sync';
import { refreshTeamInference } from '../sync/directory-inference';

function organizationOf(store: Store, teamId: string): string {
  const team = store.teams.get(teamId);
  if (team === null)
    throw new AppError('not_found', `Team ${teamId} is not in the local cache; sync it first.`);
  if (team.workosOrganizationId === null) {
    throw new AppError(
      'conflict',
      `${team.name} has no WorkOS organization yet, so it has no role mappings.`,
    );
  }
  return team.workosOrganizationId;
}

function currentDefault(store: Store, teamId: string) {
  const [directory] = store.directories.listForTeam(teamId);
  if (!directory) return { role: null, source: 'unknown' as const };
  const inference = inferDirectory(store, directory);
  return { role: inference.defaultRole, source: inference.defaultRoleSource };
}

export function mappingHandlers(context: CoreContext): Handlers['mappings'] {
  const store = () => context.session().requireStore();
  return {
    groups: async ({ teamId, offset, limit, sort }) => listGroups(store(), teamId, { offset, limit, sort }),
    defaultRole: async ({ teamId }) => {
      organizationOf(store(), teamId);
      return currentDefault(store(), teamId);
    },
    setDefaultRole: async ({ teamId, roleSlug }) => {
      const cache = store();
      const organizationId = organizationOf(cache, teamId);
      if (roleSlug !== null && cache.workosRoles.get(organizationId, roleSlug) === null) {
        throw new AppError(
          'invalid_input',
          `${roleSlug} is not a role of this organization (as of the last sync).`,
        );
      }
      cache.transaction(() => {
        if (roleSlug === null) cache.syncState.delete(defaultRoleKey(organizationId));
        else cache.syncState.set(defaultRoleKey(organizationId), roleSlug);
        refreshTeamInference(cache, teamId);
      });
      return currentDefault(cache, teamId);
    },
  };
}
