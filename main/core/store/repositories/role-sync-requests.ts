import { readWindow, type Window, type WindowRequest } from '../window';
import { numbered, writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** Gem's states plus `mapped`, which the console observes itself (a directory user of the team holds the role). */
export type RoleSyncStatus = 'pending' | 'in_progress' | 'synced' | 'mapped';

/** One entry of Gem's `GET /role-sync-requests`, flattened. */
export interface RoleSyncRequestInput {
  teamId: string;
  teamName: string;
  csmEmail: string | null;
  csmName: string | null;
  roleSlug: string;
  roleName: string;
  /** Gem's `workos_sync.status` (never `mapped`). */
  status: string;
  claimedBy: string | null;
  claimedAt: string | null;
  syncedAt: string | null;
  syncedBy: string | null;
  workosRoleSlug: string | null;
  /** The role's `created_at`: a request's age is measured from it. */
  roleCreatedAt: string | null;
  updatedAt: string;
}

export interface RoleSyncRequest extends Omit<RoleSyncRequestInput, 'status'> {
  status: string;
  observedAt: string;
  statusChangedAt: string;
  notifiedNewAt: string | null;
  notifiedSyncedAt: string | null;
  notifiedMappedAt: string | null;
}

/** A status change seen while writing a page: what the notification logic reacts to (`from: null` = new). */
export interface RoleSyncStatusChange {
  teamId: string;
  roleSlug: string;
  from: string | null;
  to: string;
}

export type RoleSyncRequestSort =
  'age' | 'observed_at' | 'team_name' | 'role_name' | 'status' | 'status_changed_at';

export interface RoleSyncRequestFilters {
  statuses?: readonly string[];
  teamId?: string;
  csmEmail?: string;
  claimedBy?: string;
}

export type NotificationMoment = 'new' | 'synced' | 'mapped';

interface RawRequest {
  team_id: string;
  role_slug: string;
  role_name: string;
  team_name: string;
  csm_email: string | null;
  csm_name: string | null;
  status: string;
  claimed_by: string | null;
  claimed_at: string | null;
  synced_at: string | null;
  synced_by: string | null;
  workos_role_slug: string | null;
  role_created_at: string | null;
  observed_at: string;
  status_changed_at: string;
  notified_new_at: string | null;
  notified_synced_at: string | null;
  notified_mapped_at: string | null;
  updated_at: string;
}

const COLUMNS =
  'team_id, role_slug, role_name, team_name, csm_email, csm_name, status, claimed_by, claimed_at, synced_at, ' +
  'synced_by, workos_role_slug, role_created_at, observed_at, status_changed_at, notified_new_at, ' +
  'notified_synced_at, notified_mapped_at, updated_at';

// observed_at and notified_* are local history: an upsert never touches them.
const UPSERT = `
INSERT INTO role_sync_requests (team_id, role_slug, role_name, team_name, csm_email, csm_name, status, claimed_by,
  claimed_at, synced_at, synced_by, workos_role_slug, role_created_at, observed_at, status_changed_at, updated_at,
  generation)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)
ON CONFLICT (team_id, role_slug) DO UPDATE SET
  role_name = excluded.role_name, team_name = excluded.team_name, csm_email = excluded.csm_email,
  csm_name = excluded.csm_name,
  status_changed_at = CASE WHEN status IS excluded.status THEN status_changed_at ELSE excluded.status_changed_at END,
  status = excluded.status, claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
  synced_at = excluded.synced_at, synced_by = excluded.synced_by, workos_role_slug = excluded.workos_role_slug,
  role_created_at = excluded.role_created_at, updated_at = excluded.updated_at, generation = excluded.generation`;

const NOTIFIED_COLUMN: Record<NotificationMoment, string> = {
  new: 'notified_new_at',
  synced: 'notified_synced_at',
  mapped: 'notified_mapped_at',
};

function toRequest(raw: RawRequest): RoleSyncRequest {
  return {
    teamId: raw.team_id,
    teamName: raw.team_name,
    csmEmail: raw.csm_email,
    csmName: raw.csm_name,
    roleSlug: raw.role_slug,
    roleName: raw.role_name,
    status: raw.status,
    claimedBy: raw.claimed_by,
    claimedAt: raw.claimed_at,
    syncedAt: raw.synced_at,
    syncedBy: raw.synced_by,
    workosRoleSlug: raw.workos_role_slug,
    roleCreatedAt: raw.role_created_at,
    updatedAt: raw.updated_at,
    observedAt: raw.observed_at,
    statusChangedAt: raw.status_changed_at,
    notifiedNewAt: raw.notified_new_at,
    notifiedSyncedAt: raw.notified_synced_at,
    notifiedMappedAt: raw.notified_mapped_at,
  };
}

export function createRoleSyncRequestsRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction(
    (requests: readonly RoleSyncRequestInput[], checkpoint: PageCheckpoint): RoleSyncStatusChange[] => {
      const changes: RoleSyncStatusChange[] = [];
      const now = context.now();
      const readStatus = statements.value<string>(
        'SELECT status FROM role_sync_requests WHERE team_id = ? AND role_slug = ?',
      );
      const upsert = statements.get(UPSERT);
      for (const r of requests) {
        const previous = readStatus.get(r.teamId, r.roleSlug) ?? null;
        // `mapped` is our own later observation of a `synced` role; Gem keeps saying `synced`.
        const status = previous === 'mapped' && r.status === 'synced' ? 'mapped' : r.status;
        upsert.run(
          numbered(
            r.teamId,
            r.roleSlug,
            r.roleName,
            r.teamName,
            r.csmEmail,
            r.csmName,
            status,
            r.claimedBy,
            r.claimedAt,
            r.syncedAt,
            r.syncedBy,
            r.workosRoleSlug,
            r.roleCreatedAt,
            now,
            r.updatedAt,
            checkpoint.generation,
          ),
        );
        if (previous !== status)
          changes.push({ teamId: r.teamId, roleSlug: r.roleSlug, from: previous, to: status });
      }
      writeCheckpoint(context, checkpoint);
      return changes;
    },
  );

  return {
    /** Upserts a page of requests with the checkpoint in one transaction; returns the status changes it made. */
    writePage(requests: readonly RoleSyncRequestInput[], checkpoint: PageCheckpoint): RoleSyncStatusChange[] {
      return writePage(requests, checkpoint);
    },
    get(teamId: string, roleSlug: string): RoleSyncRequest | null {
      const raw = statements
        .get<RawRequest>(`SELECT ${COLUMNS} FROM role_sync_requests WHERE team_id = ? AND role_slug = ?`)
        .get(teamId, roleSlug);
      return raw === undefined ? null : toRequest(raw);
    },
    /** `synced` → `mapped` once a directory user of the team holds the role. Returns whether it changed. */
    markMapped(teamId: string, roleSlug: string): boolean {
      return (
        statements
          .get(
            `UPDATE role_sync_requests SET status = 'mapped', status_changed_at = ?
             WHERE team_id = ? AND role_slug = ? AND status = 'synced'`,
          )
          .run(context.now(), teamId, roleSlug).changes > 0
      );
    },
    /** Records that the notification for `moment` went out, once: returns false if it was already recorded. */
    markNotified(teamId: string, roleSlug: string, moment: NotificationMoment): boolean {
      const column = NOTIFIED_COLUMN[moment];
      return (
        statements
          .get(
            `UPDATE role_sync_requests SET ${column} = ? WHERE team_id = ? AND role_slug = ? AND ${column} IS NULL`,
          )
          .run(context.now(), teamId, roleSlug).changes > 0
      );
    },
    /** Removes requests with one of `statuses` that a full listing at `generation` did not return. */
    sweepUnseen(scope: { statuses: readonly string[] }, generation: number): number {
      return statements
        .get(
          'DELETE FROM role_sync_requests WHERE generation < ? AND status IN (SELECT value FROM json_each(?))',
        )
        .run(generation, JSON.stringify(scope.statuses)).changes;
    },
    list(
      filters: RoleSyncRequestFilters = {},
      window: WindowRequest<RoleSyncRequestSort> = {},
    ): Window<RoleSyncRequest> {
      const where: string[] = [];
      const values: unknown[] = [];
      if (filters.statuses !== undefined) {
        where.push('status IN (SELECT value FROM json_each(?))');
        values.push(JSON.stringify(filters.statuses));
      }
      if (filters.teamId !== undefined) {
        where.push('team_id = ?');
        values.push(filters.teamId);
      }
      if (filters.csmEmail !== undefined) {
        where.push('csm_email = ?');
        values.push(filters.csmEmail);
      }
      if (filters.claimedBy !== undefined) {
        where.push('claimed_by = ?');
        values.push(filters.claimedBy);
      }
      return readWindow(
        statements,
        {
          list: 'role-sync requests',
          select: COLUMNS,
          from: 'role_sync_requests',
          where,
          params: values,
          sortColumns: {
            age: 'coalesce(role_created_at, observed_at)',
            observed_at: 'observed_at',
            team_name: 'team_name COLLATE NOCASE',
            role_name: 'role_name COLLATE NOCASE',
            status: 'status',
            status_changed_at: 'status_changed_at',
          },
          defaultSort: 'age',
          tieBreaker: 'team_id || char(0) || role_slug',
        },
        window,
        toRequest,
      );
    },
  };
}

export type RoleSyncRequestsRepository = ReturnType<typeof createRoleSyncRequestsRepository>;
