import { readWindow, type Window, type WindowRequest } from '../window';
import {
  numbered,
  parseJsonArray,
  writeCheckpoint,
  type PageCheckpoint,
  type RepositoryContext,
} from './context';

/** A WorkOS directory user as cached: `roleSlug` is the user's primary role, `roles` all role slugs. */
export interface DirectoryUser {
  id: string;
  directoryId: string;
  idpId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  state: string;
  roleSlug: string | null;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * What sync writes. `groupIds`, when given, replaces the user's group memberships (the user list carries each
 * user's groups); groups not cached yet are skipped. Leave it undefined when memberships come from elsewhere.
 */
export interface DirectoryUserInput extends DirectoryUser {
  groupIds?: readonly string[];
}

export type DirectoryUserSort = 'name' | 'email' | 'state' | 'role' | 'updated_at';

export interface DirectoryUserFilters {
  directoryId?: string;
  state?: string;
  roleSlug?: string;
  /** Only members of this group. */
  groupId?: string;
}

/** What the group → role inference reads: every user of a directory with their role and groups. */
export interface UserRoleObservation {
  userId: string;
  roleSlug: string | null;
  groupIds: string[];
}

interface RawUser {
  id: string;
  directory_id: string;
  idp_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  state: string;
  role_slug: string | null;
  roles_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'u.id, u.directory_id, u.idp_id, u.email, u.first_name, u.last_name, u.state, u.role_slug, u.roles_json, ' +
  'u.created_at, u.updated_at';

const UPSERT = `
INSERT INTO directory_users (id, directory_id, idp_id, email, first_name, last_name, state, role_slug, roles_json,
                             created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  directory_id = excluded.directory_id, idp_id = excluded.idp_id, email = excluded.email,
  first_name = excluded.first_name, last_name = excluded.last_name, state = excluded.state,
  role_slug = excluded.role_slug, roles_json = excluded.roles_json, created_at = excluded.created_at,
  updated_at = excluded.updated_at, generation = excluded.generation`;

// Same upsert, but an existing row is only replaced by a newer one (the Events API path; replay writes nothing).
const UPSERT_IF_NEWER = `${UPSERT} WHERE excluded.updated_at > directory_users.updated_at`;

const INSERT_MEMBERSHIP = `
INSERT INTO group_memberships (user_id, group_id, generation)
SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM directory_groups WHERE id = ?2)
ON CONFLICT (user_id, group_id) DO UPDATE SET generation = excluded.generation`;

export function toDirectoryUser(raw: RawUser): DirectoryUser {
  return {
    id: raw.id,
    directoryId: raw.directory_id,
    idpId: raw.idp_id,
    email: raw.email,
    firstName: raw.first_name,
    lastName: raw.last_name,
    state: raw.state,
    roleSlug: raw.role_slug,
    roles: parseJsonArray(raw.roles_json),
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function createDirectoryUsersRepository(context: RepositoryContext) {
  const { db, statements } = context;

  function params(user: DirectoryUser, generation: number): unknown[] {
    return [
      user.id,
      user.directoryId,
      user.idpId,
      user.email,
      user.firstName,
      user.lastName,
      user.state,
      user.roleSlug,
      JSON.stringify(user.roles),
      user.createdAt,
      user.updatedAt,
      generation,
    ];
  }

  function replaceMemberships(userId: string, groupIds: readonly string[], generation: number): void {
    statements.get('DELETE FROM group_memberships WHERE user_id = ?').run(userId);
    const insert = statements.get(INSERT_MEMBERSHIP);
    for (const groupId of groupIds) insert.run(numbered(userId, groupId, generation));
  }

  const writePage = db.transaction((users: readonly DirectoryUserInput[], checkpoint: PageCheckpoint) => {
    const upsert = statements.get(UPSERT);
    for (const user of users) {
      upsert.run(...params(user, checkpoint.generation));
      if (user.groupIds !== undefined) replaceMemberships(user.id, user.groupIds, checkpoint.generation);
    }
    writeCheckpoint(context, checkpoint);
  });

  const upsertIfNewer = db.transaction((user: DirectoryUserInput, generation: number): boolean => {
    const written = statements.get(UPSERT_IF_NEWER).run(...params(user, generation)).changes > 0;
    if (written && user.groupIds !== undefined) replaceMemberships(user.id, user.groupIds, generation);
    return written;
  });

  return {
    /** Upserts a page of users (and their memberships, when given) and records the checkpoint, in one transaction. */
    writePage(users: readonly DirectoryUserInput[], checkpoint: PageCheckpoint): void {
      writePage(users, checkpoint);
    },
    /** Event path: writes only when `updatedAt` is newer than the cached row. Returns whether it wrote. */
    upsertIfNewer(user: DirectoryUserInput, generation: number): boolean {
      return upsertIfNewer(user, generation);
    },
    get(id: string): DirectoryUser | null {
      const raw = statements.get<RawUser>(`SELECT ${COLUMNS} FROM directory_users u WHERE u.id = ?`).get(id);
      return raw === undefined ? null : toDirectoryUser(raw);
    },
    /** Removing a user removes their memberships (FK cascade). */
    delete(id: string): boolean {
      return statements.get('DELETE FROM directory_users WHERE id = ?').run(id).changes > 0;
    },
    countUnseen(scope: { directoryId: string }, generation: number): number {
      return (
        statements
          .value<number>('SELECT count(*) FROM directory_users WHERE directory_id = ? AND generation < ?')
          .get(scope.directoryId, generation) ?? 0
      );
    },
    sweepUnseen(scope: { directoryId: string }, generation: number): number {
      return statements
        .get('DELETE FROM directory_users WHERE directory_id = ? AND generation < ?')
        .run(scope.directoryId, generation).changes;
    },
    /** Directory users of a team's directories, windowed, filters in SQL. */
    listForTeam(
      teamId: string,
      filters: DirectoryUserFilters = {},
      window: WindowRequest<DirectoryUserSort> = {},
    ): Window<DirectoryUser> {
      const where = ['d.team_id = ?'];
      const values: unknown[] = [teamId];
      if (filters.directoryId !== undefined) {
        where.push('u.directory_id = ?');
        values.push(filters.directoryId);
      }
      if (filters.state !== undefined) {
        where.push('u.state = ?');
        values.push(filters.state);
      }
      if (filters.roleSlug !== undefined) {
        where.push('u.role_slug = ?');
        values.push(filters.roleSlug);
      }
      if (filters.groupId !== undefined) {
        where.push('EXISTS (SELECT 1 FROM group_memberships m WHERE m.user_id = u.id AND m.group_id = ?)');
        values.push(filters.groupId);
      }
      return readWindow(
        statements,
        {
          list: 'directory users',
          select: COLUMNS,
          // CROSS JOIN fixes the loop order: the team's directories (a handful, via their team index) drive, and
          // their users are read through the directory index, whatever the statistics suggest.
          from: 'directories d CROSS JOIN directory_users u ON u.directory_id = d.id',
          where,
          params: values,
          sortColumns: {
            name: ['u.last_name COLLATE NOCASE', 'u.first_name COLLATE NOCASE'],
            email: 'u.email COLLATE NOCASE',
            state: 'u.state',
            role: 'u.role_slug',
            updated_at: 'u.updated_at',
          },
          defaultSort: 'name',
          tieBreaker: 'u.id',
        },
        window,
        toDirectoryUser,
      );
    },
    /** Every user of a directory with role and groups, for the group → role inference (core only, not for the UI). */
    roleObservations(directoryId: string): UserRoleObservation[] {
      const rows = statements
        .get<{ id: string; role_slug: string | null; group_ids: string | null }>(
          `SELECT u.id, u.role_slug,
                  (SELECT json_group_array(m.group_id) FROM group_memberships m WHERE m.user_id = u.id) AS group_ids
           FROM directory_users u WHERE u.directory_id = ? ORDER BY u.id`,
        )
        .all(directoryId);
      return rows.map((row) => ({
        userId: row.id,
        roleSlug: row.role_slug,
        groupIds: row.group_ids === null ? [] : parseJsonArray(row.group_ids),
      }));
    },
    /** Whether some directory user of the team holds `roleSlug` (as primary role or among their roles). */
    anyHoldsRole(teamId: string, roleSlug: string): boolean {
      const found = statements
        .value<number>(
          `SELECT EXISTS (
             SELECT 1 FROM directories d CROSS JOIN directory_users u ON u.directory_id = d.id
             WHERE d.team_id = ?1 AND (u.role_slug = ?2 OR EXISTS (SELECT 1 FROM json_each(u.roles_json) r WHERE r.value = ?2)))`,
        )
        .get(numbered(teamId, roleSlug));
      return found === 1;
    },
  };
}

export type DirectoryUsersRepository = ReturnType<typeof createDirectoryUsersRepository>;
