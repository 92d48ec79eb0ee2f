/** Flat BenchReport metrics of a main-thread event-loop watch (see sync-handle.ts: watchHostLoop). */
import type { EventLoopDelay } from './sync-handle';

export function hostLoopMetrics(prefix: string, loop: EventLoopDelay): Record<string, number> {
  const r = (value: number) => Math.round(value * 10) / 10;
  return {
    [`${prefix}_max_ms`]: r(loop.maxMs),
    [`${prefix}_p99_ms`]: r(loop.p99Ms),
    [`${prefix}_mean_ms`]: r(loop.meanMs),
    [`${prefix}_busy_max_ms`]: r(loop.maxBusyMs),
    [`${prefix}_active_ms`]: Math.round(loop.activeMs),
    [`${prefix}_load_average`]: r(loop.loadAverage),
  };
}
