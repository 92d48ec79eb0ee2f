/**
 * The sync engine and scheduler of a session: built on first use from the session's store and API clients;
 * progress and results become push events. Background incremental syncs run only in hosts that ask for them.
 */
import type { Emitters } from '../emitters';
import type { Store } from '../store';
import { createSyncEngine, createSyncScheduler } from '../sync';
import type { SyncEngine, SyncScheduler } from '../sync';
import type { ApiClients } from './api-clients';

export interface SessionSync {
  engine: SyncEngine;
  scheduler: SyncScheduler;
}

export interface SessionSyncOptions {
  store: Store;
  clients: ApiClients;
  events: Emitters;
  /** 0: no background syncs (the CLI); otherwise the period of incremental syncs. */
  backgroundSyncMs: number;
  log: (message: string) => void;
  /** Runs after every finished run (notifications); its failure is logged, never the run's. */
  afterRun?: () => Promise<void>;
}

export function createSessionSync(options: SessionSyncOptions): SessionSync {
  const engine = createSyncEngine({
    store: options.store,
    workos: options.clients.workos,
    gem: options.clients.gem,
    log: { info: options.log, warn: options.log },
  });
  const scheduler = createSyncScheduler(engine, {
    // A background tick is itself the online check: when the network is gone it fails fast and is recorded.
    intervalMs: options.backgroundSyncMs > 0 ? options.backgroundSyncMs : 60 * 60 * 1000,
    isOnline: () => true,
    onProgress: (progress) => options.events.sync.progress(progress),
    onResult: (summary) => {
      options.events.sync.finished(summary);
      void options
        .afterRun?.()
        .catch((error: unknown) =>
          options.log(`after-sync step failed: ${error instanceof Error ? error.message : String(error)}`),
        );
    },
    onError: (error) =>
      options.log(`background sync failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (options.backgroundSyncMs > 0) scheduler.start();
  return { engine, scheduler };
}
