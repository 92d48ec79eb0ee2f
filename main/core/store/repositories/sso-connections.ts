import { writeCheckpoint, type PageCheckpoint, type RepositoryContext } from './context';

/** A WorkOS SSO connection as cached: what the Okta rule needs (type and state). */
export interface SsoConnection {
  id: string;
  organizationId: string | null;
  connectionType: string;
  name: string;
  state: string;
  createdAt: string | null;
  updatedAt: string;
}

interface RawConnection {
  id: string;
  organization_id: string | null;
  connection_type: string;
  name: string;
  state: string;
  created_at: string | null;
  updated_at: string;
}

const COLUMNS = 'id, organization_id, connection_type, name, state, created_at, updated_at';

const UPSERT = `
INSERT INTO sso_connections (id, organization_id, connection_type, name, state, created_at, updated_at, generation)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, connection_type = excluded.connection_type, name = excluded.name,
  state = excluded.state, created_at = excluded.created_at, updated_at = excluded.updated_at,
  generation = excluded.generation`;

function toConnection(raw: RawConnection): SsoConnection {
  return {
    id: raw.id,
    organizationId: raw.organization_id,
    connectionType: raw.connection_type,
    name: raw.name,
    state: raw.state,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function createSsoConnectionsRepository(context: RepositoryContext) {
  const { db, statements } = context;

  const writePage = db.transaction((connections: readonly SsoConnection[], checkpoint: PageCheckpoint) => {
    for (const c of connections) {
      statements
        .get(UPSERT)
        .run(
          c.id,
          c.organizationId,
          c.connectionType,
          c.name,
          c.state,
          c.createdAt,
          c.updatedAt,
          checkpoint.generation,
        );
    }
    writeCheckpoint(context, checkpoint);
  });

  return {
    writePage(connections: readonly SsoConnection[], checkpoint: PageCheckpoint): void {
      writePage(connections, checkpoint);
    },
    listForOrganization(organizationId: string): SsoConnection[] {
      return statements
        .get<RawConnection>(
          `SELECT ${COLUMNS} FROM sso_connections WHERE organization_id = ? ORDER BY name, id`,
        )
        .all(organizationId)
        .map(toConnection);
    },
    delete(id: string): boolean {
      return statements.get('DELETE FROM sso_connections WHERE id = ?').run(id).changes > 0;
    },
    sweepUnseen(scope: { organizationId: string }, generation: number): number {
      return statements
        .get('DELETE FROM sso_connections WHERE organization_id = ? AND generation < ?')
        .run(scope.organizationId, generation).changes;
    },
  };
}

export type SsoConnectionsRepository = ReturnType<typeof createSsoConnectionsRepository>;
