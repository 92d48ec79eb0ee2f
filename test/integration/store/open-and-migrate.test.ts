import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, openStore } from '../../../main/core/store';
import { runMigrations } from '../../../main/core/store/migrations/run-migrations';
import { checkpoint, makeTempDir, member, team } from './store-fixtures';

const temp = makeTempDir('store-open');
afterAll(() => temp.cleanup());

let counter = 0;
function freshPath(): string {
  counter += 1;
  return temp.file(`profile-${counter}.sqlite`);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function schemaOf(db: Database.Database): string[] {
  return db
    .prepare(
      "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
    )
    .pluck()
    .all()
    .map(String);
}

describe('openStore on a new file', () => {
  it('creates the schema at the latest version with the required pragmas', () => {
    const file = freshPath();
    const store = openStore(file);
    try {
      expect(store.report.createdFresh).toBe(true);
      expect(store.report.uncleanShutdown).toBe(false);
      expect(store.report.movedAside).toBeNull();
      expect(store.report.migration).toMatchObject({
        fromVersion: 0,
        toVersion: LATEST_SCHEMA_VERSION,
        backupFile: null,
      });
      expect(store.report.migration.applied).toHaveLength(MIGRATIONS.length);
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      store.close();
    }
  });

  it('reopens after a clean close without a quick_check, and the WAL is gone', () => {
    const file = freshPath();
    openStore(file).close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const store = openStore(file);
    try {
      expect(store.report).toMatchObject({ createdFresh: false, uncleanShutdown: false, quickCheck: null });
      expect(store.report.migration.applied).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('detects a session that did not close (marker left "open") and runs quick_check', () => {
    const file = freshPath();
    const first = openStore(file);
    first.teams.writePage([team('team_a')], checkpoint(1));
    first.db.close(); // closed without store.close(): the clean-shutdown marker still says "open"
    const store = openStore(file);
    try {
      expect(store.report.uncleanShutdown).toBe(true);
      expect(store.report.quickCheck).toEqual({ ok: true, messages: ['ok'] });
      expect(store.teams.get('team_a')?.name).toBe('Team team_a');
    } finally {
      store.close();
    }
  });
});

describe('migrations', () => {
  for (let from = 0; from < LATEST_SCHEMA_VERSION; from += 1) {
    it(`migrates a database at version ${from} to ${LATEST_SCHEMA_VERSION}, keeping its data, after a backup`, () => {
      const file = freshPath();
      const old = openStore(file, { appSchemaVersion: from });
      expect(old.db.pragma('user_version', { simple: true })).toBe(from);
      if (from >= 1) {
        old.teams.writePage([team('team_old')], checkpoint(1));
        old.members.writePage(
          [member('user_old', 'team_old', { firstName: 'Migrated', lastName: 'Person' })],
          checkpoint(1),
        );
      }
      old.close();

      const store = openStore(file);
      try {
        const { migration } = store.report;
        expect(migration.fromVersion).toBe(from);
        expect(migration.toVersion).toBe(LATEST_SCHEMA_VERSION);
        expect(migration.applied).toEqual(MIGRATIONS.slice(from).map((step) => step.name));
        // The schema is exactly the one a new database gets.
        const fresh = openStore(freshPath());
        expect(schemaOf(store.db)).toEqual(schemaOf(fresh.db));
        fresh.close();

        if (from === 0) {
          expect(migration.backupFile).toBeNull(); // nothing to back up
        } else {
          expect(migration.backupFile).toMatch(new RegExp(`\\.backup-v${from}-`));
          const backupFile = migration.backupFile ?? '';
          const backup = new Database(backupFile, { readonly: true });
          expect(backup.pragma('user_version', { simple: true })).toBe(from);
          expect(backup.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Team team_old']);
          backup.close();
          // Rows cached before the FTS step are searchable after it (the step rebuilds the index).
          expect(store.people.searchPeople(null, 'migr').rows.map((hit) => hit.id)).toEqual(['user_old']);
          expect(store.members.get('user_old')?.lastName).toBe('Person');
        }
      } finally {
        store.close();
      }
    });
  }

  it('refuses a database from a newer console with a conflict naming both versions, leaving it untouched', () => {
    const file = freshPath();
    const store = openStore(file);
    store.teams.writePage([team('team_new')], checkpoint(1));
    store.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    raw.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(temp.dir).sort();

    let caught: unknown;
    try {
      openStore(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const appError = caught as AppError;
    expect(appError.code).toBe('conflict');
    expect(appError.message).toContain(`version ${LATEST_SCHEMA_VERSION + 7}`);
    expect(appError.message).toContain(`version ${LATEST_SCHEMA_VERSION}`);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(temp.dir).sort()).toEqual(filesBefore); // no backup, no side files, nothing moved
  });

  it('refuses when the app knows fewer steps than the database has (older app, same file)', () => {
    const file = freshPath();
    openStore(file).close();
    const before = sha256(file);
    expect(() => openStore(file, { appSchemaVersion: 1 })).toThrow(
      /schema version 3.*only knows up to version 1/s,
    );
    expect(sha256(file)).toBe(before);
  });

  it('applies all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const file = freshPath();
    const db = new Database(file);
    db.exec('CREATE TABLE keep (x)');
    const steps = [
      { version: 1, name: 'one', up: (d: Database.Database) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'two',
        up: (d: Database.Database) => d.exec('CREATE TABLE two (x); INSERT INTO nope VALUES (1)'),
      },
    ];
    expect(() => runMigrations(db, file, steps, 2)).toThrow(
      /from schema version 0 to 2 failed and was rolled back/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all(),
    ).toEqual(['keep']);
    db.close();
  });

  it('rejects a migration list with a gap', () => {
    const db = new Database(':memory:');
    const steps = [{ version: 2, name: 'two', up: () => undefined }];
    expect(() => runMigrations(db, ':memory:', steps, 1)).toThrow(/numbered 2, expected 1/);
    db.close();
  });
});

describe('a bad file where the database should be', () => {
  it('moves a non-SQLite file (and its side files) aside and starts a fresh cache', () => {
    const file = freshPath();
    const garbage = Buffer.from('this is not a database, it is a text file\n'.repeat(200));
    fs.writeFileSync(file, garbage);
    fs.writeFileSync(`${file}-wal`, 'stray wal');
    const store = openStore(file);
    try {
      const moved = store.report.movedAside;
      expect(moved).not.toBeNull();
      expect(moved?.reason).toMatch(/not a database/i);
      expect(store.report.createdFresh).toBe(true);
      const [mainCopy, walCopy] = moved?.files ?? [];
      expect(mainCopy).toMatch(/profile-\d+\.sqlite\.corrupt-\d{8}T\d+Z$/);
      expect(fs.readFileSync(mainCopy ?? '')).toEqual(garbage); // kept, byte for byte
      expect(walCopy).toBe(`${mainCopy}-wal`);
      expect(fs.readFileSync(walCopy ?? '', 'utf8')).toBe('stray wal');
      // The fresh cache works.
      store.teams.writePage([team('team_after')], checkpoint(1));
      expect(store.teams.get('team_after')).not.toBeNull();
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      store.close();
    }
  });

  it('moves aside a database whose pages are damaged when quick_check finds it after an unclean shutdown', () => {
    const file = freshPath();
    const store = openStore(file);
    const members = Array.from({ length: 3000 }, (_, i) =>
      member(`user_${i}`, 'team_x', { lastName: `Name${i}` }),
    );
    store.members.writePage(members, checkpoint(1));
    store.db.close(); // unclean: marker stays "open"
    // Leave the WAL-mode header and the first pages alone; scribble over the middle of the file.
    const bytes = fs.readFileSync(file);
    const pageSize = 4096;
    for (let page = 4; page < bytes.length / pageSize - 1; page += 3)
      bytes.fill(0xa5, page * pageSize + 16, page * pageSize + 600);
    fs.writeFileSync(file, bytes);

    const reopened = openStore(file);
    try {
      expect(reopened.report.movedAside?.files[0]).toMatch(/\.corrupt-/);
      expect(reopened.report.createdFresh).toBe(true);
      expect(reopened.members.countForTeam('team_x')).toBe(0);
      expect(fs.readFileSync(reopened.report.movedAside?.files[0] ?? '').equals(bytes)).toBe(true); // kept as it was
    } finally {
      reopened.close();
    }
  });

  it('starts fresh on an empty (zero-byte) file without moving anything', () => {
    const file = freshPath();
    fs.writeFileSync(file, '');
    const store = openStore(file);
    try {
      expect(store.report.movedAside).toBeNull();
      expect(store.report.createdFresh).toBe(true);
    } finally {
      store.close();
    }
  });
});
