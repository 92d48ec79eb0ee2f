/**
 * The benchmark's side of the sync thread. While a run goes on, the benchmark's own (main) thread plays the host:
 * it only receives the progress events, and `monitorEventLoopDelay` measures how long its event loop is held up.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ThreadClient } from './rpc';
import type { SyncRunResult, SyncThreadOptions } from './sync-protocol';

/** The main thread's event-loop delay during a run, in ms (the histogram's samples include the 10 ms period). */
export interface EventLoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  samples: number;
  /**
   * The longest stretch the main thread itself was busy between two 10 ms ticks (event-loop utilization's active
   * time): work on the host's loop. A delay far above it was the OS not scheduling the thread (other processes).
   */
  maxBusyMs: number;
  /** Main-thread active time over the whole run. */
  activeMs: number;
  /** 1-minute load average of the machine at the end (2 cores here: above 2 means threads wait for a CPU). */
  loadAverage: number;
}

/** Measures the main thread's event loop from start() to stop(). */
export function watchHostLoop(): { stop(): EventLoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  histogram.enable();
  const first = performance.eventLoopUtilization();
  let last = first;
  let maxBusyMs = 0;
  const ticker = setInterval(() => {
    const now = performance.eventLoopUtilization();
    maxBusyMs = Math.max(maxBusyMs, performance.eventLoopUtilization(now, last).active);
    last = now;
  }, EVENT_LOOP_RESOLUTION_MS);
  let result: EventLoopDelay | null = null;
  return {
    stop() {
      if (result !== null) return result;
      clearInterval(ticker);
      histogram.disable();
      const now = performance.eventLoopUtilization();
      maxBusyMs = Math.max(maxBusyMs, performance.eventLoopUtilization(now, last).active);
      result = {
        maxMs: histogram.max / 1e6,
        p99Ms: histogram.percentile(99) / 1e6,
        meanMs: histogram.mean / 1e6,
        samples: histogram.count,
        maxBusyMs,
        activeMs: performance.eventLoopUtilization(now, first).active,
        loadAverage: os.loadavg()[0] ?? 0,
      };
      return result;
    },
  };
}

/** The main thread's event loop over `ms` with nothing to do: the machine's own scheduling noise. */
export async function idleHostLoop(ms: number): Promise<EventLoopDelay> {
  const watch = watchHostLoop();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return watch.stop();
}

export interface MeasuredRun extends SyncRunResult {
  /** Wall time seen from the main thread (request sent → answer received). */
  hostMs: number;
  eventLoop: EventLoopDelay;
  progressEvents: number;
}

export interface BenchSync {
  runFull(teamId: string): Promise<MeasuredRun>;
  runIncremental(): Promise<MeasuredRun>;
  close(): Promise<void>;
}

export const EVENT_LOOP_RESOLUTION_MS = 10;

export async function startSyncThread(workerFile: string, options: SyncThreadOptions): Promise<BenchSync> {
  const client = new ThreadClient(new Worker(workerFile, { workerData: options }), 'sync thread');
  try {
    await client.once('ready');
  } catch (error) {
    await client.terminate();
    throw error;
  }
  let progressEvents = 0;
  client.on('progress', () => {
    progressEvents += 1;
  });

  async function measured(type: string, payload?: unknown): Promise<MeasuredRun> {
    const progressBefore = progressEvents;
    const watch = watchHostLoop();
    const started = performance.now();
    try {
      const result = await client.call<SyncRunResult>(type, payload);
      const hostMs = performance.now() - started;
      return { ...result, hostMs, progressEvents: progressEvents - progressBefore, eventLoop: watch.stop() };
    } finally {
      watch.stop();
    }
  }

  let closed = false;
  return {
    runFull: (teamId) => measured('runFull', { teamId }),
    runIncremental: () => measured('runIncremental'),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.call('close');
      } finally {
        await client.terminate();
      }
    },
  };
}
