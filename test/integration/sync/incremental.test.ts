import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../main/core/store';
import {
  buildScenario,
  control,
  dumpCache,
  expectCacheMatches,
  makeEngine,
  startWorld,
  tempDir,
  urlsOf,
  type EngineHandle,
  type World,
} from './sync-world';

// Random IdP and admin changes through the WorkOS control API; an incremental sync must bring the cache to what a
// full sync would, with requests in proportion to the changes.
let world: World;
let handle: EngineHandle;
const temp = tempDir();
const TEAMS = ['team_0', 'team_1'];

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Cache tables without the bookkeeping columns a rewrite of equal data may touch (generation, computed_at). */
const dataDump = (store: Store): string =>
  dumpCache(store, { omitColumns: ['generation', 'computed_at'], skipTables: ['role_sync_requests'] });

async function randomChanges(count: number, seed: number): Promise<number> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const w = world.workos.url;
  const state = world.loaded.workos;
  let made = 0;
  for (let i = 0; i < count; i++) {
    const t = random() < 0.7 ? 0 : 1;
    const directoryId = `directory_${t}`;
    const users = [...state.users.values()].filter((u) => u.directoryId === directoryId).map((u) => u.id);
    const groups = [...state.groups.values()].filter((g) => g.directoryId === directoryId).map((g) => g.id);
    const kind = Math.floor(random() * 10);
    if (kind === 0) {
      await control(w, '/_sandbox/workos/users', {
        directoryId,
        email: `new${i}@team${t}.test`,
        firstName: `New${i}`,
        lastName: 'Person',
        groupIds: [pick(groups)],
      });
    } else if (kind === 1) {
      await control(w, `/_sandbox/workos/users/${pick(users)}/update`, { firstName: `Renamed${i}` });
    } else if (kind === 2) {
      await control(w, `/_sandbox/workos/users/${pick(users)}/deactivate`, {});
    } else if (kind === 3) {
      await control(w, `/_sandbox/workos/users/${pick(users)}/delete`, {});
    } else if (kind === 4) {
      await control(w, '/_sandbox/workos/memberships', { userId: pick(users), groupId: pick(groups) });
    } else if (kind === 5) {
      const user = pick(users);
      const own = [...(state.users.get(user)?.groupIds ?? [])];
      if (own.length === 0) continue;
      await control(w, '/_sandbox/workos/memberships/remove', { userId: user, groupId: pick(own) });
    } else if (kind === 6) {
      const roles = state.organizationRoles(`org_${t}`).map((r) => r.slug);
      await control(w, '/_sandbox/workos/group-roles', {
        directoryId,
        groupId: pick(groups),
        roleSlug: pick([...roles, null]),
      });
    } else if (kind === 7) {
      await control(w, '/_sandbox/workos/groups', { directoryId, name: `New group ${i}` });
    } else if (kind === 8) {
      await control(w, `/_sandbox/workos/groups/${pick(groups)}/delete`, {});
    } else {
      await control(w, '/_sandbox/workos/organization-roles', {
        organizationId: `org_${t}`,
        name: `Role ${i}`,
      });
    }
    made++;
    // Distinct milliseconds: WorkOS timestamps have millisecond resolution and "newer" is strict.
    await new Promise((r) => setTimeout(r, 2));
  }
  return made;
}

function totalRequests(): { workos: number; gem: number } {
  return { workos: world.workos.stats().total, gem: world.gem.stats().total };
}

beforeAll(async () => {
  world = await startWorld(buildScenario([{ users: 1200, groups: 10 }, { users: 80 }]), {
    workosRateLimits: { enabled: true },
  });
  handle = makeEngine(urlsOf(world), path.join(temp.dir, 'incremental.db'));
  const pinned = await handle.engine.runFull({ scope: 'pinned' });
  expect(pinned.outcome, JSON.stringify(pinned.error)).toBe('ok');
  expect(pinned.teams?.map((t) => t.teamId)).toEqual(TEAMS);
}, 30_000);

afterAll(async () => {
  handle.store.close();
  await world.close();
  temp.cleanup();
});

describe('incremental sync from the Events API', () => {
  it('after random changes, makes the cache equal a full sync, with requests in proportion to the changes', async () => {
    const fullCost = totalRequests();
    const changes = await randomChanges(45, 11);
    await control(world.workos.url, '/_sandbox/workos/deactivation', { mode: 'soft' });
    await control(world.workos.url, '/_sandbox/workos/users/directory_user_1_000007/deactivate', {});
    const before = totalRequests();
    const cursorBefore = handle.store.syncState.get('events.cursor');

    const summary = await handle.engine.runIncremental();
    expect(summary.outcome, JSON.stringify(summary.error)).toBe('ok');
    expect(summary.fellBackToFull).toBeUndefined();
    for (const team of TEAMS) expectCacheMatches(handle.store, world, team);

    const after = totalRequests();
    const workosSpent = after.workos - before.workos;
    const gemSpent = after.gem - before.gem;
    // Events in pages of 100 plus one role listing per organization with role events; Gem: 3 calls per team.
    expect(workosSpent).toBeLessThanOrEqual(Math.ceil((changes * 4) / 100) + 2 + 2);
    expect(workosSpent * 4).toBeLessThan(fullCost.workos);
    // team, roles and one members page per team (a paced 429 may add a retry).
    expect(gemSpent).toBeGreaterThanOrEqual(6);
    expect(gemSpent).toBeLessThanOrEqual(8);
    expect(workosSpent + gemSpent).toBeLessThan(changes);

    // Replaying the same events (cursor put back) changes nothing.
    const dump = dataDump(handle.store);
    if (cursorBefore === null) throw new Error('no cursor before');
    handle.store.syncState.set('events.cursor', cursorBefore);
    const replay = await handle.engine.runIncremental();
    expect(replay.outcome).toBe('ok');
    expect(dataDump(handle.store)).toBe(dump);
  }, 30_000);

  it('with nothing new, spends one events call and Gem refreshes only', async () => {
    const before = totalRequests();
    const summary = await handle.engine.runIncremental();
    expect(summary.outcome).toBe('ok');
    expect(totalRequests().workos - before.workos).toBe(1);
  });

  it('falls back to full syncs when the cursor is older than the event retention', async () => {
    await randomChanges(5, 99);
    const later = makeEngine(urlsOf(world), handle.store.file, {
      clock: () => Date.now() + 91 * 24 * 60 * 60 * 1000,
    });
    const summary = await later.engine.runIncremental();
    expect(summary.outcome, JSON.stringify(summary.error)).toBe('ok');
    expect(summary.fellBackToFull).toBe(true);
    expect(summary.teams?.map((t) => t.outcome)).toEqual(['ok', 'ok']);
    for (const team of TEAMS) expectCacheMatches(later.store, world, team);
    later.store.close();
  }, 30_000);
});
