import path from 'node:path';
import Database from 'better-sqlite3';
import { makeDataFolder, openFailure } from './data-folder.js';
import { migrate } from './migrations/index.js';

/**
 * Opens the store's SQLite file: WAL journal, so the reading connection and the writer thread's
 * connection work side by side, and fsync on every commit (synchronous=FULL), so a write that
 * returned is on disk even if the machine loses power. The first connection opened (`create`)
 * makes the folder and the journal mode (kept in the file), and brings the tables up to date.
 */
export function openDatabase(file: string, { create = true } = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (create) makeDataFolder(path.dirname(file));
    db = new Database(file);
    if (create) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    if (create) migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw openFailure(file, err);
  }
}

/** Prepared statements, reused: preparing costs more than running most of these queries. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Dynamic SQL (optional filters) varies in shape; keep the cache bounded all the same.
      if (this.statements.size > 1000) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
