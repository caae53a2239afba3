import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the watcher');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasCorpus)('live sync (watcher)', () => {
  let tmp: string;
  let lib: string;
  let picto: Picto;

  beforeEach(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-watch-'));
    lib = path.join(tmp, 'Pictures');
    mkdirSync(path.join(lib, 'Trip'), { recursive: true });
    copyFileSync(corpusPath('exif/gps/DSCN0010.jpg'), path.join(lib, 'Trip', 'a.jpg'));
    copyFileSync(corpusPath('exif/gps/DSCN0012.jpg'), path.join(lib, 'Trip', 'b.jpg'));
    copyFileSync(corpusPath('exif/gps/DSCN0021.jpg'), path.join(lib, 'c.jpg'));
    picto = new Picto({ dataDir: path.join(tmp, 'data') });
    await picto.folders.add(lib);
    await picto.scan();
    await picto.startWatching({ debounceMs: 300, stableMs: 400, offlineCheckMs: 300 });
    // chokidar needs a moment to set up its watches before it reports changes.
    await new Promise((r) => setTimeout(r, 500));
  });

  afterEach(async () => {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const idOf = (p: string) => picto.repos.locations.byPath(p)?.photo_id;

  it('follows renames and folder moves, keeping favourites and albums', async () => {
    const a = path.join(lib, 'Trip', 'a.jpg');
    const id = idOf(a)!;
    picto.collection.setFavourite([id], true);
    const album = picto.collection.createAlbum('Live');
    picto.collection.addToAlbum(album.id, [id]);

    renameSync(path.join(lib, 'Trip'), path.join(lib, 'Tuscany'));
    const moved = path.join(lib, 'Tuscany', 'a.jpg');
    await waitFor(() => idOf(moved) === id && idOf(a) === undefined);
    renameSync(moved, path.join(lib, 'Tuscany', 'tower.jpg'));
    await waitFor(() => idOf(path.join(lib, 'Tuscany', 'tower.jpg')) === id);
    expect(picto.repos.photos.get(id)?.favourite).toBe(1);
    expect(picto.repos.albums.photoIds(album.id)).toEqual([id]);
    expect(picto.repos.photos.count()).toBe(3);
  });

  it('adds new files once fully written and removes deleted ones', async () => {
    const src = readFileSync(corpusPath('exif/gps/DSCN0025.jpg'));
    const target = path.join(lib, 'new.jpg');
    // Written in two halves: the watcher must wait for the size to settle.
    writeFileSync(target, src.subarray(0, 1000));
    await new Promise((r) => setTimeout(r, 150));
    appendFileSync(target, src.subarray(1000));
    await waitFor(() => idOf(target) !== undefined);
    const photo = picto.repos.photos.get(idOf(target)!)!;
    expect(photo.size).toBe(src.length);

    const c = path.join(lib, 'c.jpg');
    const cid = idOf(c)!;
    rmSync(c);
    await waitFor(() => picto.repos.photos.get(cid) === undefined);
    expect(picto.repos.photos.count()).toBe(3);
  });

  it('marks a vanished folder offline and brings it back intact', async () => {
    const id = idOf(path.join(lib, 'c.jpg'))!;
    picto.collection.setFavourite([id], true);
    const away = path.join(tmp, 'unplugged');
    renameSync(lib, away);
    await waitFor(() => picto.repos.folders.list()[0].online === 0);
    expect(picto.repos.photos.count()).toBe(3);
    renameSync(away, lib);
    await waitFor(() => picto.repos.folders.list()[0].online === 1);
    expect(idOf(path.join(lib, 'c.jpg'))).toBe(id);
    expect(picto.repos.photos.get(id)?.favourite).toBe(1);
    // …and it is watched again.
    rmSync(path.join(lib, 'c.jpg'));
    await waitFor(() => picto.repos.photos.get(id) === undefined);
  });
});
