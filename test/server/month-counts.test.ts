import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { migrate } from '../../src/db/migrate.js';
import type { TimelineScope } from '../../src/db/repos/timeline.js';

// The month buckets come from a trigger-maintained table; these tests hold it against the truth
// (a GROUP BY over photos) through every kind of change the app makes.

describe('timeline month counts', () => {
  let tmp: string;
  let repos: Repos;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-months-'));
    repos = createRepos(openDatabase(path.join(tmp, 'picto.db')));
  });
  afterEach(() => {
    repos.db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const truth = (where: string) =>
    repos.db
      .prepare(
        `SELECT substr(sort_at, 1, 7) AS month, COUNT(*) AS count FROM photos WHERE ${where} GROUP BY 1 ORDER BY 1 DESC`,
      )
      .all();
  const check = () => {
    const scopes: [TimelineScope, string][] = [
      [{ kind: 'all' }, 'trashed_at IS NULL'],
      [{ kind: 'favourites' }, 'favourite = 1 AND trashed_at IS NULL'],
      [{ kind: 'trash' }, 'trashed_at IS NOT NULL'],
    ];
    for (const [scope, where] of scopes)
      expect(repos.timeline.buckets(scope), scope.kind).toEqual(truth(where));
  };
  const id = (i: number) => i.toString(16).padStart(16, '0');
  const add = (i: number, sortAt: string) =>
    repos.photos.insertPending({ id: id(i), hash: id(i).repeat(4), size: 1, sortAt, now: sortAt });

  it('follows inserts, re-dating, favourites, trash, restore and deletes', () => {
    const now = new Date().toISOString();
    for (let i = 0; i < 60; i++)
      add(i, `2024-${String((i % 12) + 1).padStart(2, '0')}-10T10:00:00`);
    check();
    // Indexing moves a photo to its capture month (file date → EXIF date).
    for (let i = 0; i < 10; i++)
      repos.db
        .prepare('UPDATE photos SET sort_at = ? WHERE id = ?')
        .run('2019-03-01T08:00:00', id(i));
    check();
    repos.photos.setFavourite([id(1), id(2), id(20), id(21)], true, now);
    check();
    repos.trash.setTrashed([id(2), id(3), id(30)], now);
    check();
    repos.photos.setFavourite([id(2)], false, now);
    repos.trash.setTrashed([id(3)], null);
    check();
    for (const i of [1, 2, 4, 40]) repos.photos.delete(id(i));
    check();
    // Updates that change nothing relevant leave the counts alone.
    repos.db.prepare("UPDATE photos SET status = 'ready', updated_at = ?").run(now);
    check();
    expect(repos.timeline.buckets({ kind: 'all' }).every((b) => b.count > 0)).toBe(true);
  });

  it('is filled from existing photos when the migration runs on an older catalogue', () => {
    for (let i = 0; i < 25; i++) add(i, `2023-0${(i % 9) + 1}-01T00:00:00`);
    repos.trash.setTrashed([id(5)], new Date().toISOString());
    repos.db.exec(`
      DROP TRIGGER photos_month_counts_insert; DROP TRIGGER photos_month_counts_delete;
      DROP TRIGGER photos_month_counts_update; DROP TABLE photo_month_counts;
      DELETE FROM schema_migrations WHERE version = 6;`);
    migrate(repos.db);
    check();
  });
});
