import type { Migration } from './migration';

/**
 * The cache of WorkOS and Gem data, plus the local bookkeeping of sync runs and the audit log.
 *
 * Conventions:
 * - Timestamps are ISO-8601 UTC text as the services send them (normalised by the sync layer), so text order is
 *   time order.
 * - `generation` is the id of the sync run that last saw a row; a full sync deletes rows of its scope whose
 *   generation is older than its own (sweepUnseen).
 * - No CHECK constraints on values that come from WorkOS or Gem: a new enum value upstream must not break the cache.
 * - members and directory_users carry an INTEGER PRIMARY KEY (`pk`) besides their text id: it is the rowid the FTS
 *   index points to, and unlike an implicit rowid it survives VACUUM (and VACUUM INTO backups) unchanged.
 */
const SQL = `
CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE teams (
  id                     TEXT PRIMARY KEY,
  name                   TEXT NOT NULL,
  domain                 TEXT,
  plan                   TEXT,
  csm_email              TEXT,
  csm_name               TEXT,
  scim_module_enabled    INTEGER NOT NULL DEFAULT 0,
  scim_enabled_at        TEXT,
  scim_enabled_by        TEXT,
  workos_organization_id TEXT,
  setup_completed_at     TEXT,
  pinned                 INTEGER NOT NULL DEFAULT 0, -- local: the user pinned this team (full-data scope)
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  generation             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX teams_by_name ON teams (name COLLATE NOCASE, id);
CREATE INDEX teams_by_csm ON teams (csm_email);
CREATE INDEX teams_by_organization ON teams (workos_organization_id) WHERE workos_organization_id IS NOT NULL;
CREATE INDEX teams_pinned ON teams (pinned) WHERE pinned = 1;

CREATE TABLE directories (
  id              TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  team_id         TEXT, -- the Gem team linked to the organization; no FK: either side may be synced first
  type            TEXT NOT NULL,
  state           TEXT NOT NULL,
  name            TEXT NOT NULL,
  domain          TEXT,
  created_at      TEXT,
  updated_at      TEXT NOT NULL,
  generation      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directories_by_organization ON directories (organization_id);
CREATE INDEX directories_by_team ON directories (team_id);

CREATE TABLE directory_users (
  pk           INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  directory_id TEXT NOT NULL REFERENCES directories (id) ON DELETE CASCADE,
  idp_id       TEXT NOT NULL,
  email        TEXT,
  first_name   TEXT,
  last_name    TEXT,
  state        TEXT NOT NULL,
  role_slug    TEXT,
  roles_json   TEXT NOT NULL DEFAULT '[]',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  generation   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_users_by_directory ON directory_users (directory_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX directory_users_by_role ON directory_users (directory_id, role_slug);
CREATE INDEX directory_users_by_generation ON directory_users (directory_id, generation);

CREATE TABLE directory_groups (
  id           TEXT PRIMARY KEY,
  directory_id TEXT NOT NULL REFERENCES directories (id) ON DELETE CASCADE,
  idp_id       TEXT NOT NULL,
  name         TEXT NOT NULL,
  created_at   TEXT,
  updated_at   TEXT NOT NULL,
  generation   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_groups_by_directory ON directory_groups (directory_id, name COLLATE NOCASE);
CREATE INDEX directory_groups_by_generation ON directory_groups (directory_id, generation);

CREATE TABLE group_memberships (
  user_id    TEXT NOT NULL REFERENCES directory_users (id) ON DELETE CASCADE,
  group_id   TEXT NOT NULL REFERENCES directory_groups (id) ON DELETE CASCADE,
  generation INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, group_id)
) WITHOUT ROWID;
CREATE INDEX group_memberships_by_group ON group_memberships (group_id, user_id);

CREATE TABLE workos_roles (
  organization_id TEXT NOT NULL,
  slug            TEXT NOT NULL,
  name            TEXT NOT NULL,
  type            TEXT NOT NULL, -- EnvironmentRole | OrganizationRole
  priority        INTEGER NOT NULL, -- position in WorkOS's priority-ordered list; 0 is the highest
  updated_at      TEXT NOT NULL,
  generation      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (organization_id, slug)
) WITHOUT ROWID;
CREATE INDEX workos_roles_by_priority ON workos_roles (organization_id, priority);

CREATE TABLE sso_connections (
  id              TEXT PRIMARY KEY,
  organization_id TEXT,
  connection_type TEXT NOT NULL,
  name            TEXT NOT NULL,
  state           TEXT NOT NULL,
  created_at      TEXT,
  updated_at      TEXT NOT NULL,
  generation      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sso_connections_by_organization ON sso_connections (organization_id);

CREATE TABLE gem_roles (
  team_id            TEXT NOT NULL,
  slug               TEXT NOT NULL,
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL, -- predefined | custom
  created_by         TEXT,
  workos_sync_status TEXT NOT NULL, -- not_required | pending | in_progress | synced
  claimed_by         TEXT,
  claimed_at         TEXT,
  synced_at          TEXT,
  synced_by          TEXT,
  workos_role_slug   TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  generation         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, slug)
) WITHOUT ROWID;
CREATE INDEX gem_roles_by_sync_status ON gem_roles (workos_sync_status, team_id);

CREATE TABLE members (
  pk                INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  team_id           TEXT NOT NULL,
  email             TEXT NOT NULL,
  first_name        TEXT,
  last_name         TEXT,
  role_slug         TEXT NOT NULL,
  status            TEXT NOT NULL, -- active | deactivated
  scim_managed      INTEGER NOT NULL DEFAULT 0,
  directory_user_id TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  generation        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX members_by_team ON members (team_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX members_by_team_role ON members (team_id, role_slug);
CREATE INDEX members_by_team_generation ON members (team_id, generation);
CREATE INDEX members_by_directory_user ON members (directory_user_id) WHERE directory_user_id IS NOT NULL;

CREATE TABLE role_sync_requests (
  team_id            TEXT NOT NULL,
  role_slug          TEXT NOT NULL,
  role_name          TEXT NOT NULL,
  team_name          TEXT NOT NULL,
  csm_email          TEXT,
  csm_name           TEXT,
  status             TEXT NOT NULL, -- pending | in_progress | synced (from Gem) | mapped (observed locally)
  claimed_by         TEXT,
  claimed_at         TEXT,
  synced_at          TEXT,
  synced_by          TEXT,
  workos_role_slug   TEXT,
  role_created_at    TEXT,
  observed_at        TEXT NOT NULL, -- when this console first saw the request (its age is measured from Gem's created_at)
  status_changed_at  TEXT NOT NULL,
  notified_new_at    TEXT,
  notified_synced_at TEXT,
  notified_mapped_at TEXT,
  updated_at         TEXT NOT NULL,
  generation         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, role_slug)
) WITHOUT ROWID;
CREATE INDEX role_sync_requests_by_status ON role_sync_requests (status, observed_at);
CREATE INDEX role_sync_requests_by_csm ON role_sync_requests (csm_email, status);

-- AUTOINCREMENT: a run id is also the generation it marks rows with, so it must never be reused.
CREATE TABLE sync_runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  scope       TEXT NOT NULL,
  kind        TEXT NOT NULL, -- full | incremental
  team_id     TEXT,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  counts_json TEXT NOT NULL DEFAULT '{}',
  outcome     TEXT NOT NULL DEFAULT 'running',
  error       TEXT
);
CREATE INDEX sync_runs_by_started ON sync_runs (started_at);
CREATE INDEX sync_runs_by_team ON sync_runs (team_id, started_at);
CREATE INDEX sync_runs_by_outcome ON sync_runs (outcome, started_at);

CREATE TABLE sync_state (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at   TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  team_id      TEXT,
  subject      TEXT,
  details_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_time ON audit_log (created_at);
CREATE INDEX audit_log_by_team ON audit_log (team_id, created_at);
CREATE INDEX audit_log_by_actor ON audit_log (actor, created_at);
`;

export const cacheAndSyncTables: Migration = {
  version: 1,
  name: 'cache and sync tables',
  up(db) {
    db.exec(SQL);
  },
};
