/** Starts the core worker from the built bundle next to the calling host's bundle (all live in dist/main/). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostKind } from '../core/protocol';
import { appVersion } from './app-version';
import { startCore } from './core-client';
import type { CoreClient } from './core-client';

export function bundleDir(importMetaUrl: string): string {
  return path.dirname(fileURLToPath(importMetaUrl));
}

export function startCoreFromBundle(
  importMetaUrl: string,
  options: {
    host: HostKind;
    dataDir: string;
    heartbeatMs?: number;
    backgroundSyncMs?: number;
    profileId?: string;
  },
): Promise<CoreClient> {
  return startCore({
    workerFile: path.join(bundleDir(importMetaUrl), 'core-worker.js'),
    host: options.host,
    dataDir: options.dataDir,
    appVersion: appVersion(),
    heartbeatMs: options.heartbeatMs ?? 5000,
    // Incremental syncs every five minutes in the desktop and web hosts; the CLI syncs only when asked.
    backgroundSyncMs: options.backgroundSyncMs ?? (options.host === 'cli' ? 0 : 5 * 60 * 1000),
    ...(options.profileId === undefined ? {} : { profileId: options.profileId }),
  });
}
