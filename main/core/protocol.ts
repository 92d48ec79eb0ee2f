/**
 * The message protocol between a host (Electron main, web host, CLI) and the core worker thread.
 * Every host speaks exactly this; the worker answers every `call` with one `result`.
 */
import type { Result } from '../../preload/api';

export type HostKind = 'electron' | 'web' | 'cli';

export interface CoreWorkerData {
  host: HostKind;
  dataDir: string;
  appVersion: string;
  /** Heartbeat period; the CLI turns it off. */
  heartbeatMs: number;
  /** Period of background incremental syncs; 0 turns them off (the CLI, tests). */
  backgroundSyncMs: number;
  /** Work on this profile instead of the active one, without changing which one is active (`--profile`). */
  profileId?: string;
}

export type HostToCore = { kind: 'call'; id: number; name: string; input: unknown } | { kind: 'shutdown' };

export type CoreToHost =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; name: string; payload: unknown }
  /** A log line from the core; the host decides where logs go (stderr by default). */
  | { kind: 'log'; message: string }
  | { kind: 'closed' };
