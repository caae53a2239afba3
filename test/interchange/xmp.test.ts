import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { openExifTool, type ExifTool } from '../../src/interchange/exiftool-session.js';
import { sidecarOwnership } from '../../src/interchange/ownership.js';
import { SidecarService } from '../../src/interchange/sidecars.js';
import { mergedTags } from '../../src/interchange/sidecar-merge.js';
import { buildSidecar, sidecarModel, toStored, wroteList } from '../../src/interchange/xmp.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';

/** Where a white dot stored at (u, v) appears once a viewer applies the orientation. */
async function displayedDot(u: number, v: number, orientation: number): Promise<[number, number]> {
  const W = 60;
  const H = 40;
  const px = Buffer.alloc(W * H * 3);
  const sx = Math.round(u * (W - 1));
  const sy = Math.round(v * (H - 1));
  px.fill(255, (sy * W + sx) * 3, (sy * W + sx) * 3 + 3);
  const png = await sharp(px, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .withMetadata({ orientation })
    .toBuffer();
  const { data, info } = await sharp(png).rotate().raw().toBuffer({ resolveWithObject: true });
  let best = 0;
  let at = 0;
  for (let i = 0; i < info.width * info.height; i++) {
    if (data[i * info.channels] > best) {
      best = data[i * info.channels];
      at = i;
    }
  }
  return [(at % info.width) / (info.width - 1), Math.floor(at / info.width) / (info.height - 1)];
}

describe('XMP sidecars', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'maps displayed points back to stored pixels (orientation %i)',
    async (o) => {
      const [x, y] = await displayedDot(0.2, 0.3, o);
      const [u, v] = toStored(x, y, o);
      expect(u).toBeCloseTo(0.2, 1);
      expect(v).toBeCloseTo(0.3, 1);
    },
  );

  it('writes tags, people and face regions as escaped XMP', () => {
    const xml = buildSidecar({
      objects: [{ label: 'dog', groups: ['animal'] }],
      faces: [{ name: 'Zoë & "Al" <x>', box: [100, 50, 40, 60] }],
      width: 400,
      height: 300,
      orientation: 1,
    });
    expect(xml).toContain('<rdf:li>animal</rdf:li><rdf:li>dog</rdf:li>');
    expect(xml).toContain('Zoë &amp; &quot;Al&quot; &lt;x&gt;');
    expect(xml).toContain('stArea:x="0.3" stArea:y="0.266667" stArea:w="0.1" stArea:h="0.2"');
    expect(xml).toContain('stDim:w="400" stDim:h="300"');
  });

  it('merges: takes back what Picto wrote before, keeps what others added', () => {
    const before = sidecarModel({
      objects: [{ label: 'dog', groups: ['animal'] }],
      faces: [
        { name: 'Al', box: [10, 10, 20, 20] },
        { name: 'Bo', box: [60, 10, 20, 20] },
      ],
      rating: 2,
      width: 100,
      height: 100,
      orientation: 1,
    });
    const now = sidecarModel({
      objects: [{ label: 'dog', groups: ['animal'] }],
      faces: [{ name: 'Alan', box: [10, 10, 20, 20] }],
      rating: 4,
      width: 100,
      height: 100,
      orientation: 1,
    });
    const region = (l: number, t: number, name?: string) => ({
      Area: { X: l + 0.1, Y: t + 0.1, W: 0.2, H: 0.2, Unit: 'normalized' },
      Type: 'Face',
      ...(name ? { Name: name } : {}),
    });
    const existing = {
      'XMP-dc:Subject': ['Al', 'Bo', 'animal', 'dog', 'Beach'],
      'XMP-digiKam:TagsList': ['People/Al', 'People/Bo', 'Picto/animal/dog', 'Events/Beach'],
      'XMP-iptcExt:PersonInImage': ['Al', 'Bo'],
      'XMP-mwg-rs:RegionInfo': {
        AppliedToDimensions: { W: 100, H: 100, Unit: 'pixel' },
        // Picto's Al and Bo, and a face someone drew by hand.
        RegionList: [region(0.1, 0.1, 'Al'), region(0.6, 0.1, 'Bo'), region(0.3, 0.6, 'Cy')],
      },
      'XMP-xmp:Rating': 2,
      'XMP-picto:Wrote': wroteList(before),
      'XMP-picto:Sidecar': 'v2-0000000000000000',
    };
    const tags = mergedTags(existing, now);
    expect(tags['XMP-dc:Subject']).toEqual(['animal', 'dog', 'Beach', 'Alan']);
    expect(tags['XMP-digiKam:TagsList']).toEqual([
      'Picto/animal/dog',
      'Events/Beach',
      'People/Alan',
    ]);
    expect(tags['XMP-iptcExt:PersonInImage']).toEqual(['Alan']);
    const list = (tags['XMP-mwg-rs:RegionInfo'] as { RegionList: { Name?: string }[] }).RegionList;
    expect(list.map((r) => r.Name)).toEqual(['Alan', 'Cy']);
    // The rating was still Picto's old one: Picto's new one replaces it. A mark is kept as it is.
    expect(tags['XMP-xmp:Rating']).toBe(4);
    expect(tags['XMP-picto:Sidecar']).toBeUndefined();
    expect(mergedTags({ ...existing, 'XMP-xmp:Rating': 5 }, now)['XMP-xmp:Rating']).toBeUndefined();
    // Another program's file without any of it gets Picto's mark for the merge copy.
    expect(mergedTags({ 'XMP-dc:Subject': ['x'] }, now)['XMP-picto:Sidecar']).toBe('merged');
  });

  describe.skipIf(!hasCorpus)('on a library', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-xmp-'));
    const lib = path.join(tmp, 'lib');
    const a = path.join(lib, 'two.jpg');
    const b = path.join(lib, 'obama.jpg');
    const c = path.join(lib, 'kit.jpg');
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    let picto: Picto;
    let et: ExifTool;
    let originals: string[];
    let foreign: string;

    beforeAll(async () => {
      mkdirSync(lib);
      copyFileSync(corpusPath('faces/face_recognition/two_people.jpg'), a);
      copyFileSync(corpusPath('faces/face_recognition/obama.jpg'), b);
      copyFileSync(corpusPath('faces/face_recognition/kit_with_rose.jpg'), c);
      // Another program's files: one ExifTool cannot even read, one proper digiKam sidecar.
      writeFileSync(`${b}.xmp`, '<x:xmpmeta>written by another program</x:xmpmeta>');
      et = openExifTool();
      await et.write(
        `${c}.xmp`,
        { 'XMP-digiKam:TagsList': ['Events/Garden'], 'XMP-xmp:Rating': 2 } as never,
        { writeArgs: ['-overwrite_original'] },
      );
      foreign = sha(`${c}.xmp`);
      originals = [sha(a), sha(b), sha(c)];
      picto = new Picto({ dataDir: path.join(tmp, 'data') });
      await picto.folders.add(lib);
      await picto.scan();
      picto.runner.start();
      await picto.runner.drain();
      const now = new Date().toISOString();
      const person = picto.repos.db
        .prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Barack', ?, ?)`)
        .run(now, now).lastInsertRowid;
      picto.repos.db.prepare('UPDATE faces SET person_id = ?').run(person);
      // One face of two.jpg stays unnamed: it is still written, as an unnamed region.
      const faces = picto.repos.db
        .prepare(
          `SELECT f.id FROM faces f JOIN locations l ON l.photo_id = f.photo_id WHERE l.path = ? ORDER BY f.x`,
        )
        .all(a) as { id: string }[];
      expect(faces.length).toBe(2);
      picto.repos.db.prepare('UPDATE faces SET person_id = NULL WHERE id = ?').run(faces[1].id);
    });
    afterAll(async () => {
      await picto?.close();
      await et?.end();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('writes beside originals only when asked, never over a foreign sidecar, originals untouched', async () => {
      const service = new SidecarService(picto.repos);
      const dry = await service.write({ dryRun: true });
      expect(dry.written).toBe(1);
      expect(() => readFileSync(`${a}.xmp`)).toThrow();

      const report = await service.write({ extras: (id) => (id ? { rating: 5 } : undefined) });
      expect(report.written).toBe(1);
      expect(report.skipped.map((s) => path.basename(s.path)).sort()).toEqual([
        'kit.jpg.xmp',
        'obama.jpg.xmp',
      ]);
      const xml = readFileSync(`${a}.xmp`, 'utf8');
      expect(xml).toContain('<rdf:li>Barack</rdf:li>');
      expect(xml).toContain('<rdf:li>person</rdf:li>');
      expect(xml).toContain('<rdf:li>People/Barack</rdf:li>');
      expect(xml).toContain('xmp:Rating="5"');
      // Both faces as regions, one named, in both MWG and Microsoft shapes.
      expect(xml.match(/<mwg-rs:Type>Face<\/mwg-rs:Type>/g)).toHaveLength(2);
      expect(xml.match(/<mwg-rs:Name>/g)).toHaveLength(1);
      expect(xml.match(/<MPReg:Rectangle>/g)).toHaveLength(2);
      expect(readFileSync(`${b}.xmp`, 'utf8')).toContain('another program');
      expect(sha(`${c}.xmp`)).toBe(foreign);
      expect((await service.write({ extras: () => ({ rating: 5 }) })).unchanged).toBe(1);
      expect([sha(a), sha(b), sha(c)]).toEqual(originals);
    });

    it('merges into its own sidecar after another tool rewrote it, keeping what that tool set', async () => {
      await et.write(`${a}.xmp`, { Rating: 3, 'XMP-dc:Subject+': ['garden'] } as never, {
        writeArgs: ['-overwrite_original'],
      });
      const service = new SidecarService(picto.repos);
      const rated = { extras: () => ({ rating: 5 }) };
      // Nothing new from Picto: the rewritten file is left as it is.
      expect((await service.write(rated)).unchanged).toBe(1);
      // The person is renamed in Picto: the old name goes, the other tool's additions stay.
      picto.repos.db.prepare(`UPDATE people SET name = 'Barack Obama'`).run();
      const report = await service.write(rated);
      expect(report.merged).toBe(1);
      expect(report.written).toBe(0);
      const raw = (await et.readRaw(`${a}.xmp`, { readArgs: ['-G1', '-struct', '-n'] })) as Record<
        string,
        unknown
      >;
      expect(raw['XMP-xmp:Rating']).toBe(3);
      expect(raw['XMP-dc:Subject']).toEqual(
        expect.arrayContaining(['garden', 'Barack Obama', 'person']),
      );
      expect(raw['XMP-dc:Subject']).not.toContain('Barack');
      expect(raw['XMP-digiKam:TagsList']).toEqual(expect.arrayContaining(['People/Barack Obama']));
      expect(raw['XMP-digiKam:TagsList']).not.toContain('People/Barack');
      const regions = (raw['XMP-mwg-rs:RegionInfo'] as { RegionList: unknown[] }).RegionList;
      expect(regions).toHaveLength(2);
      expect(sidecarOwnership(readFileSync(`${a}.xmp`, 'utf8'))).toBe('picto-modified');
      expect((await service.write(rated)).unchanged).toBe(1);
      expect([sha(a), sha(b), sha(c)]).toEqual(originals);
    });

    it('offers a merge copy beside another program’s sidecar, which stays byte-identical', async () => {
      const report = await new SidecarService(picto.repos).write({ foreign: 'copy' });
      expect(report.foreign).toBe('copy');
      expect(report.copies.map((x) => path.basename(x.path)).sort()).toEqual([
        'kit.jpg.picto.xmp',
        'obama.jpg.picto.xmp',
      ]);
      expect(report.copies.find((x) => x.path === `${c}.picto.xmp`)?.beside).toBe(`${c}.xmp`);
      expect(report.skipped).toEqual([]);
      expect(sha(`${c}.xmp`)).toBe(foreign);
      expect(readFileSync(`${b}.xmp`, 'utf8')).toBe(
        '<x:xmpmeta>written by another program</x:xmpmeta>',
      );
      const copy = readFileSync(`${c}.picto.xmp`, 'utf8');
      expect(sidecarOwnership(copy)).toBe('picto-modified');
      const raw = (await et.readRaw(`${c}.picto.xmp`, {
        readArgs: ['-G1', '-struct', '-n'],
      })) as Record<string, unknown>;
      expect(raw['XMP-digiKam:TagsList']).toEqual(
        expect.arrayContaining(['Events/Garden', 'People/Barack Obama']),
      );
      expect(raw['XMP-xmp:Rating']).toBe(2);
      const again = await new SidecarService(picto.repos).write({ foreign: 'copy' });
      expect(again.copies).toEqual([]);
      expect([sha(a), sha(b), sha(c)]).toEqual(originals);
    });
  });
});
