/**
 * Public types of the sync engine (design §6): what a run is asked to do, what it reports while it runs, and what
 * it returns. Every value here is plain JSON, so hosts can push it over IPC as is.
 */
import type { ErrorCode } from '../errors';

/** `team`: everything for one team; `requests`: the role-sync queue of every SCIM team; `pinned`: pinned/owned teams. */
export type SyncScope = 'team' | 'requests' | 'pinned' | 'incremental';
export type SyncKind = 'full' | 'incremental';
export type SyncOutcome = 'ok' | 'failed' | 'cancelled' | 'alarm';

export type FullSyncTarget = { teamId: string } | { scope: 'requests' | 'pinned' };

export interface FullSyncOptions {
  signal?: AbortSignal;
  /** The user confirmed the mass-change alarm: the sweep may drop what it would drop. */
  confirmMassChange?: boolean;
}

export interface IncrementalSyncOptions {
  signal?: AbortSignal;
}

/** Phases of a team's full sync, in order (the Gem and WorkOS tracks run side by side after `gem_team`). */
export type SyncPhase =
  | 'gem_team'
  | 'gem_roles'
  | 'gem_members'
  | 'directories'
  | 'groups'
  | 'users'
  | 'org_roles'
  | 'connections'
  | 'sweep'
  | 'inference'
  | 'teams'
  | 'requests'
  | 'events'
  | 'gem_refresh'
  | 'done';

export interface SyncProgress {
  runId: number;
  scope: SyncScope;
  kind: SyncKind;
  teamId: string | null;
  phase: SyncPhase;
  /** Pages (list calls) written so far by this run. */
  pages: number;
  /** Rows written so far by this run. */
  items: number;
  /** Items per second since the run (re)started. */
  rate: number;
  /** Rows the run expects in all, when known (the team's cached size from its previous sync); null otherwise. */
  total: number | null;
  /** Seconds left at the current rate, when `total` is known. */
  etaSeconds: number | null;
}

export interface SyncCounts {
  pages: number;
  items: number;
  /** Rows the sweep (or event deletes) removed. */
  removed: number;
  /** API calls this run made (each retry of a call is counted by the clients, not here). */
  requests: number;
}

export interface MassChangeAlarm {
  /** The run waiting for confirmation: pass it to `confirmAlarm`. */
  alarmId: number;
  teamId: string;
  /** Which side tripped: Gem members or WorkOS directory users. */
  kind: 'members' | 'directory_users';
  /** Rows the sweep would remove plus rows this sync saw turn inactive. */
  wouldRemove: number;
  /** Rows of that kind the cache held for the team. */
  total: number;
  share: number;
}

export interface SyncError {
  code: ErrorCode;
  message: string;
}

export interface SyncSummary {
  runId: number;
  scope: SyncScope;
  kind: SyncKind;
  teamId: string | null;
  outcome: SyncOutcome;
  counts: SyncCounts;
  error?: SyncError;
  alarm?: MassChangeAlarm;
  /** Scope `pinned`: one summary per team (each team is its own run and generation). */
  teams?: SyncSummary[];
  /** The run continued an interrupted run (same generation) rather than starting over. */
  resumed?: boolean;
  /** Incremental only: it fell back to full syncs (cursor past retention or refused). */
  fellBackToFull?: boolean;
}

export type ProgressListener = (progress: SyncProgress) => void;

export interface SyncLog {
  info(message: string): void;
  warn(message: string): void;
}
