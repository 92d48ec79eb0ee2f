import type Database from 'better-sqlite3';

/** One numbered schema step. `up` runs inside the single transaction that applies every pending step. */
export interface Migration {
  /** The `PRAGMA user_version` the database has after this step; steps are numbered 1, 2, 3, … without gaps. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
