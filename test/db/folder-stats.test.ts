import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';

// [Note: folder counts agree with the gallery] on a small hand-made catalogue: what each folder
// and the library count, held against the timeline's own count (the Photos page).

describe('folder counts', () => {
  let tmp: string;
  let repos: Repos;
  const now = '2025-01-01T00:00:00.000Z';
  const id = (i: number) => i.toString(16).padStart(16, '0');

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-folder-stats-'));
    repos = createRepos(openDatabase(path.join(tmp, 'picto.db')));
  });
  afterEach(() => {
    repos.db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const photo = (i: number, folder: number, status: 'pending' | 'ready' | 'error' = 'ready') => {
    repos.photos.insertPending({ id: id(i), hash: id(i).repeat(4), size: 1, sortAt: now, now });
    repos.db.prepare('UPDATE photos SET status = ? WHERE id = ?').run(status, id(i));
    place(i, folder, `${i}.jpg`);
  };
  const place = (i: number, folder: number, name: string) =>
    repos.locations.insert({
      photo_id: id(i),
      folder_id: folder,
      path: `/f${folder}/${name}`,
      size: 1,
      mtime_ms: 0,
      first_seen_at: now,
    });
  const photosPage = () => repos.timeline.buckets({ kind: 'all' }).reduce((n, b) => n + b.count, 0);

  it('counts photos outside the trash, a Live Photo once, copies once, the trash apart', () => {
    const a = repos.folders.insert('/f1', now).id;
    const b = repos.folders.insert('/f2', now).id;
    for (let i = 1; i <= 5; i++) photo(i, a);
    photo(6, a, 'pending');
    photo(7, a, 'error');
    photo(8, b);
    // A Live Photo: the still (9) and its MOV (10), linked as indexing links them.
    photo(9, a);
    photo(10, a);
    repos.db.prepare('UPDATE photos SET live_of = ? WHERE id = ?').run(id(9), id(10));
    // Trashed: a ready photo, and a pending one (neither counts as waiting).
    photo(11, a);
    photo(12, a, 'pending');
    repos.trash.setTrashed([id(11), id(12)], now);
    // One photo in both folders: each folder has it; the library has it once.
    place(8, a, 'copy-of-8.jpg');
    // Copies in one folder are one photo there too, as in the gallery: a ready photo, a pending
    // one, an undecodable one, a trashed one and a Live Photo's MOV, each held by two files.
    place(1, a, 'copy-of-1.jpg');
    place(6, a, 'copy-of-6.jpg');
    place(7, a, 'copy-of-7.jpg');
    place(11, a, 'copy-of-11.jpg');
    place(10, a, 'copy-of-10.mov');
    place(8, b, 'copy-of-8.jpg');

    const c = repos.folderStats.counts();
    expect(c.get(a)).toEqual({ photos: 9, pending: 1, errors: 1, trashed: 2 });
    expect(c.get(b)).toEqual({ photos: 1, pending: 0, errors: 0, trashed: 0 });
    const lib = repos.folderStats.library();
    expect(lib).toEqual({ photos: 9, pending: 1, errors: 1, trashed: 2 });
    expect(lib.photos).toBe(photosPage());

    // Restored, it is counted again; emptied out of the catalogue, it is gone from both.
    repos.trash.setTrashed([id(11)], null);
    expect(repos.folderStats.counts().get(a)).toMatchObject({ photos: 10, trashed: 1 });
    expect(repos.folderStats.library()).toMatchObject({ photos: 10, trashed: 1 });
    repos.photos.delete(id(12));
    expect(repos.folderStats.counts().get(a)).toMatchObject({ photos: 10, pending: 1, trashed: 0 });
    expect(repos.folderStats.library().photos).toBe(photosPage());
  });

  it('says nothing for an empty library', () => {
    expect(repos.folderStats.counts().size).toBe(0);
    expect(repos.folderStats.library()).toEqual({ photos: 0, pending: 0, errors: 0, trashed: 0 });
  });
});
