/**
 * Benchmark: full sync of the `large` preset (BENCH_USERS directory users, default 100,000, ~1,000 groups) with
 * the WorkOS stand-in's rate limits on (4/s per directory on /directory_users, 100/s per key; Gem 20/s) and
 * BENCH_LATENCY_MS (default 150 ms) added to every WorkOS and Gem answer.
 *
 * - time ÷ floor ≤ 1.05, where floor = user pages (limit 100) ÷ 4 per second: the /directory_users budget is the
 *   only limit that binds; everything else (groups, roles, connections, the Gem track) fits in the 100/s key budget
 *   or runs beside it, so the floor leaves it out — and so leaves out the last page's latency and the writes.
 * - naive ÷ ours ≥ 1.5: the SDK's autoPagination (350 ms sleep between pages) and one INSERT per row, measured on
 *   BENCH_NAIVE_USERS (default min(users, 20,000)) and scaled linearly to the full size.
 *
 * Run: `npm run bench sync-full-limits` (≈ 4.5 min for ours at 100k + ≈ 2.5 min for the naive 20k measurement).
 */
import type { BenchReport } from './harness';
import { atLeast, atMost, envInt, round } from './support/env';
import { cacheMatches, compareFullSyncs, requestsOf } from './support/full-sync-comparison';
import { hostLoopMetrics } from './support/host-loop-metrics';
import { pageTimingMetrics } from './support/page-timings';

const DIRECTORY_USERS_LIMIT_PER_SECOND = 4;
const PAGE_SIZE = 100;

export default async function syncFullLimitsBench(): Promise<BenchReport> {
  const users = envInt('BENCH_USERS', 100_000);
  const naiveUsers = Math.min(users, envInt('BENCH_NAIVE_USERS', 20_000));
  const latencyMs = envInt('BENCH_LATENCY_MS', 150);
  const result = await compareFullSyncs({ users, naiveUsers, latencyMs, limits: true, seed: 1 });
  const { ours, oursStats, naive } = result;

  const userPages = Math.ceil(users / PAGE_SIZE);
  const floorMs = (userPages / DIRECTORY_USERS_LIMIT_PER_SECOND) * 1000;
  const scaled = naiveUsers < users;
  const workos429 = oursStats.workos.byStatus['429'] ?? 0;
  const gem429 = oursStats.gem.byStatus['429'] ?? 0;
  const matches = cacheMatches(ours, result.standIn);

  return {
    name: 'sync-full-limits',
    metrics: {
      users,
      groups: result.sandbox.groups,
      latency_ms: latencyMs,
      standins_setup_ms: Math.round(result.sandbox.setupMs),
      ours_ms: Math.round(ours.ms),
      floor_ms: Math.round(floorMs),
      user_pages_floor: userPages,
      workos_requests: requestsOf(oursStats.workos),
      workos_directory_users_requests: requestsOf(oursStats.workos, 'GET /directory_users'),
      workos_429: workos429,
      gem_requests: requestsOf(oursStats.gem),
      gem_429: gem429,
      cache_directory_users: ours.cache.directoryUsers,
      cache_memberships: ours.cache.memberships,
      cache_gem_members: ours.cache.gemMembers,
      ...pageTimingMetrics(ours.userPages, true),
      ...hostLoopMetrics('host_event_loop', ours.eventLoop),
      naive_measured_users: naiveUsers,
      naive_measured_ms: Math.round(naive.ms),
      naive_measured_fetch_ms: Math.round(naive.fetchMs),
      naive_measured_insert_ms: Math.round(naive.insertMs),
      [scaled ? 'naive_extrapolated_ms' : 'naive_ms']: Math.round(result.naiveScaledMs),
    },
    ratios: {
      time_over_floor: atMost(ours.ms / floorMs, 1.05),
      naive_over_ours: atLeast(result.naiveScaledMs / ours.ms, 1.5),
      cache_equals_standins: { value: matches ? 1 : 0, target: '= 1', pass: matches },
    },
    notes:
      `Ours: the engine's full sync of team ${result.sandbox.teamId} (WorkOS: directories, groups, users with ` +
      `their groups, roles, connections; Gem: team, roles, members in parallel), in a worker thread, with the ` +
      `session's clients (createApiClients). Floor: ${userPages} user pages ÷ ${DIRECTORY_USERS_LIMIT_PER_SECOND}/s; ` +
      `it excludes the calls before and after the user pages (directories, ${Math.ceil(result.sandbox.groups / PAGE_SIZE)} ` +
      `group pages, roles, connections, all under the 100/s key budget), the last answer's latency and the ` +
      `writes — they are not imposed by the limits. Naive: SDK autoPagination of directories, groups and users, ` +
      `then one autocommitted INSERT per user and per membership (WorkOS only; no Gem)` +
      (scaled
        ? `, measured on a ${naiveUsers}-user large-preset team and extrapolated ×${round(users / naiveUsers, 2)} ` +
          `(naive_extrapolated_ms).`
        : '.') +
      ` Stand-ins run in their own thread; ${latencyMs} ms latency on every WorkOS and Gem route.`,
  };
}
