import { writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A role of a WorkOS organization (environment or organization role), with its place in the priority order. */
export interface WorkosRole {
  organizationId: string;
  slug: string;
  name: string;
  type: string;
  /** 0 is the highest priority: the position in WorkOS's priority-ordered list. */
  priority: number;
  updatedAt: string;
}

interface RawRole {
  organization_id: string;
  slug: string;
  name: string;
  type: string;
  priority: number;
  updated_at: string;
}

const COLUMNS = 'organization_id, slug, name, type, priority, updated_at';

const UPSERT = `
INSERT INTO workos_roles (organization_id, slug, name, type, priority, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (organization_id, slug) DO UPDATE SET
  name = excluded.name, type = excluded.type, priority = excluded.priority, updated_at = excluded.updated_at,
  generation = excluded.generation`;

function toRole(raw: RawRole): WorkosRole {
  return {
    organizationId: raw.organization_id,
    slug: raw.slug,
    name: raw.name,
    type: raw.type,
    priority: raw.priority,
    updatedAt: raw.updated_at,
  };
}

export function createWorkosRolesRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction((roles: readonly WorkosRole[], checkpoint: PageCheckpoint) => {
    for (const r of roles) {
      statements
        .get(UPSERT)
        .run(r.organizationId, r.slug, r.name, r.type, r.priority, r.updatedAt, checkpoint.generation);
    }
    writeCheckpoint(context, checkpoint);
  });

  return {
    /** The organization's roles as WorkOS lists them (one unpaginated list; `priority` = position). */
    writePage(roles: readonly WorkosRole[], checkpoint: PageCheckpoint): void {
      writePage(roles, checkpoint);
    },
    /** Highest priority first. */
    listForOrganization(organizationId: string): WorkosRole[] {
      return statements
        .get<RawRole>(`SELECT ${COLUMNS} FROM workos_roles WHERE organization_id = ? ORDER BY priority, slug`)
        .all(organizationId)
        .map(toRole);
    },
    get(organizationId: string, slug: string): WorkosRole | null {
      const raw = statements
        .get<RawRole>(`SELECT ${COLUMNS} FROM workos_roles WHERE organization_id = ? AND slug = ?`)
        .get(organizationId, slug);
      return raw === undefined ? null : toRole(raw);
    },
    sweepUnseen(scope: { organizationId: string }, generation: number): number {
      return statements
        .get('DELETE FROM workos_roles WHERE organization_id = ? AND generation < ?')
        .run(scope.organizationId, generation).changes;
    },
  };
}

export type WorkosRolesRepository = ReturnType<typeof createWorkosRolesRepository>;
