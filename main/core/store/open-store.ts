import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError, isAppError } from '../errors';
import { fileTimestamp, freeFileName, nonEmptyFileExists, SIDE_FILE_SUFFIXES } from './file-names';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { newerVersionError, runMigrations, type MigrationOutcome } from './migrations/run-migrations';
import { createRepositories, type Repositories } from './repositories';
import { errorMessage, isCorruptionError } from './sqlite-errors';
import { StatementCache } from './statement-cache';

export interface OpenStoreOptions {
  /** The schema version this app knows; defaults to the latest. Tests use lower values to build old databases. */
  appSchemaVersion?: number;
  /** Clock for the timestamps the store writes itself; defaults to the wall clock. */
  now?: () => string;
}

/** What happened while opening, so the UI can say it ("the cache was damaged and has been rebuilt", …). */
export interface StoreOpenReport {
  file: string;
  /** A new, empty database was created (first start, or after moving a bad file aside). */
  createdFresh: boolean;
  /** The previous session did not close the store (WAL left behind or no clean-shutdown marker). */
  uncleanShutdown: boolean;
  /** `PRAGMA quick_check`, run after an unclean shutdown; null when it was not needed. */
  quickCheck: { ok: boolean; messages: string[] } | null;
  /** A corrupt or non-SQLite file was renamed (never deleted), with its side files; null when none. */
  movedAside: { files: string[]; reason: string } | null;
  migration: MigrationOutcome;
}

export interface Store extends Repositories {
  readonly file: string;
  readonly db: Database.Database;
  readonly report: StoreOpenReport;
  /** Runs `fn` in one transaction (nested calls become savepoints), e.g. all sweeps at the end of a full sync. */
  transaction<T>(fn: () => T): T;
  /** A consistent copy of the database (VACUUM INTO); `target` must not exist. */
  backupTo(target: string): void;
  /** Marks a clean shutdown and closes; the WAL is checkpointed and removed. */
  close(): void;
}

const CLEAN_SHUTDOWN_KEY = 'shutdown';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Thrown inside openStore when quick_check finds damage: handled like SQLITE_CORRUPT. */
class DamagedDatabase extends Error {}

/** Opens (or creates) the profile's database: see design §5 and StoreOpenReport for what it checks and reports. */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const targetVersion = options.appSchemaVersion ?? LATEST_SCHEMA_VERSION;
  let movedAside: StoreOpenReport['movedAside'] = null;
  let opened: OpenedDatabase;
  try {
    opened = openChecked(file, targetVersion);
  } catch (error) {
    if (!(isCorruptionError(error) || error instanceof DamagedDatabase)) throw asAppError(file, error);
    movedAside = { files: moveAside(file), reason: errorMessage(error) };
    opened = openChecked(file, targetVersion);
  }
  const { db } = opened;
  try {
    const migration = runMigrations(db, file, MIGRATIONS, targetVersion);
    writeShutdownMarker(db, 'open');
    const report: StoreOpenReport = {
      file,
      createdFresh: opened.createdFresh || movedAside !== null,
      uncleanShutdown: opened.uncleanShutdown,
      quickCheck: opened.quickCheck,
      movedAside,
      migration,
    };
    return createStore(file, db, report, options.now ?? (() => new Date().toISOString()));
  } catch (error) {
    db.close();
    throw asAppError(file, error);
  }
}

interface OpenedDatabase {
  db: Database.Database;
  createdFresh: boolean;
  uncleanShutdown: boolean;
  quickCheck: StoreOpenReport['quickCheck'];
}

function openChecked(file: string, targetVersion: number): OpenedDatabase {
  const exists = nonEmptyFileExists(file);
  const walLeftBehind = nonEmptyFileExists(`${file}-wal`);
  // Read the version without writing anything, so a database from a newer console stays byte-for-byte untouched.
  if (exists) inspectHeader(file, targetVersion);

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    const uncleanShutdown = exists && (walLeftBehind || readShutdownMarker(db) === 'open');
    let quickCheck: StoreOpenReport['quickCheck'] = null;
    if (uncleanShutdown) {
      const messages = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      const texts = messages.map((row) => row.quick_check);
      quickCheck = { ok: texts.length === 1 && texts[0] === 'ok', messages: texts };
      if (!quickCheck.ok)
        throw new DamagedDatabase(`quick_check after an unclean shutdown: ${texts.slice(0, 5).join('; ')}`);
    }
    return { db, createdFresh: !exists, uncleanShutdown, quickCheck };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Looks at the file header before SQLite does: a file that is not SQLite is moved aside untouched (SQLite would
 * discard a -wal it cannot use), and `user_version` (bytes 60–63, big-endian) is read without a connection —
 * even a read-only connection to a WAL database leaves -wal/-shm files behind, and a database from a newer
 * console must stay byte-for-byte untouched. (A newer version committed only in a WAL left by a crash is caught by
 * the same check in runMigrations, after the open.)
 */
function inspectHeader(file: string, targetVersion: number): void {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let length: number;
  try {
    length = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (length < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new DamagedDatabase('file is not a database (its header is not a SQLite header)');
  }
  const version = header.readInt32BE(60);
  if (version > targetVersion) throw newerVersionError(file, version, targetVersion);
}

function readShutdownMarker(db: Database.Database): string | null {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'")
    .get();
  if (hasMeta === undefined) return null;
  const value: unknown = db
    .prepare('SELECT value FROM store_meta WHERE key = ?')
    .pluck()
    .get(CLEAN_SHUTDOWN_KEY);
  return typeof value === 'string' ? value : null;
}

function writeShutdownMarker(db: Database.Database, value: 'open' | 'clean'): void {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'")
    .get();
  if (hasMeta === undefined) return; // schema version 0: nothing to mark yet
  db.prepare(
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(CLEAN_SHUTDOWN_KEY, value);
}

/** Renames the bad file and its -wal/-shm to `<name>.corrupt-<timestamp>[-wal|-shm]`. Never deletes. */
function moveAside(file: string): string[] {
  const target = freeFileName(`${file}.corrupt-${fileTimestamp()}`);
  const moved: string[] = [];
  if (fs.existsSync(file)) {
    fs.renameSync(file, target);
    moved.push(target);
  }
  for (const suffix of SIDE_FILE_SUFFIXES) {
    if (!fs.existsSync(`${file}${suffix}`)) continue;
    fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
    moved.push(`${target}${suffix}`);
  }
  return moved;
}

function asAppError(file: string, error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError('internal', `Local store ${file} could not be opened: ${errorMessage(error)}`, {
    cause: error,
  });
}

function createStore(file: string, db: Database.Database, report: StoreOpenReport, now: () => string): Store {
  const repositories = createRepositories({ db, statements: new StatementCache(db), now });
  return {
    ...repositories,
    file,
    db,
    report,
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    backupTo(target: string): void {
      db.prepare('VACUUM INTO ?').run(target);
    },
    close(): void {
      if (!db.open) return;
      try {
        db.pragma('optimize');
        writeShutdownMarker(db, 'clean');
      } finally {
        db.close();
      }
    },
  };
}
