/**
 * The run both full-sync benchmarks share: the engine's full sync of a `large`-preset team (in a worker thread,
 * against the stand-ins in another), then the naive SDK baseline against a fresh sandbox of `naiveUsers` users with
 * the same limits and latency (measured on fewer users when the whole would take too long, then scaled linearly:
 * every part of it — pages, sleeps, inserts — grows with the user count).
 */
import type { HttpStats } from '../../../main/sandbox/http/stats';
import type { WorkosPacing } from './clients';
import { makeTempDir, say, withCleanup } from './env';
import { bundleBenchWorkers } from './bundle';
import { naiveDirectorySync, type NaiveResult } from './naive-sync';
import { startSandboxThread } from './sandbox-handle';
import type { SandboxReady, StandInCounts } from './sandbox-protocol';
import { idleHostLoop, startSyncThread, type EventLoopDelay, type MeasuredRun } from './sync-handle';

export interface FullSyncComparisonOptions {
  users: number;
  naiveUsers: number;
  latencyMs: number;
  /** Stand-in limits on (WorkOS 4/s per directory and 100/s per key, Gem 20/s) and our pacing for them. */
  limits: boolean;
  seed: number;
  /** Before the run, watch the idle main thread this long (the machine's scheduling noise); 0: skip. */
  idleControlMs?: number;
}

export interface FullSyncComparison {
  sandbox: SandboxReady;
  ours: MeasuredRun;
  oursStats: { workos: HttpStats; gem: HttpStats };
  standIn: StandInCounts;
  /** The idle main thread's event loop just before the run, when asked for. */
  hostIdle: EventLoopDelay | null;
  naive: NaiveResult;
  naiveSetupMs: number;
  /** Naive time scaled to `users` (equal to naive.ms when measured at full size). */
  naiveScaledMs: number;
}

export function cacheMatches(run: MeasuredRun, standIn: StandInCounts): boolean {
  return (
    run.cache.directoryUsers === standIn.directoryUsers &&
    run.cache.directoryGroups === standIn.directoryGroups &&
    run.cache.memberships === standIn.memberships &&
    run.cache.gemMembers === standIn.gemMembers &&
    run.cache.gemActiveMembers === standIn.gemActiveMembers
  );
}

export function requestsOf(stats: HttpStats, route?: string): number {
  if (route === undefined) return stats.total;
  return stats.byRoute[route]?.total ?? 0;
}

export function compareFullSyncs(options: FullSyncComparisonOptions): Promise<FullSyncComparison> {
  return withCleanup(async (defer) => {
    const workers = await bundleBenchWorkers();
    defer(() => workers.dispose());
    const temp = makeTempDir('bench-sync-full-');
    defer(() => temp.dispose());
    const standInOptions = {
      seed: options.seed,
      workosRateLimits: options.limits,
      gemRateLimitPerSecond: options.limits ? 20 : null,
      latencyMs: options.latencyMs,
    };
    const pacing: WorkosPacing = options.limits ? 'workos-limits' : 'unpaced';

    say(`starting the stand-ins with ${options.users} users`);
    const sandbox = await startSandboxThread(workers.sandboxThread, {
      ...standInOptions,
      users: options.users,
    });
    defer(() => sandbox.close());
    const sync = await startSyncThread(workers.syncThread, {
      workos: sandbox.workos,
      gem: sandbox.gem,
      dbFile: temp.file('ours.sqlite'),
      pacing,
    });
    defer(() => sync.close());
    say(`stand-ins ready in ${Math.round(sandbox.setupMs)} ms; full sync (${pacing})`);
    const idleMs = options.idleControlMs ?? 0;
    const hostIdle = idleMs > 0 ? await idleHostLoop(idleMs) : null;
    await sandbox.resetStats();
    const ours = await sync.runFull(sandbox.teamId);
    if (ours.summary.outcome !== 'ok') {
      throw new Error(`our full sync ended ${ours.summary.outcome}: ${ours.summary.error?.message ?? ''}`);
    }
    const oursStats = await sandbox.stats();
    const standIn = await sandbox.counts();
    const sandboxReady: SandboxReady = {
      workos: sandbox.workos,
      gem: sandbox.gem,
      teamId: sandbox.teamId,
      organizationId: sandbox.organizationId,
      directoryId: sandbox.directoryId,
      users: sandbox.users,
      groups: sandbox.groups,
      setupMs: sandbox.setupMs,
    };
    say(`ours: ${Math.round(ours.ms)} ms`);
    await sync.close();
    await sandbox.close();

    say(`naive baseline on ${options.naiveUsers} users`);
    const naiveSandbox = await startSandboxThread(workers.sandboxThread, {
      ...standInOptions,
      users: options.naiveUsers,
    });
    defer(() => naiveSandbox.close());
    const naive = await naiveDirectorySync({
      workosUrl: naiveSandbox.workos.url,
      apiKey: naiveSandbox.workos.apiKey,
      organizationId: naiveSandbox.organizationId,
      directoryId: naiveSandbox.directoryId,
      dbFile: temp.file('naive.sqlite'),
    });
    if (naive.users !== options.naiveUsers) {
      throw new Error(`the naive baseline fetched ${naive.users} users, expected ${options.naiveUsers}`);
    }
    say(`naive: ${Math.round(naive.ms)} ms`);
    return {
      sandbox: sandboxReady,
      ours,
      oursStats,
      standIn,
      hostIdle,
      naive,
      naiveSetupMs: naiveSandbox.setupMs,
      naiveScaledMs: (naive.ms * options.users) / options.naiveUsers,
    };
  });
}
