import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { runInWorker } from '../shared/worker-thread.js';
import { PictoError } from '../shared/errors.js';
import type { Db } from './connection.js';
import { migrations } from './migrations.js';

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
  kind: 'auto' | 'manual' | 'pre-migration' | 'pre-restore';
}

const KEEP_AUTO = 7;

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
}

/** backups/picto-<kind>-20261128-101500.db */
export function backupName(kind: BackupInfo['kind'], d = new Date()): string {
  return `picto-${kind}-${stamp(d)}.db`;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^picto-(auto|manual|pre-migration|pre-restore)-(\d{8})-(\d{6})\.db$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const file = path.join(dir, m[0]);
      const [d, t] = [m[2], m[3]];
      return {
        file,
        bytes: statSync(file).size,
        kind: m[1] as BackupInfo['kind'],
        createdAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`,
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/**
 * Copies the live catalogue with SQLite's online backup API: consistent even while the indexer
 * writes. The copy is checked before it counts as a backup.
 */
export async function backupDatabase(
  db: Db,
  dir: string,
  kind: BackupInfo['kind'],
  dest?: string,
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const file = dest ? path.resolve(dest) : path.join(dir, backupName(kind));
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  await db.backup(tmp);
  const problem = await finishCopyOffThread(tmp);
  if (problem) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
    throw new Error(`backup failed its integrity check: ${problem}`);
  }
  renameSync(tmp, file);
  if (kind === 'auto') pruneAuto(dir);
  return { file, bytes: statSync(file).size, createdAt: new Date().toISOString(), kind };
}

/**
 * Makes a fresh copy one self-contained file (it inherits WAL mode: the log is folded back in) and
 * checks it. Null when sound, else what is wrong.
 */
export function finishCopy(file: string): string | null {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return checkCatalogueFile(file);
}

function finishCopyOffThread(file: string): Promise<string | null> {
  return runInWorker<string | null>(import.meta.url, 'backup-worker', {
    task: 'backup check',
    workerData: file,
  });
}

/** Keeps the newest automatic backups; manual ones are the user's to delete. */
export function pruneAuto(dir: string, keep = KEEP_AUTO): void {
  const autos = listBackups(dir).filter((b) => b.kind === 'auto');
  for (const b of autos.slice(keep)) rmSync(b.file, { force: true });
}

/** Null when the file is a sound Picto catalogue this build can open, else what is wrong. */
export function checkCatalogueFile(file: string): string | null {
  if (!existsSync(file)) return `no such file: ${file}`;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') return `integrity check: ${String(ok)}`;
    const hasTable = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
      .get();
    if (!hasTable) return 'not a Picto catalogue (no schema_migrations table)';
    const v = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number })
      .v;
    const latest = Math.max(...migrations.map((m) => m.version));
    if (v > latest) return `written by a newer Picto (schema ${v}, this build knows ${latest})`;
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place of the catalogue (the catalogue must be closed). The current catalogue is
 * kept as a pre-restore backup first, so a restore can itself be undone.
 */
export function restoreDatabase(backupFile: string, dbFile: string, backupsDir: string): string {
  const problem = checkCatalogueFile(backupFile);
  if (problem) throw new PictoError('invalid', `cannot restore ${backupFile}: ${problem}`);
  mkdirSync(backupsDir, { recursive: true });
  let kept = '';
  if (existsSync(dbFile)) {
    kept = path.join(backupsDir, backupName('pre-restore'));
    const live = new Database(dbFile);
    try {
      live.exec(`VACUUM INTO '${kept.replace(/'/g, "''")}'`);
    } finally {
      live.close();
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  copyFileSync(backupFile, dbFile);
  return kept;
}
