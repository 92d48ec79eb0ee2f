/**
 * Benchmark: full sync of the `large` preset (BENCH_USERS, default 100,000) with the stand-ins' rate limits off and
 * our WorkOS pacing configured for a server without limits (the product has no such switch: the benchmark gives the
 * client a RateLimiter whose rules never bind), BENCH_LATENCY_MS (default 150 ms) on every WorkOS and Gem answer.
 *
 * - naive ÷ ours ≥ 3 (naive: the SDK's autoPagination and one INSERT per row, measured on BENCH_NAIVE_USERS,
 *   default min(users, 20,000), scaled linearly).
 * - The sync runs in a worker thread, as the core does; the main thread plays the host (it receives the progress
 *   events) and `monitorEventLoopDelay({resolution: 10})` records its event-loop delay for the whole run:
 *   max ≤ 50 ms. The histogram's samples include the 10 ms timer period, so the figures are upper bounds.
 *
 * Run: `npm run bench sync-full-nolimits` (≈ 3.5 min for ours at 100k + ≈ 2.5 min for the naive 20k measurement).
 */
import type { BenchReport } from './harness';
import { atLeast, atMost, envInt, round } from './support/env';
import { cacheMatches, compareFullSyncs, requestsOf } from './support/full-sync-comparison';
import { hostLoopMetrics } from './support/host-loop-metrics';
import { pageTimingMetrics } from './support/page-timings';
import { EVENT_LOOP_RESOLUTION_MS } from './support/sync-handle';

const MAX_EVENT_LOOP_DELAY_MS = 50;
/** The idle main thread is watched this long before the sync, to tell the machine's noise from the sync's. */
const IDLE_CONTROL_MS = 10_000;

export default async function syncFullNoLimitsBench(): Promise<BenchReport> {
  const users = envInt('BENCH_USERS', 100_000);
  const naiveUsers = Math.min(users, envInt('BENCH_NAIVE_USERS', 20_000));
  const latencyMs = envInt('BENCH_LATENCY_MS', 150);
  const result = await compareFullSyncs({
    users,
    naiveUsers,
    latencyMs,
    limits: false,
    seed: 1,
    idleControlMs: IDLE_CONTROL_MS,
  });
  const { ours, oursStats, naive } = result;
  const scaled = naiveUsers < users;
  const userRequests = requestsOf(oursStats.workos, 'GET /directory_users');
  const matches = cacheMatches(ours, result.standIn);

  return {
    name: 'sync-full-nolimits',
    metrics: {
      users,
      groups: result.sandbox.groups,
      latency_ms: latencyMs,
      standins_setup_ms: Math.round(result.sandbox.setupMs),
      ours_ms: Math.round(ours.ms),
      ours_ms_per_user_page: round(ours.ms / Math.max(1, userRequests), 1),
      workos_requests: requestsOf(oursStats.workos),
      workos_directory_users_requests: userRequests,
      gem_requests: requestsOf(oursStats.gem),
      cache_directory_users: ours.cache.directoryUsers,
      cache_memberships: ours.cache.memberships,
      cache_gem_members: ours.cache.gemMembers,
      ...pageTimingMetrics(ours.userPages, false),
      ...hostLoopMetrics('host_event_loop', ours.eventLoop),
      ...(result.hostIdle === null ? {} : hostLoopMetrics('idle_host_event_loop', result.hostIdle)),
      host_event_loop_samples: ours.eventLoop.samples,
      host_progress_events: ours.progressEvents,
      naive_measured_users: naiveUsers,
      naive_measured_ms: Math.round(naive.ms),
      naive_measured_fetch_ms: Math.round(naive.fetchMs),
      naive_measured_insert_ms: Math.round(naive.insertMs),
      [scaled ? 'naive_extrapolated_ms' : 'naive_ms']: Math.round(result.naiveScaledMs),
    },
    ratios: {
      naive_over_ours: atLeast(result.naiveScaledMs / ours.ms, 3),
      host_event_loop_max_ms: atMost(ours.eventLoop.maxMs, MAX_EVENT_LOOP_DELAY_MS, ' ms'),
      host_event_loop_busy_max_ms: atMost(ours.eventLoop.maxBusyMs, MAX_EVENT_LOOP_DELAY_MS, ' ms'),
      cache_equals_standins: { value: matches ? 1 : 0, target: '= 1', pass: matches },
    },
    notes:
      `Ours: the engine's full sync (WorkOS and Gem tracks) in a worker thread with the session's clients, WorkOS ` +
      `limiter unbound; stand-ins in a third thread, limits off, ${latencyMs} ms latency. Host event loop: ` +
      `monitorEventLoopDelay(resolution ${EVENT_LOOP_RESOLUTION_MS} ms) on the main thread from the request to ` +
      `the answer of the run, samples include the period; busy_max = the longest main-thread activity between ` +
      `two ticks (event-loop utilization): a delay far above it is the OS not scheduling the thread (see the ` +
      `load averages and the idle control, ${IDLE_CONTROL_MS / 1000} s before the run), not work on the loop. Naive: SDK autoPagination (350 ms between pages) of ` +
      `directories, groups and users, then one autocommitted INSERT per user and per membership (WorkOS only)` +
      (scaled
        ? `, measured on a ${naiveUsers}-user large-preset team and extrapolated ×${round(users / naiveUsers, 2)}.`
        : '.'),
  };
}
