// A Takeout-like tree on disk (test/helpers/takeout-tree.ts), read the way import will read it:
// each folder resolved, each photo's own metadata read by the media module, the sidecar merged.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { readTakeoutFolder } from '../../src/interchange/takeout/folder.js';
import { mergeTakeout, type TakeoutFill } from '../../src/interchange/takeout/merge.js';
import type { FolderResolution } from '../../src/interchange/takeout/resolve.js';
import { zoneAt } from '../../src/interchange/takeout/tz-lookup.js';
import { isCandidateFile, readMetadata } from '../../src/media/index.js';
import { hasCorpus } from '../helpers/corpus.js';
import { makeTakeoutTree, SEOUL, type TakeoutTree } from '../helpers/takeout-tree.js';

describe.skipIf(!hasCorpus)('Google Takeout export', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-takeout-'));
  let tree: TakeoutTree;
  let year: FolderResolution;
  const fills = new Map<string, TakeoutFill>();
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  beforeAll(async () => {
    tree = await makeTakeoutTree(path.join(tmp, 'export'));
    year = await readTakeoutFolder(tree.year);
    for (const [media, match] of year.sidecars) {
      const meta = await readMetadata(path.join(tree.year, media));
      // UTC as the machine's zone, so places without a zone give the same answer everywhere.
      fills.set(media, mergeTakeout(meta, match.photo, zoneAt, 'UTC'));
    }
  });

  it('pairs every photo with its sidecar, whatever the naming quirk', () => {
    const media = readdirSync(tree.year).filter((f) => !f.endsWith('.json'));
    expect([...year.sidecars.keys()].sort()).toEqual(media.sort());
    const rule = (m: string) => year.sidecars.get(m)?.rule;
    expect(year.sidecars.get('IMG_0001(1).jpg')?.json).toBe('IMG_0001.jpg(1).json');
    expect(rule('IMG_0001(1).jpg')).toBe('counter');
    expect(year.sidecars.get('IMG_0002-edited.jpg')?.json).toBe(
      'IMG_0002.jpg.supplemental-metadata.json',
    );
    expect(year.sidecars.get('IMG_0003-bearbeitet.jpg')?.json).toBe('IMG_0003.jpg.json');
    expect(rule('IMG_0003-bearbeitet.jpg')).toBe('edited');
    expect(year.sidecars.get('Screenshot_20220207_102421_com.snapchat.android.jpg')?.json).toBe(
      'Screenshot_20220207_102421_com.snapchat.androi.json',
    );
    expect(year.sidecars.get('IMG_20250112_100426_012345.jpg')?.json).toBe(
      'IMG_20250112_100426_012345.jpg.supplemental-me.json',
    );
    expect(rule('Rome_ day 1.jpg')).toBe('title');
  });

  it('reports the sidecar that matched no photo; a year folder is no album', () => {
    expect(year.unmatched).toEqual(['gone.jpg.supplemental-metadata.json']);
    expect(year.isYearFolder).toBe(true);
    expect(year.album).toBeNull();
    expect(year.other).toEqual(['metadata.json']);
    expect(year.invalid).toEqual([]);
  });

  it('reads the album’s name and description; other exports are neither', async () => {
    const album = await readTakeoutFolder(tree.album);
    expect(album.album).toMatchObject({
      name: 'Rome, spring 2019',
      description: 'Four days with Ana',
    });
    expect([...album.sidecars.keys()]).toEqual(['DSCN0012.jpg']);
    const root = await readTakeoutFolder(tree.photos);
    expect(root.album).toBeNull();
    expect(root.other.sort()).toEqual([
      'print-subscriptions.json',
      'user-generated-memory-titles.json',
    ]);
  });

  it('keeps the file’s own EXIF date and place over the sidecar’s', () => {
    const f = fills.get('DSCN0010.jpg')!;
    expect(f.takenAt).toBeNull();
    expect(f.gps).toBeNull();
    expect(f.filled).toEqual([]);
  });

  it('gives a stripped photo the Takeout instant as local time at the place', () => {
    const f = fills.get('IMG_20190601_120000.jpg')!;
    expect(f.takenAt).toEqual({
      instant: '2019-06-01T03:00:00Z',
      local: '2019-06-01T12:00:00',
      offsetMinutes: 540,
      zone: 'Asia/Seoul',
      zoneFrom: 'place',
    });
    expect(f.gps).toEqual({ lat: SEOUL[0], lon: SEOUL[1], alt: null });
    expect(f.description).toBe('The 7 bus in Seoul');
    expect(f.favorite).toBe(true);
    expect(f.filled).toEqual(['place', 'date', 'description', 'favorite']);
  });

  it('treats 0/0 as no location', () => {
    const f = fills.get('nullisland.jpg')!;
    expect(f.gps).toBeNull();
    expect(f.takenAt).toMatchObject({ local: '2019-03-01T10:00:00', zoneFrom: 'system' });
  });

  it('keeps duplicates’ dates apart and gives edited copies their original’s', () => {
    expect(fills.get('IMG_0001.jpg')!.takenAt?.instant).toBe('2019-01-01T09:00:00Z');
    expect(fills.get('IMG_0001(1).jpg')!.takenAt?.instant).toBe('2019-02-02T09:00:00Z');
    for (const m of ['IMG_0002.jpg', 'IMG_0002-edited.jpg']) {
      expect(fills.get(m)!.takenAt).toMatchObject({
        local: '2019-04-04T10:00:00',
        zone: 'Europe/Rome',
      });
      expect(fills.get(m)!.gps).toEqual({ lat: 41.9, lon: 12.5, alt: null });
    }
  });

  it('carries the people Google named', () => {
    expect(fills.get('IMG_0004.jpg')!.people).toEqual(['Barack Obama']);
  });

  it('fills what the files lack: dates of stripped photos, places, a description, a favourite', () => {
    const all = [...fills.values()];
    const count = (field: string) => all.filter((f) => f.filled.includes(field as never)).length;
    // Every stripped photo got its date; the two with EXIF dates (DSCN0010, IMG_0004) did not.
    expect(count('date')).toBe(13);
    expect([count('place'), count('description'), count('favorite')]).toEqual([3, 1, 1]);
  });

  it('never takes a JSON file for a photo or an unreadable file', async () => {
    expect(readdirSync(tree.year).filter((f) => f.endsWith('.json') && isCandidateFile(f))).toEqual(
      [],
    );
    const picto = new Picto({ dataDir: path.join(tmp, 'data') });
    try {
      await picto.folders.add(tree.root);
      const summary = await picto.scan();
      expect(summary.issues).toBe(0);
      expect(picto.repos.fileIssues.all()).toEqual([]);
      const count = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jpg')).length;
      const photos = picto.repos.db.prepare('SELECT COUNT(*) AS n FROM locations').get() as {
        n: number;
      };
      expect(photos.n).toBe(count(tree.year) + count(tree.album));
    } finally {
      await picto.close();
    }
  });
});
