import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildScenario,
  control,
  expectCacheMatches,
  makeEngine,
  startWorld,
  tempDir,
  urlsOf,
  type World,
} from './sync-world';

// Full sync through both stand-ins (real HTTP, SDK 8.13, real SQLite), then deletions upstream and a second sync.
let world: World;
const temp = tempDir();

beforeAll(async () => {
  world = await startWorld(buildScenario([{ users: 230, groups: 7 }, { users: 40 }]));
});
afterAll(async () => {
  await world.close();
  temp.cleanup();
});

describe('full sync of a team', () => {
  it('makes the cache equal the sandbox, then removes exactly what was deleted upstream', async () => {
    const progress: string[] = [];
    const handle = makeEngine(urlsOf(world), path.join(temp.dir, 'full.db'), {
      onProgress: (p) => progress.push(p.phase),
    });
    const { engine, store } = handle;

    const first = await engine.runFull({ teamId: 'team_0' });
    expect(first.outcome, JSON.stringify(first.error)).toBe('ok');
    expectCacheMatches(store, world, 'team_0');
    // Only team_0 was synced.
    expect(store.directoryUsers.listForTeam('team_1').total).toBe(0);
    // 230 users → 3 pages at 100; 7 groups → 1 page; no per-user group calls.
    const stats = world.workos.stats();
    expect(stats.byRoute['GET /directory_users']?.total).toBe(3);
    expect(stats.byRoute['GET /directory_groups']?.total).toBe(1);
    expect(first.counts.requests).toBeLessThanOrEqual(12);
    expect(progress).toContain('users');
    expect(progress).toContain('gem_members');
    // Org roles keep WorkOS's priority order; inference stored per group.
    expect(store.workosRoles.listForOrganization('org_0').map((r) => r.slug)).toEqual([
      'admin',
      'standard',
      'restricted',
      'member',
      'org-recruiter',
    ]);
    expect(store.mappingInferences.listForTeam('team_0')).toHaveLength(7);
    const run = store.syncRuns.get(first.runId);
    expect(run?.outcome).toBe('succeeded');
    expect(store.syncState.listByPrefix('checkpoint:')).toEqual([]);

    // Deletions upstream: two users, one group, one connection state change (a small share: no alarm).
    const usersBefore = store.directoryUsers.listForTeam('team_0').total;
    await control(world.workos.url, '/_sandbox/workos/users/directory_user_0_000003/delete', {});
    await control(world.workos.url, '/_sandbox/workos/users/directory_user_0_000017/delete', {});
    await control(world.workos.url, '/_sandbox/workos/groups/directory_group_0_006/delete', {});
    await control(world.workos.url, '/_sandbox/workos/connections/conn_0/state', { state: 'inactive' });

    const second = await engine.runFull({ teamId: 'team_0' });
    expect(second.outcome, JSON.stringify(second.error)).toBe('ok');
    expect(second.runId).toBeGreaterThan(first.runId);
    expectCacheMatches(store, world, 'team_0');
    expect(store.directoryUsers.listForTeam('team_0').total).toBe(usersBefore - 2);
    expect(store.directoryUsers.get('directory_user_0_000003')).toBeNull();
    expect(store.directoryGroups.get('directory_group_0_006')).toBeNull();
    // Gem deactivated the two members (link); they stay as deactivated rows.
    expect(store.members.listForTeam('team_0', { status: 'deactivated' }).total).toBe(2);
    store.close();
  });
});
