import { readWindow, type Window, type WindowRequest } from '../window';
import { parseJsonObject, type RepositoryContext } from './context';

/** Who did what, when. Local and not fetchable again, hence synchronous=FULL on the whole database. */
export interface AuditEntry {
  id: number;
  createdAt: string;
  actor: string;
  action: string;
  teamId: string | null;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface AuditEntryInput {
  actor: string;
  action: string;
  teamId?: string | null;
  subject?: string | null;
  /** Must never hold a secret. */
  details?: Record<string, unknown>;
}

export type AuditSort = 'created_at' | 'actor' | 'action';

export interface AuditFilters {
  teamId?: string;
  actor?: string;
  action?: string;
  /** Inclusive lower bound on created_at (ISO-8601). */
  since?: string;
  /** Exclusive upper bound on created_at (ISO-8601). */
  until?: string;
}

interface RawEntry {
  id: number;
  created_at: string;
  actor: string;
  action: string;
  team_id: string | null;
  subject: string | null;
  details_json: string;
}

const COLUMNS = 'id, created_at, actor, action, team_id, subject, details_json';

function toEntry(raw: RawEntry): AuditEntry {
  return {
    id: raw.id,
    createdAt: raw.created_at,
    actor: raw.actor,
    action: raw.action,
    teamId: raw.team_id,
    subject: raw.subject,
    details: parseJsonObject(raw.details_json),
  };
}

export function createAuditLogRepository(context: RepositoryContext) {
  const { statements } = context;
  return {
    append(entry: AuditEntryInput): number {
      const id = statements
        .value<number>(
          `INSERT INTO audit_log (created_at, actor, action, team_id, subject, details_json)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          context.now(),
          entry.actor,
          entry.action,
          entry.teamId ?? null,
          entry.subject ?? null,
          JSON.stringify(entry.details ?? {}),
        );
      if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
      return id;
    },
    list(filters: AuditFilters = {}, window: WindowRequest<AuditSort> = {}): Window<AuditEntry> {
      const where: string[] = [];
      const values: unknown[] = [];
      if (filters.teamId !== undefined) {
        where.push('team_id = ?');
        values.push(filters.teamId);
      }
      if (filters.actor !== undefined) {
        where.push('actor = ?');
        values.push(filters.actor);
      }
      if (filters.action !== undefined) {
        where.push('action = ?');
        values.push(filters.action);
      }
      if (filters.since !== undefined) {
        where.push('created_at >= ?');
        values.push(filters.since);
      }
      if (filters.until !== undefined) {
        where.push('created_at < ?');
        values.push(filters.until);
      }
      return readWindow(
        statements,
        {
          list: 'audit log',
          select: COLUMNS,
          from: 'audit_log',
          where,
          params: values,
          sortColumns: { created_at: 'created_at', actor: 'actor', action: 'action' },
          defaultSort: 'created_at',
          defaultDirection: 'desc',
          tieBreaker: 'id',
        },
        window,
        toEntry,
      );
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
