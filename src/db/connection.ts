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
  if (!opts.readonly) migrate(db, { backupDir: opts.backupDir });
  return db;
}

/** Runs fn in one transaction: every multi-row change is all-or-nothing. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}
