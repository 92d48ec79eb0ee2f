import type { Migration } from './migration';

/**
 * Local-only data: inferred group → role mappings, the reviewers' verdicts and the notification outbox.
 * Reviews cannot be fetched again, so they keep the group's name and have no FK into the cache: a group that
 * disappears from the directory must not take its review history with it.
 */
const SQL = `
CREATE TABLE mapping_inferences (
  directory_id    TEXT NOT NULL,
  group_id        TEXT NOT NULL,
  team_id         TEXT,
  status          TEXT NOT NULL CHECK (status IN ('determined', 'ambiguous', 'inconsistent')),
  candidates_json TEXT NOT NULL, -- role slugs, highest priority first
  evidence_json   TEXT NOT NULL,
  computed_at     TEXT NOT NULL,
  PRIMARY KEY (directory_id, group_id)
) WITHOUT ROWID;
CREATE INDEX mapping_inferences_by_team ON mapping_inferences (team_id);

CREATE TABLE mapping_reviews (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id    TEXT NOT NULL,
  group_id   TEXT NOT NULL,
  group_name TEXT NOT NULL,
  role_slug  TEXT, -- the role the reviewer saw the group mapped to (inferred), if any
  verdict    TEXT NOT NULL CHECK (verdict IN ('approve', 'flag')),
  note       TEXT,
  reviewer   TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX mapping_reviews_by_team ON mapping_reviews (team_id, group_id, created_at);

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL,
  dedupe_key   TEXT NOT NULL UNIQUE, -- one notification per event, however often sync observes it
  team_id      TEXT,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  delivered_at TEXT,
  read_at      TEXT
);
CREATE INDEX notifications_undelivered ON notifications (created_at) WHERE delivered_at IS NULL;
CREATE INDEX notifications_by_time ON notifications (created_at);
`;

export const reviewsAndNotifications: Migration = {
  version: 3,
  name: 'mapping reviews and notifications',
  up(db) {
    db.exec(SQL);
  },
};
