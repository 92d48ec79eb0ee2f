/**
 * Benchmark: full sync under 10% 429s.
 *
 * A `large`-preset team of BENCH_429_USERS directory users (default 10,000) behind stand-ins with WorkOS's rate
 * limits on and BENCH_LATENCY_MS (default 150 ms) on every answer. T0: a clean full sync into a fresh cache. T1: the
 * same into another fresh cache while every WorkOS and Gem route answers BENCH_429_SHARE (default 10%) of requests
 * with 429 and `Retry-After: 1`. Waits = every 429 the stand-ins sent (injected or from their own limiter) × the
 * Retry-After it carried (injected: 1 s; the stand-ins' limiter on a 1 s window also says 1 s).
 *
 * - T1 ÷ (T0 + waits) ≤ 1.1.
 * Waits on the Gem track overlap the WorkOS track (they run side by side), so the WorkOS-only waits are reported
 * too: they are the ones on the critical path.
 *
 * Run: `npm run bench sync-429` (≈ 1 min at 10k users).
 */
import type { FaultConfig } from '../../main/sandbox/http/faults';
import type { HttpStats } from '../../main/sandbox/http/stats';
import type { BenchReport } from './harness';
import { bundleBenchWorkers } from './support/bundle';
import { atMost, envInt, makeTempDir, round, say, withCleanup } from './support/env';
import { cacheMatches } from './support/full-sync-comparison';
import { startSandboxThread } from './support/sandbox-handle';
import { startSyncThread, type MeasuredRun } from './support/sync-handle';

const RETRY_AFTER_SECONDS = 1;

function count429(stats: HttpStats): { injected: number; total: number } {
  return { injected: stats.faults.injected429, total: stats.byStatus['429'] ?? 0 };
}

export default function sync429Bench(): Promise<BenchReport> {
  const users = envInt('BENCH_429_USERS', 10_000);
  const share = Number(process.env['BENCH_429_SHARE'] ?? '10') / 100;
  const latencyMs = envInt('BENCH_LATENCY_MS', 150);
  return withCleanup(async (defer) => {
    const workers = await bundleBenchWorkers();
    defer(() => workers.dispose());
    const temp = makeTempDir('bench-sync-429-');
    defer(() => temp.dispose());
    say(`starting the stand-ins with ${users} users`);
    const sandbox = await startSandboxThread(workers.sandboxThread, {
      users,
      seed: 3,
      workosRateLimits: true,
      gemRateLimitPerSecond: 20,
      latencyMs,
    });
    defer(() => sandbox.close());

    const fullSyncInto = async (
      file: string,
    ): Promise<{ run: MeasuredRun; stats: Awaited<ReturnType<typeof sandbox.stats>> }> => {
      const sync = await startSyncThread(workers.syncThread, {
        workos: sandbox.workos,
        gem: sandbox.gem,
        dbFile: temp.file(file),
        pacing: 'workos-limits',
      });
      try {
        await sandbox.resetStats();
        const run = await sync.runFull(sandbox.teamId);
        if (run.summary.outcome !== 'ok') {
          throw new Error(`full sync ended ${run.summary.outcome}: ${run.summary.error?.message ?? ''}`);
        }
        return { run, stats: await sandbox.stats() };
      } finally {
        await sync.close();
      }
    };

    const clean = await fullSyncInto('clean.sqlite');
    say(`clean: ${Math.round(clean.run.ms)} ms`);
    // Let the stand-ins' sliding windows empty before the second run.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const faulty: FaultConfig = { latencyMs, status429Share: share, retryAfterSeconds: RETRY_AFTER_SECONDS };
    await sandbox.setFaults({ workos: { '*': faulty }, gem: { '*': faulty } });
    const with429 = await fullSyncInto('with-429.sqlite');
    say(`with 429s: ${Math.round(with429.run.ms)} ms`);
    const standIn = await sandbox.counts();

    const cleanWorkos = count429(clean.stats.workos);
    const cleanGem = count429(clean.stats.gem);
    const workos = count429(with429.stats.workos);
    const gem = count429(with429.stats.gem);
    const waitsMs = (workos.total + gem.total) * RETRY_AFTER_SECONDS * 1000;
    const workosWaitsMs = workos.total * RETRY_AFTER_SECONDS * 1000;
    const t0 = clean.run.ms;
    const t1 = with429.run.ms;
    const matches = cacheMatches(with429.run, standIn);

    return {
      name: 'sync-429',
      metrics: {
        users,
        latency_ms: latencyMs,
        share_429: share,
        t0_ms: Math.round(t0),
        t1_ms: Math.round(t1),
        t0_requests: clean.stats.workos.total + clean.stats.gem.total,
        t0_429: cleanWorkos.total + cleanGem.total,
        t1_requests: with429.stats.workos.total + with429.stats.gem.total,
        t1_workos_429: workos.total,
        t1_workos_429_injected: workos.injected,
        t1_gem_429: gem.total,
        t1_gem_429_injected: gem.injected,
        waits_ms: waitsMs,
        waits_workos_ms: workosWaitsMs,
        extra_ms: Math.round(t1 - t0),
        extra_ms_per_workos_429: round((t1 - t0) / Math.max(1, workos.total), 1),
      },
      ratios: {
        t1_over_t0_plus_waits: atMost(t1 / (t0 + waitsMs), 1.1),
        t1_over_t0_plus_workos_waits: atMost(t1 / (t0 + workosWaitsMs), 1.1),
        cache_equals_standins: { value: matches ? 1 : 0, target: '= 1', pass: matches },
      },
      notes:
        `${users}-user large-preset team, WorkOS limits on, ${latencyMs} ms latency; ${round(share * 100, 1)}% ` +
        `429s with Retry-After ${RETRY_AFTER_SECONDS} s on every WorkOS and Gem route during T1. Both runs start ` +
        `from an empty cache, with the session's clients (createApiClients). The second ratio counts only the ` +
        `WorkOS waits (the critical path: the Gem track runs beside it and is shorter).`,
    };
  });
}
