/** What the sandbox thread is started with and answers (shared by sandbox-thread.ts and sandbox-handle.ts). */
import type { FaultConfig } from '../../../main/sandbox/http/faults';
import type { HttpStats } from '../../../main/sandbox/http/stats';
import type { ChangeMixReport } from './change-mix';

export interface SandboxThreadOptions {
  /** Directory users of the `large` preset's one team. */
  users: number;
  seed: number;
  /** The WorkOS stand-in's limits (4/s per directory on /directory_users, 100/s per key). */
  workosRateLimits: boolean;
  /** Gem requests per second per token; null switches the limit off. */
  gemRateLimitPerSecond: number | null;
  /** Added before every WorkOS and Gem answer. */
  latencyMs: number;
}

export interface SandboxReady {
  workos: { url: string; apiKey: string };
  gem: { url: string; token: string };
  teamId: string;
  organizationId: string;
  directoryId: string;
  users: number;
  groups: number;
  /** Generating the scenario and starting both stand-ins. */
  setupMs: number;
}

export interface SandboxStats {
  workos: HttpStats;
  gem: HttpStats;
}

export interface SandboxFaults {
  workos: Record<string, FaultConfig>;
  gem: Record<string, FaultConfig>;
}

/** What the stand-ins hold now, to compare with the cache after a sync. */
export interface StandInCounts {
  directoryUsers: number;
  directoryGroups: number;
  memberships: number;
  gemMembers: number;
  gemActiveMembers: number;
}

export interface ChangeRequest {
  share: number;
  seed: number;
  mappedRole: string;
}

export type { ChangeMixReport };
