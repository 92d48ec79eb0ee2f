import { readWindow, type Window, type WindowRequest } from '../window';
import type { RepositoryContext } from './context';

/** The outbox of OS notifications; `dedupeKey` makes each event notify once however often sync sees it. */
export interface Notification {
  id: number;
  kind: string;
  dedupeKey: string;
  teamId: string | null;
  title: string;
  body: string;
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

export type NotificationInput = Pick<Notification, 'kind' | 'dedupeKey' | 'title' | 'body'> & {
  teamId?: string | null;
};

interface RawNotification {
  id: number;
  kind: string;
  dedupe_key: string;
  team_id: string | null;
  title: string;
  body: string;
  created_at: string;
  delivered_at: string | null;
  read_at: string | null;
}

const COLUMNS = 'id, kind, dedupe_key, team_id, title, body, created_at, delivered_at, read_at';

function toNotification(raw: RawNotification): Notification {
  return {
    id: raw.id,
    kind: raw.kind,
    dedupeKey: raw.dedupe_key,
    teamId: raw.team_id,
    title: raw.title,
    body: raw.body,
    createdAt: raw.created_at,
    deliveredAt: raw.delivered_at,
    readAt: raw.read_at,
  };
}

export function createNotificationsRepository(context: RepositoryContext) {
  const { statements } = context;
  return {
    /** Queues a notification; returns its id, or null when one with the same dedupe key already exists. */
    enqueue(input: NotificationInput): number | null {
      const id = statements
        .value<number>(
          `INSERT INTO notifications (kind, dedupe_key, team_id, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        )
        .get(input.kind, input.dedupeKey, input.teamId ?? null, input.title, input.body, context.now());
      return id ?? null;
    },
    undelivered(limit = 50): Notification[] {
      return statements
        .get<RawNotification>(
          `SELECT ${COLUMNS} FROM notifications WHERE delivered_at IS NULL ORDER BY created_at, id LIMIT ?`,
        )
        .all(limit)
        .map(toNotification);
    },
    markDelivered(id: number): boolean {
      return (
        statements
          .get('UPDATE notifications SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL')
          .run(context.now(), id).changes > 0
      );
    },
    markRead(id: number): boolean {
      return (
        statements
          .get('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL')
          .run(context.now(), id).changes > 0
      );
    },
    list(window: WindowRequest<'created_at'> = {}): Window<Notification> {
      return readWindow(
        statements,
        {
          list: 'notifications',
          select: COLUMNS,
          from: 'notifications',
          where: [],
          params: [],
          sortColumns: { created_at: 'created_at' },
          defaultSort: 'created_at',
          defaultDirection: 'desc',
          tieBreaker: 'id',
        },
        window,
        toNotification,
      );
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
