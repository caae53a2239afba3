import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

const PHOTOS: [string, string][] = [
  ['Family/2019/Summer', 'faces/face_recognition/obama.jpg'],
  ['Family/2019/Summer', 'faces/face_recognition/obama2.jpg'],
  ['Family/2019/Summer', 'faces/face_recognition/obama3.jpg'],
  ['Family/2019', 'faces/face_recognition/biden.jpg'],
  ['Family/2019', 'faces/face_recognition/biden2.jpg'],
  ['Family', 'faces/face_recognition/two_people.jpg'],
  ['Family', 'faces/face_recognition/kit_harington_john1.jpeg'],
  ['Trips/Italy', 'exif/gps/DSCN0010.jpg'],
  ['Trips/Italy', 'exif/gps/DSCN0012.jpg'],
  ['Trips/Italy/Siena', 'exif/gps/DSCN0021.jpg'],
  ['Trips', 'faces/face_recognition/kit_harington_john2.jpeg'],
  ['Trips', 'exif/orientation/recurser/Portrait_6.jpg'],
];

/** What the user made of each photo, keyed by content (paths are what changes). */
interface Kept {
  id: string;
  favourite: boolean;
  albums: string[];
  faces: number;
  people: string[];
}

function snapshot(
  doc: ExportDocument & { people?: { id: number; name: string | null }[] },
): Map<string, Kept> {
  const names = new Map((doc.people ?? []).map((p) => [p.id, p.name ?? `#${p.id}`]));
  return new Map(
    doc.photos.map((p) => [
      p.contentHash,
      {
        id: p.id,
        favourite: p.favourite,
        albums: [...p.albums].sort(),
        faces: p.faces.length,
        people: p.faces
          .map((f) => (f as { personId?: number | null }).personId)
          .map((id) => (id ? (names.get(id) ?? `#${id}`) : '-'))
          .sort(),
      },
    ]),
  );
}

/** Renames every file and every folder under root (deepest first), and moves some across. */
function shuffleNames(root: string, otherRoot: string, round: number): void {
  const all = readdirSync(root, { recursive: true, withFileTypes: true }).map((e) => ({
    p: path.join(e.parentPath, e.name),
    dir: e.isDirectory(),
  }));
  all.sort((a, b) => b.p.split(path.sep).length - a.p.split(path.sep).length);
  for (const { p, dir } of all) {
    const base = path.basename(p);
    const renamed = dir ? `${base} r${round}` : `r${round}-${base}`;
    renameSync(p, path.join(path.dirname(p), renamed));
  }
  // Two files change library folder, one folder moves into another folder.
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  for (const f of files.slice(0, 2)) {
    renameSync(path.join(f.parentPath, f.name), path.join(otherRoot, `moved-${round}-${f.name}`));
  }
  const dirs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory());
  if (dirs.length >= 2) {
    renameSync(path.join(root, dirs[0].name), path.join(root, dirs[1].name, dirs[0].name));
  }
}

async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!hasCorpus)(
  'renaming and moving everything outside the app keeps what users did',
  () => {
    let tmp: string;
    let libA: string;
    let libB: string;
    let dataDir: string;
    let expected: Map<string, Kept>;

    beforeAll(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-moves-'));
      libA = path.join(tmp, 'Photos');
      libB = path.join(tmp, 'Phone');
      dataDir = path.join(tmp, 'data');
      for (const [dir, src] of PHOTOS) {
        mkdirSync(path.join(libA, dir), { recursive: true });
        copyFileSync(corpusPath(src), path.join(libA, dir, path.basename(src)));
      }
      mkdirSync(libB);
      const picto = new Picto({ dataDir });
      try {
        await picto.folders.add(libA);
        await picto.folders.add(libB);
        await picto.scan();
        picto.runner.start();
        await picto.runner.drain();
        await picto.people.recluster();
        // Name every person, favourite every other photo, put some in albums.
        const people = picto.people.list().filter((p) => p.faceCount > 0);
        expect(people.length).toBeGreaterThanOrEqual(3);
        people.forEach((p, i) => picto.people.corrections.rename(p.id, `Person ${i + 1}`));
        const ids = picto.exporter
          .exportAll()
          .photos.map((p) => p.id)
          .sort();
        picto.collection.setFavourite(
          ids.filter((_, i) => i % 2 === 0),
          true,
        );
        const holiday = picto.collection.createAlbum('Holiday');
        picto.collection.addToAlbum(holiday.id, ids.slice(0, 7));
        const best = picto.collection.createAlbum('Best');
        picto.collection.addToAlbum(best.id, ids.slice(5));
        expected = snapshot(picto.exporter.exportAll() as never);
      } finally {
        await picto.close();
      }
      expect(expected.size).toBe(PHOTOS.length);
      expect([...expected.values()].some((k) => k.people.some((n) => n.startsWith('Person')))).toBe(
        true,
      );
    }, 600_000);

    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('while Picto runs (live watcher)', async () => {
      const picto = new Picto({ dataDir });
      try {
        await picto.scan();
        picto.runner.start();
        await picto.startWatching({ debounceMs: 300, stableMs: 400 });
        await new Promise((r) => setTimeout(r, 500));
        shuffleNames(libA, libB, 1);
        // Every location is a new path: wait until the catalogue knows all of them.
        await until(() => {
          const paths = picto.exporter.exportAll().photos.flatMap((p) => p.paths);
          return (
            paths.length === PHOTOS.length &&
            paths.every(
              (p) => path.basename(p).includes('r1') || path.basename(p).startsWith('moved-1'),
            )
          );
        });
        await picto.runner.drain();
        expect(snapshot(picto.exporter.exportAll() as never)).toEqual(expected);
      } finally {
        await picto.close();
      }
    }, 300_000);

    it('while Picto is stopped (start-up reconcile)', async () => {
      shuffleNames(libA, libB, 2);
      const picto = new Picto({ dataDir });
      try {
        const s = await picto.scan();
        expect(s.added).toBe(0);
        expect(s.removed).toBe(0);
        picto.runner.start();
        await picto.runner.drain();
        await picto.people.recluster();
        expect(snapshot(picto.exporter.exportAll() as never)).toEqual(expected);
      } finally {
        await picto.close();
      }
    }, 300_000);
  },
);
