/**
 * `synced` → `mapped` (design §8): observed, never reported by Gem. A request is mapped once some cached directory
 * user of the team holds its WorkOS role (the customer mapped a group to it).
 */
import { workosRoleSlugForGemCustomRole } from '../gem/role-slug-mapping';
import type { RoleSyncStatusChange, Store } from '../store';

export function observeMappedRoles(store: Store, teamId?: string): RoleSyncStatusChange[] {
  const changes: RoleSyncStatusChange[] = [];
  const synced = store.roleSyncRequests.list(
    { statuses: ['synced'], ...(teamId === undefined ? {} : { teamId }) },
    { limit: 500 },
  ).rows;
  for (const request of synced) {
    const slug = request.workosRoleSlug ?? workosRoleSlugForGemCustomRole(request.roleSlug);
    if (!store.directoryUsers.anyHoldsRole(request.teamId, slug)) continue;
    if (store.roleSyncRequests.markMapped(request.teamId, request.roleSlug)) {
      changes.push({ teamId: request.teamId, roleSlug: request.roleSlug, from: 'synced', to: 'mapped' });
    }
  }
  return changes;
}
