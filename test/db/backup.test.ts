import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import {
  checkCatalogueFile,
  listBackups,
  pruneAuto,
  restoreDatabase,
} from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/index.js';

describe('backups', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-backup-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('backs up online, restores, and keeps the replaced catalogue', async () => {
    const dataDir = path.join(tmp, 'data');
    let picto = new Picto({ dataDir });
    picto.collection.createAlbum('Kept');
    const b = await picto.backup('manual');
    picto.collection.createAlbum('Lost');
    await picto.close();
    expect(checkCatalogueFile(b.file)).toBeNull();

    const kept = restoreDatabase(b.file, picto.layout.database, picto.layout.backups);
    picto = new Picto({ dataDir });
    expect(picto.collection.albums().map((a) => a.name)).toEqual(['Kept']);
    await picto.close();
    // The catalogue that was replaced is itself a valid backup.
    const before = new Database(kept, { readonly: true });
    const names = before.prepare('SELECT name FROM albums ORDER BY name').all();
    before.close();
    expect(names).toEqual([{ name: 'Kept' }, { name: 'Lost' }]);
  });

  it('refuses files that are not sound Picto catalogues', () => {
    const junk = path.join(tmp, 'junk.db');
    writeFileSync(junk, 'this is not a database');
    expect(checkCatalogueFile(junk)).toMatch(/not a database|file is/i);
    const other = path.join(tmp, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(checkCatalogueFile(other)).toMatch(/not a Picto catalogue/);
    expect(() => restoreDatabase(junk, path.join(tmp, 'picto.db'), tmp)).toThrow(/cannot restore/);
  });

  it('keeps only the newest automatic backups', async () => {
    const dir = path.join(tmp, 'b');
    const picto = new Picto({ dataDir: path.join(tmp, 'data') });
    for (let i = 0; i < 9; i++) {
      await picto.backup('manual', path.join(dir, `picto-auto-2026010${i}-000000.db`));
    }
    await picto.backup('manual', path.join(dir, 'picto-manual-20250101-000000.db'));
    await picto.close();
    pruneAuto(dir, 7);
    const left = listBackups(dir);
    expect(left.filter((b) => b.kind === 'auto')).toHaveLength(7);
    expect(left.filter((b) => b.kind === 'manual')).toHaveLength(1);
    expect(left.some((b) => b.file.endsWith('20260100-000000.db'))).toBe(false);
  });

  it('copies a catalogue with data before migrating it', () => {
    const file = path.join(tmp, 'old.db');
    const backups = path.join(tmp, 'backups');
    const db = openDatabase(file, { backupDir: backups });
    db.prepare(`INSERT INTO settings (key, value) VALUES ('x', '1')`).run();
    // Pretend the newest migration has not been applied yet.
    const latest = (
      db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }
    ).v;
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(latest);
    db.close();
    expect(listBackups(backups)).toHaveLength(0);
    // Re-running the newest migration on purpose would fail on existing tables: only check the copy.
    try {
      openDatabase(file, { backupDir: backups }).close();
    } catch {
      /* expected: tables of that migration already exist */
    }
    const copies = listBackups(backups).filter((b) => b.kind === 'pre-migration');
    expect(copies).toHaveLength(1);
    expect(checkCatalogueFile(copies[0].file)).toBeNull();
  });
});
