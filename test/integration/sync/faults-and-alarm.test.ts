import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildScenario,
  control,
  dumpCache,
  expectCacheMatches,
  makeEngine,
  startWorld,
  tempDir,
  urlsOf,
  type World,
} from './sync-world';

let world: World | null = null;
const temp = tempDir();

afterEach(async () => {
  await world?.close();
  world = null;
});

const noisy = {
  status429Share: 0.1,
  retryAfterSeconds: 1,
  status5xxShare: 0.05,
  resetShare: 0.05,
  malformedShare: 0.05,
};

describe('sync under faults', () => {
  it('completes through 429s (Retry-After 1 s), 5xx, resets and malformed bodies, and the cache equals the scenario', async () => {
    world = await startWorld(buildScenario([{ users: 450, groups: 8 }]), {
      workosFaults: { '*': noisy },
      gemFaults: { '*': noisy },
    });
    const { engine, store } = makeEngine(urlsOf(world), path.join(temp.dir, 'faults.db'));
    const summary = await engine.runFull({ teamId: 'team_0' });
    expect(summary.outcome, JSON.stringify(summary.error)).toBe('ok');
    expectCacheMatches(store, world, 'team_0');
    const injected = world.workos.stats().faults;
    const gemInjected = world.gem.stats().faults;
    // The faults really happened (the seeded streams make this deterministic).
    expect(
      injected.injected429 +
        injected.injected5xx +
        injected.resets +
        injected.malformed +
        gemInjected.injected429 +
        gemInjected.injected5xx +
        gemInjected.resets +
        gemInjected.malformed,
    ).toBeGreaterThan(0);
    store.close();
  }, 30_000);

  for (const service of ['WorkOS', 'Gem'] as const) {
    it(`after the retry budget on ${service}, fails with a clear error and leaves the cache exactly as before the failed page`, async () => {
      world = await startWorld(buildScenario([{ users: 120 }]));
      const { engine, store } = makeEngine(urlsOf(world), path.join(temp.dir, `budget-${service}.db`));
      expect((await engine.runFull({ teamId: 'team_0' })).outcome).toBe('ok');
      await control(world.workos.url, '/_sandbox/workos/users/directory_user_0_000005/delete', {});
      if (service === 'WorkOS') world.workos.setFaults({ 'GET /directory_users': { status5xxShare: 1 } });
      else world.gem.setFaults({ 'GET /teams/:team_id/members': { status5xxShare: 1 } });

      // A dump after every write: the last one is the cache as it was before the page that failed.
      let lastDump = dumpCache(store);
      const stop = engine.onProgress(() => {
        lastDump = dumpCache(store);
      });
      const failed = await engine.runFull({ teamId: 'team_0' });
      stop();
      expect(failed.outcome).toBe('failed');
      expect(failed.error?.message).toContain(service);
      expect(failed.error?.message).toMatch(
        service === 'WorkOS' ? /list users of directory directory_0/ : /list members of team team_0/,
      );
      expect(failed.error?.message).toMatch(/HTTP 50[023]/);
      expect(failed.error?.message).toMatch(/8 attempts/);
      expect(dumpCache(store)).toBe(lastDump);
      expect(store.syncRuns.get(failed.runId)).toMatchObject({
        outcome: 'failed',
        error: failed.error?.message,
      });

      // Healed: the next run continues the failed one (same generation) and completes.
      world.workos.setFaults({});
      world.gem.setFaults({});
      const resumed = await engine.runFull({ teamId: 'team_0' });
      expect(resumed.outcome).toBe('ok');
      expect(resumed.runId).toBe(failed.runId);
      expect(resumed.resumed).toBe(true);
      expectCacheMatches(store, world, 'team_0');
      store.close();
    }, 20_000);
  }
});

describe('mass-change alarm', () => {
  it('stops before dropping 30% of a team, keeps the rows, and sweeps once confirmed', async () => {
    world = await startWorld(buildScenario([{ users: 60 }]));
    const { engine, store } = makeEngine(urlsOf(world), path.join(temp.dir, 'alarm.db'));
    expect((await engine.runFull({ teamId: 'team_0' })).outcome).toBe('ok');
    for (let u = 0; u < 18; u++) {
      const id = `directory_user_0_${String(u * 3).padStart(6, '0')}`;
      await control(world.workos.url, `/_sandbox/workos/users/${id}/deactivate`, {});
    }
    const paused = await engine.runFull({ teamId: 'team_0' });
    expect(paused.outcome).toBe('alarm');
    expect(paused.alarm).toMatchObject({ teamId: 'team_0', wouldRemove: 18, total: 60, share: 0.3 });
    // Nothing dropped: the 18 directory users are still cached.
    expect(store.directoryUsers.listForTeam('team_0').total).toBe(60);
    expect(store.syncRuns.get(paused.runId)?.outcome).toBe('awaiting_confirmation');
    expect(store.notifications.list().rows.map((n) => n.kind)).toContain('sync_alarm');
    // Asking again without confirming raises it again and drops nothing.
    expect((await engine.runFull({ teamId: 'team_0' })).outcome).toBe('alarm');
    expect(store.directoryUsers.listForTeam('team_0').total).toBe(60);

    const confirmed = await engine.confirmAlarm(paused.alarm?.alarmId ?? -1);
    expect(confirmed.outcome).toBe('ok');
    expect(confirmed.runId).toBe(paused.runId);
    expect(store.directoryUsers.listForTeam('team_0').total).toBe(42);
    expectCacheMatches(store, world, 'team_0');
    await expect(engine.confirmAlarm(paused.runId)).rejects.toThrow(/not waiting/);
    store.close();
  }, 20_000);
});
