import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { backupName } from './backup.js';
import { migrations } from './migrations.js';

/**
 * Applies pending migrations in order, each in its own transaction, and records it in
 * schema_migrations. A database newer than this build is refused rather than half-understood.
 */
export function migrate(db: Database.Database, opts: { backupDir?: string } = {}): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new Error(
      `This catalogue was written by a newer Picto (schema ${newest}, this build knows ${latest}). ` +
        'Upgrade Picto or point --data at another directory.',
    );
  }
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length && applied.size && opts.backupDir) {
    // Upgrading a catalogue that has data: keep a copy of it as it was, in case the new version
    // has to be rolled back.
    mkdirSync(opts.backupDir, { recursive: true });
    const file = path.join(opts.backupDir, backupName('pre-migration'));
    db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  }
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}
