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
import { buildSidecar, toStored } from '../../src/interchange/xmp.js';
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
      // Nothing new from Picto: the rewritten file is left as it is.
      expect((await service.write()).unchanged).toBe(1);
      // The person is renamed in Picto: the old name goes, the other tool's additions stay.
      picto.repos.db.prepare(`UPDATE people SET name = 'Barack Obama'`).run();
      const report = await service.write();
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
      expect((await service.write()).unchanged).toBe(1);
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
