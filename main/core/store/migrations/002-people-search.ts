import type { Migration } from './migration';

/**
 * FTS5 over members and directory users (name and email), as external-content tables kept in step by triggers.
 * - unicode61 with diacritics removed: "José" is found by "jose"; e-mail addresses split at "@" and "." so
 *   "acme" finds everyone at acme.com.
 * - prefix indexes for 1–3 characters keep short prefix queries ("a", "an", "ana") from scanning the whole term list.
 * - the update triggers fire only when an indexed column really changes: sync upserts every row of every page.
 */
function ftsFor(table: 'members' | 'directory_users'): string {
  const fts = `${table}_fts`;
  return `
CREATE VIRTUAL TABLE ${fts} USING fts5 (
  first_name, last_name, email,
  content = '${table}', content_rowid = 'pk',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${fts} (rowid, first_name, last_name, email) VALUES (new.pk, new.first_name, new.last_name, new.email);
END;
CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, first_name, last_name, email)
    VALUES ('delete', old.pk, old.first_name, old.last_name, old.email);
END;
CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF first_name, last_name, email, pk ON ${table}
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name OR old.email IS NOT new.email
  OR old.pk IS NOT new.pk
BEGIN
  INSERT INTO ${fts} (${fts}, rowid, first_name, last_name, email)
    VALUES ('delete', old.pk, old.first_name, old.last_name, old.email);
  INSERT INTO ${fts} (rowid, first_name, last_name, email) VALUES (new.pk, new.first_name, new.last_name, new.email);
END;
-- Index what an older version already cached.
INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
`;
}

export const peopleSearch: Migration = {
  version: 2,
  name: 'people search (FTS5)',
  up(db) {
    db.exec(ftsFor('members'));
    db.exec(ftsFor('directory_users'));
  },
};
