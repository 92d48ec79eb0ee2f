/**
 * Benchmark: incremental sync after 1% changes vs a full sync of the same team.
 *
 * A `large`-preset team of BENCH_INCR_USERS directory users (default 20,000) behind stand-ins with WorkOS's rate
 * limits on and BENCH_LATENCY_MS (default 150 ms) on every answer; a full sync (fresh cache), then BENCH_INCR_SHARE
 * (default 1%) of the users changed in the WorkOS stand-in (support/change-mix.ts: updates, deactivations,
 * membership changes, a mapping change; Gem follows through the sandbox's link), then an incremental sync
 * (WorkOS events since the cursor, Gem members updated since the last listing).
 *
 * - requests_incr ÷ requests_full ≤ 0.02, both counted by the stand-ins (WorkOS + Gem, every status);
 * - time_incr ÷ time_full ≤ 0.05.
 * The cache is then compared with the stand-ins (users, groups, memberships, Gem members and their status).
 *
 * Run: `npm run bench sync-incremental` (≈ 1 min at 20k users).
 */
import type { BenchReport } from './harness';
import { bundleBenchWorkers } from './support/bundle';
import { atMost, envInt, makeTempDir, round, say, withCleanup } from './support/env';
import { cacheMatches, requestsOf } from './support/full-sync-comparison';
import { startSandboxThread } from './support/sandbox-handle';
import { startSyncThread } from './support/sync-handle';

export default function syncIncrementalBench(): Promise<BenchReport> {
  const users = envInt('BENCH_INCR_USERS', 20_000);
  const sharePercent = Number(process.env['BENCH_INCR_SHARE'] ?? '1');
  const latencyMs = envInt('BENCH_LATENCY_MS', 150);
  return withCleanup(async (defer) => {
    const workers = await bundleBenchWorkers();
    defer(() => workers.dispose());
    const temp = makeTempDir('bench-sync-incr-');
    defer(() => temp.dispose());
    say(`starting the stand-ins with ${users} users`);
    const sandbox = await startSandboxThread(workers.sandboxThread, {
      users,
      seed: 2,
      workosRateLimits: true,
      gemRateLimitPerSecond: 20,
      latencyMs,
    });
    defer(() => sandbox.close());
    const sync = await startSyncThread(workers.syncThread, {
      workos: sandbox.workos,
      gem: sandbox.gem,
      dbFile: temp.file('cache.sqlite'),
      pacing: 'workos-limits',
    });
    defer(() => sync.close());

    await sandbox.resetStats();
    const full = await sync.runFull(sandbox.teamId);
    if (full.summary.outcome !== 'ok') throw new Error(`full sync ended ${full.summary.outcome}`);
    const fullStats = await sandbox.stats();
    const fullRequests = fullStats.workos.total + fullStats.gem.total;
    say(`full sync: ${Math.round(full.ms)} ms, ${fullRequests} requests`);

    const changes = await sandbox.applyChanges({
      share: sharePercent / 100,
      seed: 7,
      mappedRole: 'org-sourcer',
    });
    await sandbox.resetStats();
    const incremental = await sync.runIncremental();
    if (incremental.summary.outcome !== 'ok' || incremental.summary.fellBackToFull === true) {
      throw new Error(
        `incremental sync ended ${incremental.summary.outcome}` +
          (incremental.summary.fellBackToFull === true ? ' (fell back to full)' : ''),
      );
    }
    const incrStats = await sandbox.stats();
    const incrRequests = incrStats.workos.total + incrStats.gem.total;
    say(`incremental sync: ${Math.round(incremental.ms)} ms, ${incrRequests} requests`);
    const standIn = await sandbox.counts();
    const matches = cacheMatches(incremental, standIn);

    return {
      name: 'sync-incremental',
      metrics: {
        users,
        latency_ms: latencyMs,
        change_budget_users: changes.budget,
        changed_users: changes.usersTouched,
        change_events: changes.events,
        change_updates: changes.updates,
        change_deactivations: changes.deactivations,
        change_membership_adds: changes.membershipAdds,
        change_membership_removals: changes.membershipRemovals,
        change_mapped_group_members: changes.mappedGroupMembers,
        full_ms: Math.round(full.ms),
        full_requests: fullRequests,
        full_workos_requests: fullStats.workos.total,
        full_gem_requests: fullStats.gem.total,
        incr_ms: Math.round(incremental.ms),
        incr_requests: incrRequests,
        incr_workos_events_requests: requestsOf(incrStats.workos, 'GET /events'),
        incr_workos_requests: incrStats.workos.total,
        incr_gem_requests: incrStats.gem.total,
        incr_items_written: incremental.summary.counts.items,
        incr_rows_removed: incremental.summary.counts.removed,
        cache_directory_users: incremental.cache.directoryUsers,
        cache_gem_active_members: incremental.cache.gemActiveMembers,
      },
      ratios: {
        requests_incr_over_full: atMost(incrRequests / fullRequests, 0.02),
        time_incr_over_full: atMost(incremental.ms / full.ms, 0.05),
        cache_equals_standins: { value: matches ? 1 : 0, target: '= 1', pass: matches },
      },
      notes:
        `${users}-user large-preset team, WorkOS limits on, ${latencyMs} ms latency. ${round(sharePercent, 2)}% ` +
        `of the users changed (${changes.usersTouched} users touched by ${changes.events} events): ` +
        `${changes.updates} attribute updates, ${changes.deactivations} deactivations (deleted in this preset), ` +
        `${changes.membershipAdds} group additions and ${changes.membershipRemovals} removals, a new group of ` +
        `${changes.mappedGroupMembers} members mapped to a role. Requests counted by both stand-ins. ` +
        `Cache after the incremental ${matches ? 'equals' : 'DIFFERS FROM'} the stand-ins ` +
        `(users ${incremental.cache.directoryUsers}/${standIn.directoryUsers}, groups ` +
        `${incremental.cache.directoryGroups}/${standIn.directoryGroups}, memberships ` +
        `${incremental.cache.memberships}/${standIn.memberships}, active members ` +
        `${incremental.cache.gemActiveMembers}/${standIn.gemActiveMembers}).`,
    };
  });
}
