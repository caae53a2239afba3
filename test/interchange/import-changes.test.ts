// Moving in over time, on a real indexed catalogue: sidecars change after the first import (by
// `picto scan` and live, through the watcher), the user has decided things meanwhile, and Picto
// writes its own sidecars for digiKam and Lightroom. What the user decided stays; what a sidecar
// says now replaces what it said before; other programs' sidecars are never changed; Picto's own
// are never read back as news, and still Picto's after ExifTool rewrites them.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { openExifTool, type ExifTool } from '../../src/interchange/exiftool-session.js';
import { INTERCHANGE_READ_ARGS } from '../../src/interchange/xmp-read/read.js';
import { sidecarOwnership } from '../../src/interchange/ownership.js';
import { SidecarService } from '../../src/interchange/sidecars.js';
import { hasCorpus } from '../helpers/corpus.js';
import { makeMoveInLibrary, type MoveInLibrary } from '../helpers/move-in-library.js';
import { sidecarJson, SEOUL } from '../helpers/takeout-tree.js';
import { writeDigikamSidecar } from '../helpers/xmp-shapes.js';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function waitFor(cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!hasCorpus)('moving in: sidecars that change, and sidecars Picto writes', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-movein-changes-'));
  const lib = path.join(tmp, 'Pictures');
  let library: MoveInLibrary;
  let picto: Picto;
  let et: ExifTool;

  beforeAll(async () => {
    et = openExifTool();
    library = await makeMoveInLibrary(lib, et);
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
    await picto.folders.add(lib);
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

  const photoAt = (p: string) => picto.repos.photos.get(picto.repos.locations.byPath(p)!.photo_id)!;
  const personOf = (faceId: string) => {
    const f = picto.repos.people.face(faceId)!;
    return f.person_id === null ? null : picto.repos.people.resolve(f.person_id)!;
  };
  const interchangeRuns = () =>
    new Map(
      (
        picto.repos.db
          .prepare(`SELECT photo_id, updated_at FROM jobs WHERE stage = 'interchange'`)
          .all() as { photo_id: string; updated_at: string }[]
      ).map((r) => [r.photo_id, r.updated_at]),
    );
  const settle = async () => {
    await picto.scan();
    await picto.runner.drain();
    await picto.people.settled();
  };

  it('a changed sidecar is read again, for its photo only; the user’s decisions stand', async () => {
    const dk = photoAt(library.digikam.photo);
    const faces = picto.repos.people.facesInPhoto(dk.id);
    const ana = faces.find((f) => personOf(f.id)?.name === 'Ana Lima')!;
    const ben = faces.find((f) => personOf(f.id)?.name === 'Ben Ode')!;
    // Meanwhile, in Picto: 3 stars, and Ben's face is Bruno.
    picto.collection.setRating([dk.id], 3);
    picto.people.corrections.moveFace(ben.id, { name: 'Bruno' });
    const before = interchangeRuns();

    // In digiKam: Ana is renamed, Ben's face is named Barack Obama (a person Picto has), 2 stars.
    await writeDigikamSidecar(et, library.digikam.photo, {
      ...library.digikam,
      faces: [
        { ...library.digikam.faces[0], name: 'Ana Silva' },
        { ...library.digikam.faces[1], name: 'Barack Obama' },
      ],
      orientation: 6,
    });
    await settle();

    const after = interchangeRuns();
    const rerun = [...after].filter(([id, at]) => before.get(id) !== at).map(([id]) => id);
    expect(rerun).toEqual([dk.id]);
    // The import's own word follows the sidecar; the user's stars and the user's Bruno stay.
    expect(personOf(ana.id)?.name).toBe('Ana Silva');
    expect(personOf(ben.id)?.name).toBe('Bruno');
    expect(photoAt(library.digikam.photo).rating).toBe(3);
    // The name that could not be given is a suggestion for that person.
    const obama = picto.people.list().find((p) => p.name === 'Barack Obama')!;
    const suggested = picto.people.suggestions(obama.id).filter((s) => s.kind === 'face');
    expect(suggested.some((s) => s.kind === 'face' && s.faceId === ben.id && s.imported)).toBe(
      true,
    );
  });

  it('a Takeout sidecar that changes or goes away; an unfavourited photo stays so', async () => {
    const { year } = library.tree;
    const bus = photoAt(path.join(year, 'IMG_20190601_120000.jpg'));
    picto.collection.setFavourite([bus.id], false);
    writeFileSync(
      path.join(year, 'nullisland.jpg.json'),
      sidecarJson({
        title: 'nullisland.jpg',
        taken: '2019-03-01T10:00:00Z',
        geo: SEOUL,
        description: 'Found the place',
      }),
    );
    unlinkSync(path.join(year, 'IMG_0001.jpg.json'));
    await settle();

    const island = photoAt(path.join(year, 'nullisland.jpg'));
    expect([island.lat, island.place_source, island.description]).toEqual([
      SEOUL[0],
      'takeout',
      'Found the place',
    ]);
    // Now at a place: the local time is Seoul's.
    expect([island.taken_at, island.taken_offset]).toEqual(['2019-03-01T19:00:00', 540]);
    // Its sidecar is gone: the file's own date again (it has none but the file's time).
    expect(photoAt(path.join(year, 'IMG_0001.jpg')).taken_source).toBe('file-mtime');
    expect(photoAt(path.join(year, 'IMG_20190601_120000.jpg')).favourite).toBe(0);
  });

  it('the watcher notices a sidecar written while Picto runs', async () => {
    const file = path.join(library.tools, 'DSC_0001.xmp');
    await picto.startWatching({ debounceMs: 200, stableMs: 300 });
    await new Promise((r) => setTimeout(r, 500));
    await et.write(file, { 'XMP-xmp:Rating': 3 } as never, {
      writeArgs: ['-overwrite_original'],
    });
    await waitFor(() => photoAt(path.join(library.tools, 'DSC_0001.jpg')).rating === 3);
    expect(photoAt(path.join(library.tools, 'DSC_0001.jpg')).rating_source).toBe('xmp');
  });

  describe('sidecars Picto writes', () => {
    let foreign: string;
    beforeAll(async () => {
      await picto.flushWatcher();
      foreign = sha(`${library.digikam.photo}.xmp`);
    });

    it('read back: TagsList People/NAME and the named region; other programs’ files untouched', async () => {
      const before = interchangeRuns();
      const report = await new SidecarService(picto.repos).write({ foreign: 'skip' });
      expect(report.skipped.map((s) => path.basename(s.path))).toContain('digikam.jpg.xmp');
      expect(sha(`${library.digikam.photo}.xmp`)).toBe(foreign);
      const obama = path.join(library.tree.year, 'IMG_0004.jpg.xmp');
      const raw = (await et.readRaw(obama, {
        readArgs: INTERCHANGE_READ_ARGS,
        useMWG: false,
      })) as Record<string, unknown>;
      expect(raw['XMP-digiKam:TagsList']).toContain('People/Barack Obama');
      const regions = raw['XMP-mwg-rs:RegionInfo'] as { RegionList: { Name?: string }[] };
      expect(regions.RegionList.map((r) => r.Name)).toContain('Barack Obama');
      // Picasa's keywords travel on in Picto's sidecar.
      const picasa = (await et.readRaw(path.join(library.tools, 'picasa.jpg.xmp'), {
        readArgs: INTERCHANGE_READ_ARGS,
        useMWG: false,
      })) as Record<string, unknown>;
      expect(picasa['XMP-digiKam:TagsList']).toEqual(expect.arrayContaining(['beach', 'family']));
      // Picto's own new sidecars are not news: nothing is read again.
      await settle();
      expect(interchangeRuns()).toEqual(before);

      // --foreign copy: digiKam's file plus Picto's data in a copy beside it.
      const copy = await new SidecarService(picto.repos).write({ foreign: 'copy' });
      expect(copy.copies.map((c) => path.basename(c.path))).toContain('digikam.jpg.picto.xmp');
      expect(sha(`${library.digikam.photo}.xmp`)).toBe(foreign);
      expect(existsSync(path.join(library.tools, 'digikam.jpg.picto.xmp'))).toBe(true);
    });

    it('one rewritten by ExifTool is still Picto’s, and what the other program added comes in', async () => {
      const sidecar = path.join(library.tree.year, 'IMG_0004.jpg.xmp');
      await et.write(sidecar, { 'XMP-xmp:Rating': 2 } as never, {
        writeArgs: ['-overwrite_original'],
      });
      expect(sidecarOwnership(readFileSync(sidecar, 'utf8'))).toBe('picto-modified');
      await settle();
      const photo = photoAt(path.join(library.tree.year, 'IMG_0004.jpg'));
      expect([photo.rating, photo.rating_source]).toEqual([2, 'xmp']);
      // Picto's own name in it is not taken for news: still one Barack Obama, still named.
      const people = picto.people.list().filter((p) => p.name === 'Barack Obama');
      expect(people).toHaveLength(1);
      const report = await new SidecarService(picto.repos).write({});
      expect(report.merged).toBe(1);
      expect(sidecarOwnership(readFileSync(sidecar, 'utf8'))).toBe('picto-modified');
    });
  });
});
