// What digiKam, Lightroom and Picasa write (made by ExifTool in their shapes, test/helpers/
// xmp-shapes.ts) read back on real face photos, upright and rotated; and Picto's own sidecars as
// ExifTool reads them, before and after ExifTool rewrites them.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExifTool, type ExifTool } from '../../src/interchange/exiftool-session.js';
import { matchFaceNames } from '../../src/interchange/faces-match.js';
import { rectToBox, type NormRect } from '../../src/interchange/geometry.js';
import { sidecarOwnership } from '../../src/interchange/ownership.js';
import { mapInterchangeTags } from '../../src/interchange/xmp-read/map.js';
import {
  readPhotoInterchange,
  INTERCHANGE_READ_ARGS,
} from '../../src/interchange/xmp-read/read.js';
import type { Region } from '../../src/interchange/xmp-read/regions.js';
import { sidecarsInFolder } from '../../src/interchange/xmp-read/sidecar-files.js';
import { mergeSidecar } from '../../src/interchange/sidecar-merge.js';
import { buildSidecar, sidecarModel } from '../../src/interchange/xmp.js';
import { iou } from '../../src/ml/index.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import {
  fixtureFaces,
  orientedCopy,
  storedRect,
  writeDigikamSidecar,
  writeLightroom,
  writePicasaEmbedded,
  type ShapeFace,
  type Turn,
} from '../helpers/xmp-shapes.js';

const NAMES = ['Ana Lima', 'Ben Ode', 'Cleo Park'];

/** The named regions, each with the fixture face it lies on (IoU ≥ 0.9 required). */
function onFaces(regions: Region[], faces: NormRect[]): (number | null)[] {
  return regions.map((r) => {
    const best = faces.map((f) => iou(f, r.rect));
    const i = best.indexOf(Math.max(...best));
    return best[i] >= 0.9 ? i : null;
  });
}

describe.skipIf(!hasCorpus)('other tools’ XMP on real photos', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-shapes-'));
  let et: ExifTool;
  beforeAll(() => {
    et = openExifTool();
  });
  afterAll(async () => {
    await et.end();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A copy of a face photo stored with `turn`, and its faces in stored coordinates. */
  async function prepare(file: string, turn: Turn, dir: string, name = 'photo.jpg') {
    const folder = path.join(tmp, dir);
    mkdirSync(folder, { recursive: true });
    const photo = path.join(folder, name);
    await orientedCopy(corpusPath('faces', file), photo, turn);
    const meta = await sharp(photo).metadata();
    const fx = fixtureFaces(file);
    const stored = await Promise.all(fx.faces.map((f) => storedRect(f, turn)));
    return { folder, photo, fx, stored, storedW: meta.width!, storedH: meta.height! };
  }

  async function readBack(photo: string, turn: Turn, size?: { width: number; height: number }) {
    const files = readdirSync(path.dirname(photo));
    const sidecars = sidecarsInFolder(files).get(path.basename(photo)) ?? null;
    return readPhotoInterchange(et, photo, sidecars, turn, { size });
  }

  for (const turn of [1, 6] as Turn[]) {
    it(`digiKam sidecar (orientation ${turn}): both region shapes, tags, rating, caption`, async () => {
      const p = await prepare('face_recognition/two_people.jpg', turn, `digikam-${turn}`);
      const faces: ShapeFace[] = p.stored.map((s, i) => ({ name: NAMES[i], stored: s }));
      await writeDigikamSidecar(et, p.photo, { ...p, faces, orientation: turn });
      const got = await readBack(p.photo, turn, { width: p.fx.width, height: p.fx.height });
      expect(got.read.map((f) => path.basename(f))).toEqual(['photo.jpg.xmp', 'photo.jpg']);
      const m = got.metadata;
      expect(m.found).toEqual(
        expect.arrayContaining([
          'mwg-regions',
          'mp-regions',
          'digikam-tags',
          'lr-hierarchy',
          'rating',
        ]),
      );
      // digiKam writes each face twice (MWG and Microsoft): one region per face comes back.
      expect(m.regions.map((r) => r.name)).toEqual(['Ana Lima', 'Ben Ode']);
      expect(onFaces(m.regions, p.fx.faces)).toEqual([0, 1]);
      expect(m.keywords.map((k) => k.text)).toEqual(['Places/Korea/Seoul', 'Events/Wedding']);
      expect(m.keywords[0].leaf).toBe('Seoul');
      expect(m.people).toEqual([]);
      expect([m.rating, m.rejected, m.description]).toEqual([4, false, 'The wedding in Seoul']);

      // Pixel boxes on the displayed photo, as faces are stored.
      const px = rectToBox(p.fx.faces[0], p.fx.width, p.fx.height);
      m.regions[0].box!.forEach((v, i) =>
        expect(Math.abs(v - px[i])).toBeLessThan(0.02 * p.fx.width),
      );
      // The detected faces (here the fixture's boxes) get named.
      const detected = p.fx.faces.map((f, i) => ({
        id: `face-${i}`,
        rect: f,
      }));
      const named = matchFaceNames(
        detected,
        m.regions.map((r) => ({ name: r.name!, rect: r.rect })),
      );
      expect(named.names.map((n) => [n.faceId, n.name])).toEqual([
        ['face-0', 'Ana Lima'],
        ['face-1', 'Ben Ode'],
      ]);
    });
  }

  it('Lightroom, embedded (orientation 8): every level in dc:subject folds into one path', async () => {
    const p = await prepare('face_recognition/obama_and_biden.jpg', 8, 'lr-embedded');
    const faces: ShapeFace[] = p.stored.slice(0, 2).map((s, i) => ({ name: NAMES[i], stored: s }));
    await writeLightroom(et, p.photo, { ...p, faces, orientation: 8, rating: 5 });
    const m = (await readBack(p.photo, 8)).metadata;
    expect(m.regions.map((r) => r.name)).toEqual(['Ana Lima', 'Ben Ode']);
    expect(onFaces(m.regions, p.fx.faces)).toEqual([0, 1]);
    expect(m.keywords.map((k) => k.text)).toEqual(['Places/Korea/Seoul']);
    expect([m.rating, m.description]).toEqual([5, 'Dinner in Seoul']);
  });

  it('Lightroom-style NAME.xmp beside the photo: a rejected photo has no rating', async () => {
    const p = await prepare('face_recognition/kit_with_rose.jpg', 1, 'lr-sidecar', 'DSC_0001.jpg');
    const faces: ShapeFace[] = [{ name: 'Cleo Park', stored: p.stored[0] }];
    await writeLightroom(et, path.join(p.folder, 'DSC_0001.xmp'), {
      ...p,
      faces,
      orientation: 1,
      rating: -1,
    });
    const got = await readBack(p.photo, 1);
    expect(got.read.map((f) => path.basename(f))).toEqual(['DSC_0001.xmp', 'DSC_0001.jpg']);
    expect([got.metadata.rating, got.metadata.rejected]).toEqual([null, true]);
    expect(got.metadata.regions.map((r) => r.name)).toEqual(['Cleo Park']);
  });

  it('Picasa, embedded (orientation 3): named and unnamed faces, IPTC keywords and caption', async () => {
    const p = await prepare('deepface/couple.jpg', 3, 'picasa');
    const faces: ShapeFace[] = [
      { name: 'Ana Lima', stored: p.stored[0] },
      { name: null, stored: p.stored[1] },
    ];
    await writePicasaEmbedded(et, p.photo, { ...p, faces, orientation: 3 });
    const m = (await readBack(p.photo, 3)).metadata;
    expect(m.regions.map((r) => r.name)).toEqual(['Ana Lima', null]);
    expect(onFaces(m.regions, p.fx.faces)).toEqual([0, 1]);
    expect(m.keywords.map((k) => k.text)).toEqual(['beach', 'family']);
    // "OLYMPUS DIGITAL CAMERA" in EXIF is boilerplate; the caption is the description.
    expect(m.description).toBe('At the beach');
  });

  describe('Picto’s own sidecars', () => {
    let p: Awaited<ReturnType<typeof prepare>>;
    let sidecar: string;
    beforeAll(async () => {
      p = await prepare('face_recognition/two_people.jpg', 6, 'picto');
      const [w, h] = [p.storedH, p.storedW]; // displayed size of a turned copy
      sidecar = `${p.photo}.xmp`;
      const xml = buildSidecar({
        objects: [{ label: 'dog', groups: ['animal'] }],
        faces: [
          { name: 'Ana Lima', box: rectToBox(p.fx.faces[0], w, h) },
          { name: null, box: rectToBox(p.fx.faces[1], w, h) },
        ],
        keywords: [['Places', 'Korea', 'Seoul']],
        rating: 4,
        description: 'Two friends',
        width: w,
        height: h,
        orientation: 6,
      });
      writeFileSync(sidecar, xml);
    });

    it('read by ExifTool: TagsList People/NAME, hierarchies, named and unnamed regions in both shapes', async () => {
      const raw = (await et.readRaw(sidecar, {
        readArgs: INTERCHANGE_READ_ARGS,
        useMWG: false,
      })) as Record<string, unknown>;
      expect(raw['XMP-digiKam:TagsList']).toEqual([
        'People/Ana Lima',
        'Picto/animal/dog',
        'Places/Korea/Seoul',
      ]);
      expect(raw['XMP-lr:HierarchicalSubject']).toEqual([
        'People|Ana Lima',
        'Picto|animal|dog',
        'Places|Korea|Seoul',
      ]);
      expect(raw['XMP-iptcExt:PersonInImage']).toEqual(['Ana Lima']);
      expect(raw['XMP-xmp:Rating']).toBe(4);
      expect(raw['XMP-dc:Description']).toBe('Two friends');
      expect(raw['ExifTool:Warning']).toBeUndefined();
      const mwg = raw['XMP-mwg-rs:RegionInfo'] as {
        AppliedToDimensions: { W: number; H: number };
        RegionList: {
          Name?: string;
          Type: string;
          Area: { X: number; Y: number; W: number; H: number };
        }[];
      };
      expect(mwg.AppliedToDimensions).toMatchObject({ W: p.storedW, H: p.storedH });
      expect(mwg.RegionList.map((r) => [r.Name ?? null, r.Type])).toEqual([
        ['Ana Lima', 'Face'],
        [null, 'Face'],
      ]);
      // The stored areas agree with where sharp puts the faces when it turns the pixels.
      mwg.RegionList.forEach((r, i) => {
        const rect: NormRect = [
          r.Area.X - r.Area.W / 2,
          r.Area.Y - r.Area.H / 2,
          r.Area.W,
          r.Area.H,
        ];
        expect(iou(rect, p.stored[i])).toBeGreaterThan(0.95);
      });
      const mp = raw['XMP-MP:RegionInfoMP'] as {
        Regions: { PersonDisplayName?: string; Rectangle: string }[];
      };
      expect(mp.Regions.map((r) => r.PersonDisplayName ?? null)).toEqual(['Ana Lima', null]);
      const rect = mp.Regions[0].Rectangle.split(',').map(Number) as NormRect;
      expect(iou(rect, p.stored[0])).toBeGreaterThan(0.95);
    });

    it('passes ExifTool’s validation', async () => {
      const raw = (await et.readRaw(sidecar, {
        readArgs: ['-G1', '-validate', '-warning', '-a'],
      })) as Record<string, unknown>;
      expect(raw['ExifTool:Validate']).toBe('OK');
    });

    it('is recognised as Picto’s and not read back as outside knowledge', async () => {
      expect(sidecarOwnership(readFileSync(sidecar, 'utf8'))).toBe('picto');
      const got = await readBack(p.photo, 6);
      expect(got.own).toEqual([sidecar]);
      expect(got.read).toEqual([p.photo]);
    });

    it('stays Picto’s after ExifTool rewrites it (-Rating=3), marked as changed by someone else', async () => {
      await et.write(sidecar, { Rating: 3 }, { writeArgs: ['-overwrite_original'] });
      const text = readFileSync(sidecar, 'utf8');
      expect(text).not.toContain('picto:Sidecar="'); // the attribute became an element
      expect(sidecarOwnership(text)).toBe('picto-modified');
      const raw = (await et.readRaw(sidecar, {
        readArgs: INTERCHANGE_READ_ARGS,
        useMWG: false,
      })) as Record<string, unknown>;
      const m = mapInterchangeTags(raw, 6);
      expect(m.pictoSidecar).toBe(true);
      expect(m.rating).toBe(3);
      expect(m.regions.map((r) => r.name)).toEqual(['Ana Lima', null]);
      expect(onFaces(m.regions, p.fx.faces)).toEqual([0, 1]);
    });

    it('is read for what the other tool added, not for what Picto wrote', async () => {
      await et.write(
        sidecar,
        {
          'XMP-digiKam:TagsList+': ['Events/Graduation'],
          'XMP-dc:Subject+': ['Graduation'],
        } as never,
        { writeArgs: ['-overwrite_original'] },
      );
      const got = await readBack(p.photo, 6);
      expect(got.own).toEqual([]);
      expect(got.read).toEqual([sidecar, p.photo]);
      const m = got.metadata;
      expect(m.keywords.map((k) => k.text)).toEqual(['Events/Graduation']);
      expect([m.rating, m.description, m.regions, m.people]).toEqual([3, null, [], []]);
    });
  });

  it('refuses to merge into a file that is not XMP, leaving it as it was', async () => {
    const dir = path.join(tmp, 'garbage');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'x.jpg.xmp');
    const bytes = Buffer.from([0xff, 0xd8, 0x00, 0x13, 0x37, 0x42]);
    writeFileSync(file, bytes);
    const model = sidecarModel({
      objects: [{ label: 'dog', groups: [] }],
      faces: [],
      width: 10,
      height: 10,
      orientation: 1,
    });
    await expect(mergeSidecar(et, file, `${file}.copy.xmp`, model)).rejects.toThrow();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['x.jpg.xmp']);
  });
});
