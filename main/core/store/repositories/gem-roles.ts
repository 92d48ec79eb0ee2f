import { writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A Gem role of a team (Gem admin API `Role`), its WorkOS-sync fields flattened. */
export interface GemRole {
  teamId: string;
  slug: string;
  name: string;
  kind: string; // predefined | custom
  createdBy: string | null;
  workosSyncStatus: string; // not_required | pending | in_progress | synced
  claimedBy: string | null;
  claimedAt: string | null;
  syncedAt: string | null;
  syncedBy: string | null;
  workosRoleSlug: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawRole {
  team_id: string;
  slug: string;
  name: string;
  kind: string;
  created_by: string | null;
  workos_sync_status: string;
  claimed_by: string | null;
  claimed_at: string | null;
  synced_at: string | null;
  synced_by: string | null;
  workos_role_slug: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'team_id, slug, name, kind, created_by, workos_sync_status, claimed_by, claimed_at, synced_at, synced_by, ' +
  'workos_role_slug, created_at, updated_at';

const UPSERT = `
INSERT INTO gem_roles (${COLUMNS}, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (team_id, slug) DO UPDATE SET
  name = excluded.name, kind = excluded.kind, created_by = excluded.created_by,
  workos_sync_status = excluded.workos_sync_status, claimed_by = excluded.claimed_by,
  claimed_at = excluded.claimed_at, synced_at = excluded.synced_at, synced_by = excluded.synced_by,
  workos_role_slug = excluded.workos_role_slug, created_at = excluded.created_at, updated_at = excluded.updated_at,
  generation = excluded.generation`;

function toRole(raw: RawRole): GemRole {
  return {
    teamId: raw.team_id,
    slug: raw.slug,
    name: raw.name,
    kind: raw.kind,
    createdBy: raw.created_by,
    workosSyncStatus: raw.workos_sync_status,
    claimedBy: raw.claimed_by,
    claimedAt: raw.claimed_at,
    syncedAt: raw.synced_at,
    syncedBy: raw.synced_by,
    workosRoleSlug: raw.workos_role_slug,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function createGemRolesRepository(context: RepositoryContext) {
  const { db, statements } = context;

  function upsert(r: GemRole, generation: number): void {
    statements
      .get(UPSERT)
      .run(
        r.teamId,
        r.slug,
        r.name,
        r.kind,
        r.createdBy,
        r.workosSyncStatus,
        r.claimedBy,
        r.claimedAt,
        r.syncedAt,
        r.syncedBy,
        r.workosRoleSlug,
        r.createdAt,
        r.updatedAt,
        generation,
      );
  }

  const writePage = db.transaction((roles: readonly GemRole[], checkpoint: PageCheckpoint) => {
    for (const role of roles) upsert(role, checkpoint.generation);
    writeCheckpoint(context, checkpoint);
  });

  return {
    writePage(roles: readonly GemRole[], checkpoint: PageCheckpoint): void {
      writePage(roles, checkpoint);
    },
    /** One role, e.g. Gem's answer to a workos-sync transition. */
    upsert(role: GemRole, generation: number): void {
      upsert(role, generation);
    },
    get(teamId: string, slug: string): GemRole | null {
      const raw = statements
        .get<RawRole>(`SELECT ${COLUMNS} FROM gem_roles WHERE team_id = ? AND slug = ?`)
        .get(teamId, slug);
      return raw === undefined ? null : toRole(raw);
    },
    /** A team's roles: predefined first, then by name (a team has a handful). */
    listForTeam(teamId: string): GemRole[] {
      return statements
        .get<RawRole>(
          `SELECT ${COLUMNS} FROM gem_roles WHERE team_id = ?
           ORDER BY kind = 'custom', name COLLATE NOCASE, slug`,
        )
        .all(teamId)
        .map(toRole);
    },
    sweepUnseen(scope: { teamId: string }, generation: number): number {
      return statements
        .get('DELETE FROM gem_roles WHERE team_id = ? AND generation < ?')
        .run(scope.teamId, generation).changes;
    },
  };
}

export type GemRolesRepository = ReturnType<typeof createGemRolesRepository>;
