import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.js';

export type Db = Database.Database;

/**
 * Opens the catalogue. WAL lets the server read while the indexer writes; synchronous=NORMAL in WAL
 * mode survives a process kill (only an OS crash can lose the last commits), which is the trade every
 * desktop catalogue makes for write speed.
 */
export function openDatabase(
  file: string,
  opts: { readonly?: boolean; backupDir?: string } = {},
): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false });
  db.pragma('busy_timeout = 10000');
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  cacheStatements(db);
  if (!opts.readonly) migrate(db, { backupDir: opts.backupDir });
  return db;
}

const STATEMENT_CACHE = 1000;

/**
 * Makes db.prepare() reuse statements. Repositories prepare their SQL where they use it, which is
 * clear to read but would compile the same statement again on every call, and each compiled
 * statement holds native memory the garbage collector does not see: a 100k-file scan grew the
 * process by hundreds of MB that way. Modes a caller set (pluck, raw, expand) are reset on reuse.
 * This is the one statement cache: repositories keep no statements of their own.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  (db as { prepare: (sql: string) => Database.Statement }).prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt && !stmt.busy) {
      cache.delete(sql);
      cache.set(sql, stmt);
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
      return stmt;
    }
    // A statement still iterating cannot be shared: hand out a fresh one.
    if (stmt) return prepare(sql);
    stmt = prepare(sql);
    cache.set(sql, stmt);
    if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    return stmt;
  };
}
