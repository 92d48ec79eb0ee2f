/**
 * Who is told what about custom-role requests (design §8): engineers (staff with `roles:sync`) about every new
 * request; a team's CSM when a request of theirs becomes `synced` ("ready to map") and again when it is `mapped`.
 * Each moment notifies once (the request row remembers it); the very first queue the console sees is taken as the
 * baseline, so a new install does not raise a notification for every request that already exists.
 */
import type { Notification, RoleSyncRequest, Store } from '../store';

export interface StaffIdentity {
  email: string;
  capabilities: readonly string[];
}

const BASELINE_KEY = 'notifications:role-sync-baseline';
const PAGE = 500;

function* allRequests(store: Store): Generator<RoleSyncRequest> {
  for (let offset = 0; ; offset += PAGE) {
    const page = store.roleSyncRequests.list({}, { offset, limit: PAGE });
    yield* page.rows;
    if (page.rows.length < PAGE) return;
  }
}

export function queueRoleSyncNotifications(store: Store, me: StaffIdentity): Notification[] {
  const isEngineer = me.capabilities.includes('roles:sync');
  const initial = store.syncState.get(BASELINE_KEY) === null;
  const ids: number[] = [];
  let seenAny = false;
  store.transaction(() => {
    for (const request of allRequests(store)) {
      seenAny = true;
      const label = `${request.roleName} (${request.teamName})`;
      const isCsm = request.csmEmail !== null && request.csmEmail.toLowerCase() === me.email.toLowerCase();
      const moments: { moment: 'new' | 'synced' | 'mapped'; due: boolean; title: string; body: string }[] = [
        {
          moment: 'new',
          due: isEngineer && request.status === 'pending' && request.notifiedNewAt === null,
          title: 'Custom role to sync',
          body: `${label} needs a WorkOS organization role before the customer can map it.`,
        },
        {
          moment: 'synced',
          due:
            isCsm &&
            (request.status === 'synced' || request.status === 'mapped') &&
            request.notifiedSyncedAt === null,
          title: 'Custom role ready to map',
          body: `${label} is synced to WorkOS: the customer can now map IdP groups to it.`,
        },
        {
          moment: 'mapped',
          due: isCsm && request.status === 'mapped' && request.notifiedMappedAt === null,
          title: 'Custom role mapped',
          body: `${label} is now held by directory users: the customer has mapped it.`,
        },
      ];
      for (const { moment, due, title, body } of moments) {
        if (!due) continue;
        store.roleSyncRequests.markNotified(request.teamId, request.roleSlug, moment);
        if (initial) continue;
        const id = store.notifications.enqueue({
          kind: `role_sync.${moment}`,
          dedupeKey: `role_sync:${moment}:${request.teamId}:${request.roleSlug}`,
          teamId: request.teamId,
          title,
          body,
        });
        if (id !== null) ids.push(id);
      }
    }
    // The baseline is the first queue actually seen, not an empty cache.
    if (initial && seenAny) store.syncState.set(BASELINE_KEY, new Date().toISOString());
  });
  return store.notifications.undelivered(500).filter((n) => ids.includes(n.id));
}
