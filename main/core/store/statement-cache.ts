import type Database from 'better-sqlite3';

/**
 * Prepared statements keyed by their SQL text. Repositories build SQL only from fixed fragments (filters and sort
 * columns come from allowlists), so the number of distinct texts is small and bounded; the cap is a safety net.
 */
const MAX_STATEMENTS = 1000;

export class StatementCache {
  private readonly statements = new Map<string, Database.Statement<unknown[], unknown>>();
  private readonly plucked = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(readonly db: Database.Database) {}

  /** `Row` is the shape the SQL selects; it is ours (the schema is ours), so it is declared rather than parsed. */
  get<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }

  /** A statement that returns its first column only (pluck is a sticky per-statement switch, hence a second map). */
  value<Value = unknown>(sql: string): Database.Statement<unknown[], Value> {
    let statement = this.plucked.get(sql);
    if (statement === undefined) {
      if (this.plucked.size >= MAX_STATEMENTS) this.plucked.clear();
      statement = this.db.prepare<unknown[], unknown>(sql).pluck();
      this.plucked.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Value>;
  }
}
