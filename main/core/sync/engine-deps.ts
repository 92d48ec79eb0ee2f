import type { GemAdminClient } from '../gem/client';
import type { Store } from '../store';
import type { WorkosClient } from '../workos/client';
import type { SyncLog, SyncProgress } from './types';

/** What every part of the engine works with. */
export interface EngineDeps {
  store: Store;
  workos: WorkosClient;
  gem: GemAdminClient;
  /** Wall clock, epoch ms (event-retention checks, alarm notifications). */
  wallNow: () => number;
  /** Monotonic ms (rates). */
  monotonicNow: () => number;
  massChangeThreshold: number;
  /** How long WorkOS keeps events; a cursor older than this is not trusted. */
  eventRetentionMs: number;
  log: SyncLog;
  emit: (progress: SyncProgress) => void;
}

/** Page sizes: the maximum each API allows, so a full sync makes as few calls as it can. */
export const WORKOS_PAGE_SIZE = 100;
export const GEM_PAGE_SIZE = 200;
