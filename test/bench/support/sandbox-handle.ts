/** The benchmark's side of the sandbox thread: start it, wait for the stand-ins, then drive them. */
import { Worker } from 'node:worker_threads';
import type {
  ChangeMixReport,
  ChangeRequest,
  SandboxFaults,
  SandboxReady,
  SandboxStats,
  SandboxThreadOptions,
  StandInCounts,
} from './sandbox-protocol';
import { ThreadClient } from './rpc';

export interface BenchSandbox extends SandboxReady {
  setFaults(faults: SandboxFaults): Promise<void>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  applyChanges(request: ChangeRequest): Promise<ChangeMixReport>;
  counts(): Promise<StandInCounts>;
  close(): Promise<void>;
}

export async function startSandboxThread(
  workerFile: string,
  options: SandboxThreadOptions,
): Promise<BenchSandbox> {
  const client = new ThreadClient(
    new Worker(workerFile, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: 8192 } }),
    'sandbox thread',
  );
  let ready: SandboxReady;
  try {
    ready = await client.once<SandboxReady>('ready');
  } catch (error) {
    await client.terminate();
    throw error;
  }
  let closed = false;
  return {
    ...ready,
    setFaults: async (faults) => {
      await client.call('setFaults', faults);
    },
    stats: () => client.call<SandboxStats>('stats'),
    resetStats: async () => {
      await client.call('resetStats');
    },
    applyChanges: (request) => client.call<ChangeMixReport>('applyChanges', request),
    counts: () => client.call<StandInCounts>('counts'),
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
