import { readWindow, type Window, type WindowRequest } from '../window';
import { toFlag, writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A Gem team member as cached (Gem admin API `Member`). */
export interface Member {
  id: string;
  teamId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  roleSlug: string;
  status: string;
  scimManaged: boolean;
  directoryUserId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type MemberSort = 'name' | 'email' | 'role' | 'status' | 'updated_at';

export interface MemberFilters {
  status?: string;
  roleSlug?: string;
  scimManaged?: boolean;
}

interface RawMember {
  id: string;
  team_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role_slug: string;
  status: string;
  scim_managed: number;
  directory_user_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'm.id, m.team_id, m.email, m.first_name, m.last_name, m.role_slug, m.status, m.scim_managed, ' +
  'm.directory_user_id, m.created_at, m.updated_at';

const UPSERT = `
INSERT INTO members (id, team_id, email, first_name, last_name, role_slug, status, scim_managed, directory_user_id,
                     created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  team_id = excluded.team_id, email = excluded.email, first_name = excluded.first_name,
  last_name = excluded.last_name, role_slug = excluded.role_slug, status = excluded.status,
  scim_managed = excluded.scim_managed, directory_user_id = excluded.directory_user_id,
  created_at = excluded.created_at, updated_at = excluded.updated_at, generation = excluded.generation`;

const UPSERT_IF_NEWER = `${UPSERT} WHERE excluded.updated_at > members.updated_at`;

export function toMember(raw: RawMember): Member {
  return {
    id: raw.id,
    teamId: raw.team_id,
    email: raw.email,
    firstName: raw.first_name,
    lastName: raw.last_name,
    roleSlug: raw.role_slug,
    status: raw.status,
    scimManaged: raw.scim_managed === 1,
    directoryUserId: raw.directory_user_id,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

function memberParams(member: Member, generation: number): unknown[] {
  return [
    member.id,
    member.teamId,
    member.email,
    member.firstName,
    member.lastName,
    member.roleSlug,
    member.status,
    toFlag(member.scimManaged),
    member.directoryUserId,
    member.createdAt,
    member.updatedAt,
    generation,
  ];
}

export function createMembersRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction((members: readonly Member[], checkpoint: PageCheckpoint) => {
    const upsert = statements.get(UPSERT);
    for (const member of members) upsert.run(...memberParams(member, checkpoint.generation));
    writeCheckpoint(context, checkpoint);
  });

  return {
    /** Upserts a page of members and records the checkpoint, in one transaction. */
    writePage(members: readonly Member[], checkpoint: PageCheckpoint): void {
      writePage(members, checkpoint);
    },
    /** Incremental path (`updated_after` pages): writes only rows newer than the cached ones. */
    upsertIfNewer(member: Member, generation: number): boolean {
      return statements.get(UPSERT_IF_NEWER).run(...memberParams(member, generation)).changes > 0;
    },
    get(id: string): Member | null {
      const raw = statements.get<RawMember>(`SELECT ${COLUMNS} FROM members m WHERE m.id = ?`).get(id);
      return raw === undefined ? null : toMember(raw);
    },
    delete(id: string): boolean {
      return statements.get('DELETE FROM members WHERE id = ?').run(id).changes > 0;
    },
    countForTeam(teamId: string): number {
      return statements.value<number>('SELECT count(*) FROM members WHERE team_id = ?').get(teamId) ?? 0;
    },
    /** For the mass-change alarm: how many of the team's members a sweep at `generation` would remove. */
    countUnseen(scope: { teamId: string }, generation: number): number {
      return (
        statements
          .value<number>('SELECT count(*) FROM members WHERE team_id = ? AND generation < ?')
          .get(scope.teamId, generation) ?? 0
      );
    },
    sweepUnseen(scope: { teamId: string }, generation: number): number {
      return statements
        .get('DELETE FROM members WHERE team_id = ? AND generation < ?')
        .run(scope.teamId, generation).changes;
    },
    listForTeam(
      teamId: string,
      filters: MemberFilters = {},
      window: WindowRequest<MemberSort> = {},
    ): Window<Member> {
      const where = ['m.team_id = ?'];
      const values: unknown[] = [teamId];
      if (filters.status !== undefined) {
        where.push('m.status = ?');
        values.push(filters.status);
      }
      if (filters.roleSlug !== undefined) {
        where.push('m.role_slug = ?');
        values.push(filters.roleSlug);
      }
      if (filters.scimManaged !== undefined) {
        where.push('m.scim_managed = ?');
        values.push(toFlag(filters.scimManaged));
      }
      return readWindow(
        statements,
        {
          list: 'members',
          select: COLUMNS,
          from: 'members m',
          where,
          params: values,
          sortColumns: {
            name: ['m.last_name COLLATE NOCASE', 'm.first_name COLLATE NOCASE'],
            email: 'm.email COLLATE NOCASE',
            role: 'm.role_slug',
            status: 'm.status',
            updated_at: 'm.updated_at',
          },
          defaultSort: 'name',
          tieBreaker: 'm.id',
        },
        window,
        toMember,
      );
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;
