/**
 * Worker-thread entry: the WorkOS and Gem stand-ins of one `large`-preset scenario, in their own thread so that
 * their work (serialising pages, rate limiting) does not run on the event loop of the client being measured —
 * as real, remote services would not. Every API answer is delayed by `latencyMs` (the stand-ins' fault injection).
 */
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { generateScenario } from '../../../main/sandbox/generator';
import type { FaultConfig } from '../../../main/sandbox/http/faults';
import { startSandbox } from '../../../main/sandbox/sandbox';
import { applyChangeMix } from './change-mix';
import type {
  ChangeRequest,
  SandboxFaults,
  SandboxReady,
  SandboxStats,
  SandboxThreadOptions,
  StandInCounts,
} from './sandbox-protocol';
import { serveRpc } from './rpc';

const TEAM_ID = 'team_atlas';
const ORGANIZATION_ID = 'org_atlas';
const DIRECTORY_ID = 'directory_atlas_okta';

async function main(): Promise<void> {
  const options = workerData as SandboxThreadOptions;
  const started = performance.now();
  const scenario = generateScenario({ preset: 'large', seed: options.seed, users: options.users });
  const sandbox = await startSandbox({
    scenario,
    rateLimits: { enabled: options.workosRateLimits },
    gemRateLimitPerSecond: options.gemRateLimitPerSecond,
  });
  const latency = (): Record<string, FaultConfig> =>
    options.latencyMs > 0 ? { '*': { latencyMs: options.latencyMs } } : {};
  sandbox.workosServer.setFaults(latency());
  sandbox.gemServer.setFaults(latency());
  const state = sandbox.loaded.workos;

  const { emit } = serveRpc({
    setFaults: (payload) => {
      const faults = payload as SandboxFaults;
      sandbox.workosServer.setFaults(faults.workos);
      sandbox.gemServer.setFaults(faults.gem);
      return null;
    },
    stats: (): SandboxStats => ({ workos: sandbox.workosServer.stats(), gem: sandbox.gemServer.stats() }),
    resetStats: () => {
      sandbox.workosServer.resetStats();
      sandbox.gemServer.resetStats();
      return null;
    },
    applyChanges: async (payload) => {
      const report = applyChangeMix(state, DIRECTORY_ID, payload as ChangeRequest);
      await sandbox.loaded.link.idle();
      return report;
    },
    counts: (): StandInCounts => {
      const directory = state.directory(DIRECTORY_ID);
      let memberships = 0;
      for (const groupId of directory.groupIds) memberships += state.group(groupId).memberIds.size;
      const members = sandbox.loaded.gem.listMembers(TEAM_ID) ?? [];
      return {
        directoryUsers: directory.userIds.size,
        directoryGroups: directory.groupIds.size,
        memberships,
        gemMembers: members.length,
        gemActiveMembers: members.filter((m) => m.status === 'active').length,
      };
    },
    close: async () => {
      await sandbox.close();
      return null;
    },
  });

  const ready: SandboxReady = {
    workos: sandbox.workos,
    gem: { url: sandbox.gem.url, token: sandbox.gem.tokens.console },
    teamId: TEAM_ID,
    organizationId: ORGANIZATION_ID,
    directoryId: DIRECTORY_ID,
    users: state.directory(DIRECTORY_ID).userIds.size,
    groups: state.directory(DIRECTORY_ID).groupIds.size,
    setupMs: performance.now() - started,
  };
  emit('ready', ready);
}

void main().catch((error: unknown) => {
  // Crash the worker: the benchmark's ThreadClient turns the exit into a failed call.
  setImmediate(() => {
    throw error;
  });
});
