import { readWindow, type Window, type WindowRequest } from '../window';
import { toFlag, writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A Gem team as cached (Gem admin API `Team`), plus the local `pinned` flag. */
export interface Team {
  id: string;
  name: string;
  domain: string | null;
  plan: string | null;
  csmEmail: string | null;
  csmName: string | null;
  scimModuleEnabled: boolean;
  scimEnabledAt: string | null;
  scimEnabledBy: string | null;
  workosOrganizationId: string | null;
  setupCompletedAt: string | null;
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What sync writes: everything but the local `pinned` flag, which upserts never touch. */
export type TeamInput = Omit<Team, 'pinned'>;

export type TeamSort = 'name' | 'updated_at' | 'created_at' | 'setup_completed_at';

export interface TeamFilters {
  /** Case-insensitive substring of the name or domain (the team list is small: hundreds of rows). */
  text?: string;
  scim?: 'enabled' | 'disabled';
  csmEmail?: string;
  pinned?: boolean;
}

interface RawTeam {
  id: string;
  name: string;
  domain: string | null;
  plan: string | null;
  csm_email: string | null;
  csm_name: string | null;
  scim_module_enabled: number;
  scim_enabled_at: string | null;
  scim_enabled_by: string | null;
  workos_organization_id: string | null;
  setup_completed_at: string | null;
  pinned: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, name, domain, plan, csm_email, csm_name, scim_module_enabled, scim_enabled_at, scim_enabled_by, ' +
  'workos_organization_id, setup_completed_at, pinned, created_at, updated_at';

const UPSERT = `
INSERT INTO teams (id, name, domain, plan, csm_email, csm_name, scim_module_enabled, scim_enabled_at, scim_enabled_by,
                   workos_organization_id, setup_completed_at, created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name, domain = excluded.domain, plan = excluded.plan, csm_email = excluded.csm_email,
  csm_name = excluded.csm_name, scim_module_enabled = excluded.scim_module_enabled,
  scim_enabled_at = excluded.scim_enabled_at, scim_enabled_by = excluded.scim_enabled_by,
  workos_organization_id = excluded.workos_organization_id, setup_completed_at = excluded.setup_completed_at,
  created_at = excluded.created_at, updated_at = excluded.updated_at, generation = excluded.generation`;

/** LIKE pattern for a literal substring: `%`, `_` and the escape character itself lose their meaning. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toTeam(raw: RawTeam): Team {
  return {
    id: raw.id,
    name: raw.name,
    domain: raw.domain,
    plan: raw.plan,
    csmEmail: raw.csm_email,
    csmName: raw.csm_name,
    scimModuleEnabled: raw.scim_module_enabled === 1,
    scimEnabledAt: raw.scim_enabled_at,
    scimEnabledBy: raw.scim_enabled_by,
    workosOrganizationId: raw.workos_organization_id,
    setupCompletedAt: raw.setup_completed_at,
    pinned: raw.pinned === 1,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function createTeamsRepository(context: RepositoryContext) {
  const { db, statements } = context;

  function upsert(team: TeamInput, generation: number): void {
    statements
      .get(UPSERT)
      .run(
        team.id,
        team.name,
        team.domain,
        team.plan,
        team.csmEmail,
        team.csmName,
        toFlag(team.scimModuleEnabled),
        team.scimEnabledAt,
        team.scimEnabledBy,
        team.workosOrganizationId,
        team.setupCompletedAt,
        team.createdAt,
        team.updatedAt,
        generation,
      );
  }

  const writePage = db.transaction((teams: readonly TeamInput[], checkpoint: PageCheckpoint) => {
    for (const team of teams) upsert(team, checkpoint.generation);
    writeCheckpoint(context, checkpoint);
  });

  return {
    /** Upserts a page of teams and records the checkpoint, in one transaction. */
    writePage(teams: readonly TeamInput[], checkpoint: PageCheckpoint): void {
      writePage(teams, checkpoint);
    },
    /** One team (e.g. the answer of a PUT); not a page, so no checkpoint. */
    upsert(team: TeamInput, generation: number): void {
      upsert(team, generation);
    },
    get(id: string): Team | null {
      const raw = statements.get<RawTeam>(`SELECT ${COLUMNS} FROM teams WHERE id = ?`).get(id);
      return raw === undefined ? null : toTeam(raw);
    },
    getByOrganization(organizationId: string): Team | null {
      const raw = statements
        .get<RawTeam>(`SELECT ${COLUMNS} FROM teams WHERE workos_organization_id = ? ORDER BY id LIMIT 1`)
        .get(organizationId);
      return raw === undefined ? null : toTeam(raw);
    },
    setPinned(id: string, pinned: boolean): boolean {
      return statements.get('UPDATE teams SET pinned = ? WHERE id = ?').run(toFlag(pinned), id).changes > 0;
    },
    pinnedIds(): string[] {
      return statements.value<string>('SELECT id FROM teams WHERE pinned = 1 ORDER BY id').all();
    },
    delete(id: string): boolean {
      return statements.get('DELETE FROM teams WHERE id = ?').run(id).changes > 0;
    },
    list(filters: TeamFilters = {}, window: WindowRequest<TeamSort> = {}): Window<Team> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filters.text !== undefined && filters.text !== '') {
        where.push("(name LIKE ? ESCAPE '\\' OR domain LIKE ? ESCAPE '\\')");
        params.push(likeContains(filters.text), likeContains(filters.text));
      }
      if (filters.scim !== undefined) {
        where.push('scim_module_enabled = ?');
        params.push(filters.scim === 'enabled' ? 1 : 0);
      }
      if (filters.csmEmail !== undefined) {
        where.push('csm_email = ?');
        params.push(filters.csmEmail);
      }
      if (filters.pinned !== undefined) {
        where.push('pinned = ?');
        params.push(toFlag(filters.pinned));
      }
      return readWindow(
        statements,
        {
          list: 'teams',
          select: COLUMNS,
          from: 'teams',
          where,
          params,
          sortColumns: {
            name: 'name COLLATE NOCASE',
            updated_at: 'updated_at',
            created_at: 'created_at',
            setup_completed_at: 'setup_completed_at',
          },
          defaultSort: 'name',
          tieBreaker: 'id',
        },
        window,
        toTeam,
      );
    },
  };
}

export type TeamsRepository = ReturnType<typeof createTeamsRepository>;
