import { writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A WorkOS directory as cached. `state` is the SDK's value (active, inactive, validating, …). */
export interface Directory {
  id: string;
  organizationId: string;
  teamId: string | null;
  type: string;
  state: string;
  name: string;
  domain: string | null;
  createdAt: string | null;
  updatedAt: string;
}

interface RawDirectory {
  id: string;
  organization_id: string;
  team_id: string | null;
  type: string;
  state: string;
  name: string;
  domain: string | null;
  created_at: string | null;
  updated_at: string;
}

const COLUMNS = 'id, organization_id, team_id, type, state, name, domain, created_at, updated_at';

const UPSERT = `
INSERT INTO directories (id, organization_id, team_id, type, state, name, domain, created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, team_id = excluded.team_id, type = excluded.type,
  state = excluded.state, name = excluded.name, domain = excluded.domain, created_at = excluded.created_at,
  updated_at = excluded.updated_at, generation = excluded.generation`;

function toDirectory(raw: RawDirectory): Directory {
  return {
    id: raw.id,
    organizationId: raw.organization_id,
    teamId: raw.team_id,
    type: raw.type,
    state: raw.state,
    name: raw.name,
    domain: raw.domain,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function createDirectoriesRepository(context: RepositoryContext) {
  const { db, statements } = context;

  function upsert(directory: Directory, generation: number): void {
    statements
      .get(UPSERT)
      .run(
        directory.id,
        directory.organizationId,
        directory.teamId,
        directory.type,
        directory.state,
        directory.name,
        directory.domain,
        directory.createdAt,
        directory.updatedAt,
        generation,
      );
  }

  const writePage = db.transaction((directories: readonly Directory[], checkpoint: PageCheckpoint) => {
    for (const directory of directories) upsert(directory, checkpoint.generation);
    writeCheckpoint(context, checkpoint);
  });

  return {
    writePage(directories: readonly Directory[], checkpoint: PageCheckpoint): void {
      writePage(directories, checkpoint);
    },
    /** Event path: writes only when `updatedAt` is newer than the cached row. Returns whether it wrote. */
    upsertIfNewer(directory: Directory, generation: number): boolean {
      const current = statements
        .value<string>('SELECT updated_at FROM directories WHERE id = ?')
        .get(directory.id);
      if (current !== undefined && current >= directory.updatedAt) return false;
      upsert(directory, generation);
      return true;
    },
    get(id: string): Directory | null {
      const raw = statements.get<RawDirectory>(`SELECT ${COLUMNS} FROM directories WHERE id = ?`).get(id);
      return raw === undefined ? null : toDirectory(raw);
    },
    listForTeam(teamId: string): Directory[] {
      return statements
        .get<RawDirectory>(`SELECT ${COLUMNS} FROM directories WHERE team_id = ? ORDER BY name, id`)
        .all(teamId)
        .map(toDirectory);
    },
    listForOrganization(organizationId: string): Directory[] {
      return statements
        .get<RawDirectory>(`SELECT ${COLUMNS} FROM directories WHERE organization_id = ? ORDER BY name, id`)
        .all(organizationId)
        .map(toDirectory);
    },
    /** Removing a directory removes its users, groups and memberships (FK cascade). */
    delete(id: string): boolean {
      return statements.get('DELETE FROM directories WHERE id = ?').run(id).changes > 0;
    },
    /** Removes the organization's directories a full sync did not see (with everything in them). */
    sweepUnseen(scope: { organizationId: string }, generation: number): number {
      return statements
        .get('DELETE FROM directories WHERE organization_id = ? AND generation < ?')
        .run(scope.organizationId, generation).changes;
    },
  };
}

export type DirectoriesRepository = ReturnType<typeof createDirectoriesRepository>;
