import { normaliseWindow, type Window } from '../window';
import { toFtsPrefixQuery } from '../fts-query';
import { numbered, type RepositoryContext } from './context';

/** One search hit: a Gem member or a WorkOS directory user. */
export interface PersonHit {
  kind: 'member' | 'directory_user';
  id: string;
  /** The Gem team (a directory user's through its directory; null when the directory is not linked to a team). */
  teamId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Member `status` or directory-user `state`. */
  state: string;
}

interface RawHit {
  kind: 'member' | 'directory_user';
  id: string;
  team_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  state: string;
}

function hitsSql(teamScoped: boolean): string {
  const memberTeam = teamScoped ? ' AND m.team_id = ?2' : '';
  const userTeam = teamScoped ? ' AND d.team_id = ?2' : '';
  return `
SELECT 'member' AS kind, m.id, m.team_id, m.email, m.first_name, m.last_name, m.status AS state, f.rank AS rank
FROM members_fts f JOIN members m ON m.pk = f.rowid
WHERE members_fts MATCH ?1${memberTeam}
UNION ALL
SELECT 'directory_user', u.id, d.team_id, u.email, u.first_name, u.last_name, u.state, f.rank
FROM directory_users_fts f JOIN directory_users u ON u.pk = f.rowid LEFT JOIN directories d ON d.id = u.directory_id
WHERE directory_users_fts MATCH ?1${userTeam}`;
}

function countSql(teamScoped: boolean): string {
  if (!teamScoped) {
    return `SELECT (SELECT count(*) FROM members_fts WHERE members_fts MATCH ?1)
                 + (SELECT count(*) FROM directory_users_fts WHERE directory_users_fts MATCH ?1)`;
  }
  return `SELECT (SELECT count(*) FROM members_fts f JOIN members m ON m.pk = f.rowid
                  WHERE members_fts MATCH ?1 AND m.team_id = ?2)
               + (SELECT count(*) FROM directory_users_fts f JOIN directory_users u ON u.pk = f.rowid
                  JOIN directories d ON d.id = u.directory_id
                  WHERE directory_users_fts MATCH ?1 AND d.team_id = ?2)`;
}

export function createPeopleSearch(context: RepositoryContext) {
  const { statements } = context;
  return {
    /**
     * Prefix search over members and directory users (first name, last name, e-mail), best matches first (bm25).
     * `teamId: null` searches every cached team. Any user text is safe; text without a word finds nothing.
     */
    searchPeople(
      teamId: string | null,
      query: string,
      window: { limit?: number; offset?: number } = {},
    ): Window<PersonHit> {
      const { offset, limit } = normaliseWindow('people search', window);
      const match = toFtsPrefixQuery(query);
      if (match === null) return { rows: [], total: 0, offset, limit };
      const scoped = teamId !== null;
      const params: unknown[] = scoped ? [match, teamId] : [match];
      const last = params.length;
      const rows = statements
        .get<RawHit>(
          `SELECT * FROM (${hitsSql(scoped)}) ORDER BY rank, last_name, first_name, id LIMIT ?${last + 1} OFFSET ?${last + 2}`,
        )
        .all(numbered(...params, limit, offset));
      const total = statements.value<number>(countSql(scoped)).get(numbered(...params)) ?? 0;
      return {
        rows: rows.map((raw) => ({
          kind: raw.kind,
          id: raw.id,
          teamId: raw.team_id,
          email: raw.email,
          firstName: raw.first_name,
          lastName: raw.last_name,
          state: raw.state,
        })),
        total,
        offset,
        limit,
      };
    },
  };
}

export type PeopleSearch = ReturnType<typeof createPeopleSearch>;
