import type Database from 'better-sqlite3';
import { AppError } from '../../errors';
import { errorMessage } from '../sqlite-errors';
import { fileTimestamp, freeFileName } from '../file-names';
import type { Migration } from './migration';

export interface MigrationOutcome {
  fromVersion: number;
  toVersion: number;
  /** Names of the steps applied, in order (empty when the database was current). */
  applied: string[];
  /** The copy taken before migrating a non-empty database, or null. */
  backupFile: string | null;
}

export function readUserVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number')
    throw new AppError('internal', 'Local store: PRAGMA user_version is not a number.');
  return version;
}

export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new AppError(
        'internal',
        `Local store: migration "${step.name}" is numbered ${step.version}, expected ${index + 1}.`,
      );
    }
  });
}

export function newerVersionError(file: string, dbVersion: number, appVersion: number): AppError {
  return new AppError(
    'conflict',
    `Local store ${file} has schema version ${dbVersion}, but this version of the console only knows up to ` +
      `version ${appVersion}. It was written by a newer console; update the console to open it. The file was left unchanged.`,
  );
}

/**
 * Brings the database to `targetVersion`: all pending steps in ONE transaction (all or nothing), `user_version`
 * set inside it. A non-empty database is first copied with VACUUM INTO to `<file>.backup-v<from>-<time>`.
 */
export function runMigrations(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[],
  targetVersion: number,
): MigrationOutcome {
  assertMigrationList(migrations);
  if (targetVersion < 0 || targetVersion > migrations.length) {
    throw new AppError(
      'internal',
      `Local store: schema version ${targetVersion} is not one this console has.`,
    );
  }
  const fromVersion = readUserVersion(db);
  if (fromVersion > targetVersion) throw newerVersionError(file, fromVersion, targetVersion);
  const pending = migrations.slice(fromVersion, targetVersion);
  if (pending.length === 0) return { fromVersion, toVersion: fromVersion, applied: [], backupFile: null };

  const backupFile = hasContent(db) ? backupBeforeMigrating(db, file, fromVersion) : null;
  try {
    db.transaction(() => {
      for (const step of pending) step.up(db);
      db.pragma(`user_version = ${targetVersion}`);
    })();
  } catch (error) {
    throw new AppError(
      'internal',
      `Local store: migrating ${file} from schema version ${fromVersion} to ${targetVersion} failed and was rolled ` +
        `back (${errorMessage(error)}).${backupFile === null ? '' : ` A copy taken before is at ${backupFile}.`}`,
      { cause: error },
    );
  }
  return { fromVersion, toVersion: targetVersion, applied: pending.map((step) => step.name), backupFile };
}

function hasContent(db: Database.Database): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() !== 0;
}

function backupBeforeMigrating(db: Database.Database, file: string, fromVersion: number): string {
  const target = freeFileName(`${file}.backup-v${fromVersion}-${fileTimestamp()}`);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw new AppError(
      'internal',
      `Local store: could not back up ${file} before migrating it from schema version ${fromVersion} ` +
        `(${errorMessage(error)}); nothing was changed.`,
      { cause: error },
    );
  }
  return target;
}
