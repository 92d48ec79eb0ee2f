/**
 * Worker-thread entry: the core's sync as the app runs it — a store, the session's paced clients, the engine and
 * its scheduler (progress throttled to ≤ 4/s and pushed to the parent, as the core worker pushes it to the host).
 * The benchmark sends `runFull` / `runIncremental` and gets the summary, the time and what the cache holds.
 */
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { openStore, type Store } from '../../../main/core/store';
import { createSyncEngine, createSyncScheduler, type SyncSummary } from '../../../main/core/sync';
import { createBenchClients } from './clients';
import { PageTimer } from './page-timings';
import { serveRpc } from './rpc';
import type { CacheCounts, SyncRunResult, SyncThreadOptions } from './sync-protocol';

function cacheCounts(store: Store): CacheCounts {
  const count = (sql: string): number => Number(store.db.prepare(sql).pluck().get());
  return {
    directoryUsers: count('SELECT count(*) FROM directory_users'),
    directoryGroups: count('SELECT count(*) FROM directory_groups'),
    memberships: count('SELECT count(*) FROM group_memberships'),
    gemMembers: count('SELECT count(*) FROM members'),
    gemActiveMembers: count("SELECT count(*) FROM members WHERE status = 'active'"),
  };
}

function main(): void {
  const options = workerData as SyncThreadOptions;
  const store = openStore(options.dbFile);
  const timer = new PageTimer();
  const clients = createBenchClients(
    {
      workos: { baseUrl: options.workos.url, apiKey: options.workos.apiKey },
      gem: { baseUrl: options.gem.url, token: options.gem.token },
    },
    options.pacing,
    timer.fetch,
  );
  const engine = createSyncEngine({ store, workos: timer.wrap(clients.workos), gem: clients.gem });
  let emit: (event: string, data: unknown) => void = () => undefined;
  const scheduler = createSyncScheduler(engine, {
    intervalMs: 24 * 60 * 60 * 1000,
    isOnline: () => true,
    onProgress: (progress) => emit('progress', progress),
  });

  async function timed(run: () => Promise<SyncSummary | null>): Promise<SyncRunResult> {
    clients.workos.resetRequestCounts();
    timer.reset();
    const started = performance.now();
    const summary = await run();
    const ms = performance.now() - started;
    if (summary === null) throw new Error('the scheduler skipped the run');
    return {
      summary,
      ms,
      cache: cacheCounts(store),
      workosRequests: clients.workos.requestCounts(),
      userPages: timer.timings(),
    };
  }

  ({ emit } = serveRpc({
    runFull: (payload) => timed(() => scheduler.runFull({ teamId: (payload as { teamId: string }).teamId })),
    runIncremental: () => timed(() => scheduler.tick()),
    close: () => {
      scheduler.stop();
      store.close();
      return null;
    },
  }));
  emit('ready', null);
}

main();
