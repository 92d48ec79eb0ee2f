import { readWindow, type Window, type WindowRequest } from '../window';
import { writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';
import { likeContains } from './teams';

/** A WorkOS directory group as cached. Groups matter to the console only as role sources. */
export interface DirectoryGroup {
  id: string;
  directoryId: string;
  idpId: string;
  name: string;
  createdAt: string | null;
  updatedAt: string;
}

export interface DirectoryGroupWithCount extends DirectoryGroup {
  memberCount: number;
}

export type DirectoryGroupSort = 'name' | 'member_count' | 'updated_at';

export interface DirectoryGroupFilters {
  directoryId?: string;
  /** Case-insensitive substring of the group name. */
  text?: string;
}

interface RawGroup {
  id: string;
  directory_id: string;
  idp_id: string;
  name: string;
  created_at: string | null;
  updated_at: string;
}

const COLUMNS = 'g.id, g.directory_id, g.idp_id, g.name, g.created_at, g.updated_at';

const UPSERT = `
INSERT INTO directory_groups (id, directory_id, idp_id, name, created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  directory_id = excluded.directory_id, idp_id = excluded.idp_id, name = excluded.name,
  created_at = excluded.created_at, updated_at = excluded.updated_at, generation = excluded.generation`;

const UPSERT_IF_NEWER = `${UPSERT} WHERE excluded.updated_at > directory_groups.updated_at`;

function toGroup(raw: RawGroup): DirectoryGroup {
  return {
    id: raw.id,
    directoryId: raw.directory_id,
    idpId: raw.idp_id,
    name: raw.name,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

function groupParams(group: DirectoryGroup, generation: number): unknown[] {
  return [group.id, group.directoryId, group.idpId, group.name, group.createdAt, group.updatedAt, generation];
}

export function createDirectoryGroupsRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction((groups: readonly DirectoryGroup[], checkpoint: PageCheckpoint) => {
    const upsert = statements.get(UPSERT);
    for (const group of groups) upsert.run(...groupParams(group, checkpoint.generation));
    writeCheckpoint(context, checkpoint);
  });

  return {
    writePage(groups: readonly DirectoryGroup[], checkpoint: PageCheckpoint): void {
      writePage(groups, checkpoint);
    },
    /** Event path: writes only when `updatedAt` is newer than the cached row. Returns whether it wrote. */
    upsertIfNewer(group: DirectoryGroup, generation: number): boolean {
      return statements.get(UPSERT_IF_NEWER).run(...groupParams(group, generation)).changes > 0;
    },
    get(id: string): DirectoryGroup | null {
      const raw = statements
        .get<RawGroup>(`SELECT ${COLUMNS} FROM directory_groups g WHERE g.id = ?`)
        .get(id);
      return raw === undefined ? null : toGroup(raw);
    },
    /** Removing a group removes its memberships (FK cascade). */
    delete(id: string): boolean {
      return statements.get('DELETE FROM directory_groups WHERE id = ?').run(id).changes > 0;
    },
    sweepUnseen(scope: { directoryId: string }, generation: number): number {
      return statements
        .get('DELETE FROM directory_groups WHERE directory_id = ? AND generation < ?')
        .run(scope.directoryId, generation).changes;
    },
    /** Every group of a directory (core use: the inference); the UI uses `listForTeam`. */
    listForDirectory(directoryId: string): DirectoryGroup[] {
      return statements
        .get<RawGroup>(
          `SELECT ${COLUMNS} FROM directory_groups g WHERE g.directory_id = ? ORDER BY g.name, g.id`,
        )
        .all(directoryId)
        .map(toGroup);
    },
    /** Groups of a team's directories with their member counts, windowed. */
    listForTeam(
      teamId: string,
      filters: DirectoryGroupFilters = {},
      window: WindowRequest<DirectoryGroupSort> = {},
    ): Window<DirectoryGroupWithCount> {
      const where = ['d.team_id = ?'];
      const values: unknown[] = [teamId];
      if (filters.directoryId !== undefined) {
        where.push('g.directory_id = ?');
        values.push(filters.directoryId);
      }
      if (filters.text !== undefined && filters.text !== '') {
        where.push("g.name LIKE ? ESCAPE '\\'");
        values.push(likeContains(filters.text));
      }
      return readWindow(
        statements,
        {
          list: 'directory groups',
          select: `${COLUMNS}, (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id) AS member_count`,
          // CROSS JOIN: the team's directories drive (see directory-users.ts).
          from: 'directories d CROSS JOIN directory_groups g ON g.directory_id = d.id',
          where,
          params: values,
          sortColumns: {
            name: 'g.name COLLATE NOCASE',
            member_count: 'member_count',
            updated_at: 'g.updated_at',
          },
          defaultSort: 'name',
          tieBreaker: 'g.id',
        },
        window,
        (raw: RawGroup & { member_count: number }) => ({ ...toGroup(raw), memberCount: raw.member_count }),
      );
    },
  };
}

export type DirectoryGroupsRepository = ReturnType<typeof createDirectoryGroupsRepository>;
