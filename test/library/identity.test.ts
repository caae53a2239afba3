import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

const photos = [
  'exif/gps/DSCN0010.jpg',
  'exif/gps/DSCN0012.jpg',
  'exif/gps/DSCN0021.jpg',
  'exif/gps/DSCN0025.jpg',
  'exif/orientation/recurser/Landscape_1.jpg',
];

describe.skipIf(!hasCorpus)('identity by content', () => {
  let tmp: string;
  let lib: string;
  let picto: Picto;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-identity-'));
    lib = path.join(tmp, 'Pictures');
    mkdirSync(path.join(lib, 'Trip', 'Day 1'), { recursive: true });
    for (const [i, p] of photos.entries()) {
      const dest =
        i < 3
          ? path.join(lib, 'Trip', 'Day 1', path.basename(p))
          : path.join(lib, path.basename(p));
      copyFileSync(corpusPath(p), dest);
    }
    writeFileSync(path.join(lib, 'notes.txt'), 'not a photo');
    mkdirSync(path.join(lib, '.hidden'));
    copyFileSync(corpusPath(photos[0]), path.join(lib, '.hidden', 'secret.jpg'));
    picto = new Picto({ dataDir: path.join(tmp, 'data') });
  });

  afterEach(async () => {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const idOf = (p: string) => picto.repos.locations.byPath(p)?.photo_id;

  it('finds photos, skips hidden folders and other files, and a rescan touches nothing', async () => {
    await picto.folders.add(lib);
    const first = await picto.scan();
    expect(first.added).toBe(5);
    expect(first.files).toBe(5);
    const again = await picto.scan();
    expect(again).toMatchObject({ added: 0, changed: 0, removed: 0, moved: 0, unchanged: 5 });
  });

  it('keeps id, favourite and albums through renames, moves and a moved folder', async () => {
    await picto.folders.add(lib);
    await picto.scan();
    const a = path.join(lib, 'Trip', 'Day 1', 'DSCN0010.jpg');
    const b = path.join(lib, 'DSCN0025.jpg');
    const idA = idOf(a)!;
    const idB = idOf(b)!;
    picto.collection.setFavourite([idA], true);
    const album = picto.collection.createAlbum('Italy');
    picto.collection.addToAlbum(album.id, [idA, idB]);

    // Rename a file, move another into a new folder, and rename the folder holding a third.
    const a2 = path.join(lib, 'Trip', 'Day 1', 'Tower.jpg');
    renameSync(a, a2);
    mkdirSync(path.join(lib, 'Best'));
    const b2 = path.join(lib, 'Best', 'DSCN0025.jpg');
    renameSync(b, b2);
    renameSync(path.join(lib, 'Trip', 'Day 1'), path.join(lib, 'Trip', 'Siena'));
    const a3 = path.join(lib, 'Trip', 'Siena', 'Tower.jpg');

    const s = await picto.scan();
    expect(s.added).toBe(0);
    expect(s.removed).toBe(0);
    expect(s.moved).toBe(4);
    expect(idOf(a3)).toBe(idA);
    expect(idOf(b2)).toBe(idB);
    expect(picto.repos.photos.get(idA)?.favourite).toBe(1);
    expect(picto.repos.albums.photoIds(album.id).sort()).toEqual([idA, idB].sort());
    expect(picto.repos.photos.count()).toBe(5);
  });

  it('keeps a photo whose file moves to another library folder', async () => {
    const other = path.join(tmp, 'Phone');
    mkdirSync(other);
    await picto.folders.add(lib);
    await picto.folders.add(other);
    await picto.scan();
    const src = path.join(lib, 'DSCN0025.jpg');
    const id = idOf(src)!;
    picto.collection.setFavourite([id], true);
    renameSync(src, path.join(other, 'moved.jpg'));
    const s = await picto.scan();
    expect(s).toMatchObject({ moved: 1, removed: 0, added: 0 });
    expect(idOf(path.join(other, 'moved.jpg'))).toBe(id);
    expect(picto.repos.photos.get(id)?.favourite).toBe(1);
  });

  it('treats the same content at two paths as one photo with two locations', async () => {
    copyFileSync(path.join(lib, 'DSCN0025.jpg'), path.join(lib, 'copy of DSCN0025.jpg'));
    await picto.folders.add(lib);
    const s = await picto.scan();
    expect(s.added).toBe(5);
    expect(s.duplicates).toBe(1);
    const id = idOf(path.join(lib, 'DSCN0025.jpg'))!;
    expect(idOf(path.join(lib, 'copy of DSCN0025.jpg'))).toBe(id);
    expect(picto.repos.locations.forPhoto(id)).toHaveLength(2);
    // Deleting one copy keeps the photo; deleting both removes it.
    rmSync(path.join(lib, 'DSCN0025.jpg'));
    await picto.scan();
    expect(picto.repos.photos.get(id)).toBeDefined();
    rmSync(path.join(lib, 'copy of DSCN0025.jpg'));
    await picto.scan();
    expect(picto.repos.photos.get(id)).toBeUndefined();
  });

  it('removes a deleted file on the next scan and nothing else', async () => {
    await picto.folders.add(lib);
    await picto.scan();
    const gone = path.join(lib, 'Landscape_1.jpg');
    const id = idOf(gone)!;
    const album = picto.collection.createAlbum('Keep');
    const others = picto.repos.db.prepare('SELECT id FROM photos WHERE id != ?').all(id) as {
      id: string;
    }[];
    picto.collection.addToAlbum(album.id, [id, ...others.map((o) => o.id)]);
    rmSync(gone);
    const s = await picto.scan();
    expect(s).toMatchObject({ removed: 1, added: 0, moved: 0 });
    expect(picto.repos.photos.get(id)).toBeUndefined();
    expect(picto.repos.photos.count()).toBe(4);
    expect(picto.repos.albums.photoIds(album.id).sort()).toEqual(others.map((o) => o.id).sort());
  });

  it('keeps the id when a file is edited in place', async () => {
    await picto.folders.add(lib);
    await picto.scan();
    const p = path.join(lib, 'DSCN0025.jpg');
    const id = idOf(p)!;
    const before = picto.repos.photos.get(id)!.content_hash;
    copyFileSync(corpusPath('exif/gps/DSCN0027.jpg'), p);
    const s = await picto.scan();
    expect(s.changed).toBe(1);
    expect(idOf(p)).toBe(id);
    expect(picto.repos.photos.get(id)!.content_hash).not.toBe(before);
    expect(picto.repos.jobs.stagesForPhoto(id).every((j) => j.status === 'pending')).toBe(true);
  });

  it('marks a vanished library folder offline and keeps its photos', async () => {
    await picto.folders.add(lib);
    await picto.scan();
    const moved = path.join(tmp, 'unplugged');
    renameSync(lib, moved);
    const s = await picto.scan();
    expect(s.offline).toEqual([picto.folders.list()[0].path]);
    expect(picto.repos.photos.count()).toBe(5);
    expect(picto.folders.list()[0].online).toBe(0);
    renameSync(moved, lib);
    const back = await picto.scan();
    expect(back).toMatchObject({ added: 0, removed: 0, unchanged: 5 });
    expect(picto.folders.list()[0].online).toBe(1);
  });

  it('refuses nested folders and lets a parent absorb its children', async () => {
    await picto.folders.add(path.join(lib, 'Trip'));
    await picto.scan();
    const id = idOf(path.join(lib, 'Trip', 'Day 1', 'DSCN0010.jpg'))!;
    await expect(picto.folders.add(path.join(lib, 'Trip', 'Day 1'))).rejects.toThrow(
      /already in the library/,
    );
    const { absorbed } = await picto.folders.add(lib);
    expect(absorbed).toHaveLength(1);
    const s = await picto.scan();
    expect(s.added).toBe(2);
    expect(idOf(path.join(lib, 'Trip', 'Day 1', 'DSCN0010.jpg'))).toBe(id);
  });
});
