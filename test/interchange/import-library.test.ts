// Moving in, end to end on a real catalogue: a Google Takeout tree (every naming quirk, an album,
// 0/0 places, stripped EXIF, edited copies) and XMP written by ExifTool in the shapes digiKam,
// Lightroom and Picasa write, on real face photos upright and rotated, indexed with the real
// models. Then what a user sees: dates (instants and local times), places, favourites,
// descriptions, ratings, keywords, albums, named people that stay named when clustering runs
// from scratch, suggestions for names that could not be placed, the import report, search, the
// export document; and what happens when a sidecar changes.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { openExifTool, type ExifTool } from '../../src/interchange/exiftool-session.js';
import { hasCorpus } from '../helpers/corpus.js';
import { makeMoveInLibrary, type MoveInLibrary } from '../helpers/move-in-library.js';
import { SEOUL, type TakeoutTree } from '../helpers/takeout-tree.js';

describe.skipIf(!hasCorpus)('moving in: Takeout and other programs’ XMP, indexed', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-movein-'));
  const lib = path.join(tmp, 'Pictures');
  let library: MoveInLibrary;
  let tools: string;
  let tree: TakeoutTree;
  let picto: Picto;
  let et: ExifTool;
  let folderId: number;

  beforeAll(async () => {
    et = openExifTool();
    library = await makeMoveInLibrary(lib, et);
    ({ tree, tools } = library);
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
    folderId = (await picto.folders.add(lib)).folder.id;
    await picto.scan();
    picto.runner.start();
    await picto.runner.drain();
    await picto.people.settled();
  }, 600_000);

  afterAll(async () => {
    await picto?.close();
    await et?.end();
    rmSync(tmp, { recursive: true, force: true });
  });

  const photoAt = (p: string) => {
    const loc = picto.repos.locations.byPath(p);
    if (!loc) throw new Error(`not in the catalogue: ${p}`);
    return picto.repos.photos.get(loc.photo_id)!;
  };
  const personOf = (faceId: string) => {
    const f = picto.repos.people.face(faceId)!;
    return f.person_id === null ? null : picto.repos.people.resolve(f.person_id)!;
  };
  const namesIn = (p: string) =>
    picto.repos.people
      .facesInPhoto(photoAt(p).id)
      .map((f) => personOf(f.id)?.name ?? null)
      .sort();

  it('dates: the file’s own EXIF stays; stripped photos get the Takeout instant as local time', () => {
    const exif = photoAt(path.join(tree.year, 'DSCN0010.jpg'));
    expect(exif.taken_source).toBe('exif');
    expect(exif.taken_at).toBe('2008-10-22T16:28:39');
    const bus = photoAt(path.join(tree.year, 'IMG_20190601_120000.jpg'));
    expect(bus).toMatchObject({
      taken_at: '2019-06-01T12:00:00',
      taken_offset: 540,
      taken_source: 'takeout',
      sort_at: '2019-06-01T12:00:00',
    });
    // An edited copy takes its original's sidecar: Rome's summer time, from geoDataExif.
    for (const name of ['IMG_0002.jpg', 'IMG_0002-edited.jpg']) {
      expect(photoAt(path.join(tree.year, name))).toMatchObject({
        taken_at: '2019-04-04T10:00:00',
        taken_offset: 120,
        taken_source: 'takeout',
      });
    }
    expect(photoAt(path.join(tree.year, 'IMG_0001(1).jpg')).taken_at).toMatch(/^2019-02-02T/);
    expect(photoAt(path.join(tree.year, 'Rome_ day 1.jpg')).taken_source).toBe('takeout');
  });

  it('places: filled where the file has none; 0/0 is no place', () => {
    const bus = photoAt(path.join(tree.year, 'IMG_20190601_120000.jpg'));
    expect([bus.lat, bus.lon, bus.place_source]).toEqual([SEOUL[0], SEOUL[1], 'takeout']);
    const exif = photoAt(path.join(tree.year, 'DSCN0010.jpg'));
    expect(exif.place_source).toBeNull();
    expect(exif.lat).toBeCloseTo(43.467, 2);
    const none = photoAt(path.join(tree.year, 'nullisland.jpg'));
    expect([none.lat, none.lon, none.place_source]).toEqual([null, null, null]);
  });

  it('favourites, descriptions, ratings and keywords', () => {
    const bus = photoAt(path.join(tree.year, 'IMG_20190601_120000.jpg'));
    expect(bus.favourite).toBe(1);
    expect([bus.description, bus.description_source]).toEqual(['The 7 bus in Seoul', 'takeout']);
    const dk = picto.collection.notes(photoAt(path.join(tools, 'digikam.jpg')).id);
    expect(dk).toMatchObject({
      description: 'The wedding in Seoul',
      rating: 4,
      ratingSource: 'xmp',
    });
    expect(dk.keywords.map((k) => k.path)).toEqual(['Events/Wedding', 'Places/Korea/Seoul']);
    expect(photoAt(path.join(tools, 'lightroom.jpg')).rating).toBe(5);
    const rejected = photoAt(path.join(tools, 'DSC_0001.jpg'));
    expect([rejected.rating, rejected.description]).toEqual([null, 'Dinner in Seoul']);
    // Picasa: IPTC keywords and caption; "OLYMPUS DIGITAL CAMERA" in EXIF is not a description.
    const pc = picto.collection.notes(photoAt(path.join(tools, 'picasa.jpg')).id);
    expect(pc.description).toBe('At the beach');
    expect(pc.keywords.map((k) => k.path)).toEqual(['beach', 'family']);
  });

  it('albums: the album folder is one, named from its metadata; the year folder is not', () => {
    const albums = picto.collection.albums();
    expect(albums.map((a) => [a.name, a.description])).toEqual([
      ['Rome, spring 2019', 'Four days with Ana'],
    ]);
    expect(picto.repos.albums.photoIds(albums[0].id)).toEqual([
      photoAt(path.join(tree.album, 'DSCN0012.jpg')).id,
    ]);
  });

  it('names: regions name the faces they lie on, upright and turned; one face takes one name', () => {
    expect(namesIn(path.join(tools, 'digikam.jpg'))).toEqual(['Ana Lima', 'Ben Ode']);
    // Lightroom named two of the three faces; the third is nobody's by the import.
    expect(namesIn(path.join(tools, 'lightroom.jpg')).slice(0, 2)).toEqual([
      'Cleo Park',
      'Dev Rao',
    ]);
    expect(namesIn(path.join(tools, 'DSC_0001.jpg'))).toContain('Eve Moss');
    // Picasa's unnamed face stays unnamed by the import (clustering may still group it).
    expect(namesIn(path.join(tools, 'picasa.jpg'))).toContain('Ana Lima');
    expect(namesIn(path.join(tree.year, 'IMG_0004.jpg'))).toEqual(['Barack Obama']);
    // Both "Ana Lima" regions went to one person.
    const anas = picto.people.list().filter((p) => p.name === 'Ana Lima');
    expect(anas).toHaveLength(1);
    expect(anas[0].faceCount).toBeGreaterThanOrEqual(2);
  });

  it('names without a box on a photo of several faces are suggestions, never guesses', () => {
    const group = photoAt(path.join(tree.year, 'group.jpg'));
    const faces = picto.repos.people.facesInPhoto(group.id);
    expect(faces.length).toBeGreaterThanOrEqual(2);
    const obama = picto.people.list().find((p) => p.name === 'Barack Obama')!;
    const suggested = picto.people
      .suggestions(obama.id)
      .filter((s) => s.kind === 'face' && s.imported);
    expect(suggested.map((s) => s.kind === 'face' && s.faceId).sort()).toEqual(
      faces
        .filter((f) => personOf(f.id)?.id !== obama.id)
        .map((f) => f.id)
        .sort(),
    );
    expect(picto.people.list().some((p) => p.name === 'Joe Biden')).toBe(false);
  });

  it('named people stay named when clustering runs again from scratch', async () => {
    const before = new Map(
      picto.people
        .list()
        .filter((p) => p.name)
        .map((p) => [p.id, p.name]),
    );
    const named = picto.repos.db
      .prepare(`SELECT face_id, person_id FROM imported_regions WHERE status = 'named'`)
      .all() as { face_id: string; person_id: number }[];
    expect(named.length).toBeGreaterThanOrEqual(7);
    // Every assignment wiped: only the constraints are left to go by.
    picto.repos.db.prepare('UPDATE faces SET person_id = NULL').run();
    await picto.people.recluster();
    for (const n of named) expect(personOf(n.face_id)?.id).toBe(n.person_id);
    for (const [id, name] of before) expect(picto.repos.people.resolve(id)?.name).toBe(name);
  });

  it('reports what came from sidecars, and which matched no photo', async () => {
    const r = await picto.importReport([folderId]);
    expect(r.pending).toBe(0);
    expect(r.albums).toEqual([{ name: 'Rome, spring 2019', folder: tree.album }]);
    expect(r.dates).toBe(14);
    expect(r.places).toBe(3);
    expect(r.favorites).toBe(1);
    // digiKam's 4 and Lightroom's 5; a Lightroom reject is no rating.
    expect(r.ratings).toBe(2);
    expect(r.keywords).toBe(6);
    expect(r.names).toBeGreaterThanOrEqual(7);
    expect(r.suggestedNames).toBeGreaterThanOrEqual(2);
    expect(r.descriptions).toBeGreaterThanOrEqual(5);
    expect(r.unmatchedSidecars).toEqual([
      path.join(tree.year, 'gone.jpg.supplemental-metadata.json'),
      path.join(tools, 'deleted.jpg.xmp'),
    ]);
    expect(r.unreadable).toEqual([]);
  });

  describe('search', () => {
    const found = (q: string) =>
      picto.discovery.search
        .search({ q, limit: 100 })
        .rows.map((r) => path.relative(lib, picto.repos.locations.forPhoto(r.id)[0].path))
        .sort();

    it('finds keywords by any level of their path, and descriptions by plain words', () => {
      const keyworded = ['tools/DSC_0001.jpg', 'tools/digikam.jpg', 'tools/lightroom.jpg'];
      const bus = 'Takeout/Google Photos/Photos from 2019/IMG_20190601_120000.jpg';
      expect(found('keyword:Places/Korea/Seoul')).toEqual(keyworded);
      expect(found('keyword:korea')).toEqual(keyworded);
      // "Seoul" and "Korea" are also where the Takeout bus photo was taken: either meaning finds it.
      expect(found('seoul')).toEqual([bus, ...keyworded]);
      expect(found('korea')).toEqual([bus, ...keyworded]);
      expect(found('events')).toEqual(['tools/digikam.jpg']);
      expect(found('wedding')).toEqual(['tools/digikam.jpg']);
      expect(found('dinner')).toEqual(['tools/DSC_0001.jpg', 'tools/lightroom.jpg']);
      expect(found('family beach')).toEqual(['tools/picasa.jpg']);
    });

    it('filters by rating', () => {
      expect(found('rating:>=4')).toEqual(['tools/digikam.jpg', 'tools/lightroom.jpg']);
      expect(found('rating:5')).toEqual(['tools/lightroom.jpg']);
      expect(found('rating:none keyword:korea')).toEqual(['tools/DSC_0001.jpg']);
      const chips = picto.discovery.search.search({ q: 'rating:>=4' }).understood;
      expect(chips.canonical).toBe('rating:>=4');
      expect(chips.chips[0].label).toBe('4 stars or more');
    });
  });

  it('exports descriptions, ratings (null when none) and keyword paths', () => {
    const doc = picto.exporter.exportAll();
    const at = (p: string) => doc.photos.find((x) => x.paths.includes(p))!;
    expect(at(path.join(tools, 'digikam.jpg'))).toMatchObject({
      description: 'The wedding in Seoul',
      rating: 4,
      keywords: ['Events/Wedding', 'Places/Korea/Seoul'],
    });
    expect(at(path.join(tree.year, 'nullisland.jpg'))).toMatchObject({
      description: null,
      rating: null,
      keywords: [],
    });
  });
});
