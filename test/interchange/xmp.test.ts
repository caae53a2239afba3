import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
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
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('writes beside originals only when asked, never over a foreign sidecar, originals untouched', async () => {
      const lib = path.join(tmp, 'lib');
      mkdirSync(lib);
      const a = path.join(lib, 'two.jpg');
      const b = path.join(lib, 'obama.jpg');
      copyFileSync(corpusPath('faces/face_recognition/two_people.jpg'), a);
      copyFileSync(corpusPath('faces/face_recognition/obama.jpg'), b);
      writeFileSync(`${b}.xmp`, '<x:xmpmeta>written by another program</x:xmpmeta>');
      const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
      const before = [sha(a), sha(b)];
      const picto = new Picto({ dataDir: path.join(tmp, 'data') });
      try {
        await picto.folders.add(lib);
        await picto.scan();
        picto.runner.start();
        await picto.runner.drain();
        const now = new Date().toISOString();
        const person = picto.repos.db
          .prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Barack', ?, ?)`)
          .run(now, now).lastInsertRowid;
        picto.repos.db.prepare('UPDATE faces SET person_id = ?').run(person);

        const service = new SidecarService(picto.repos);
        const dry = await service.write({ dryRun: true });
        expect(dry.written).toBe(1);
        expect(() => readFileSync(`${a}.xmp`)).toThrow();

        const report = await service.write();
        expect(report.written).toBe(1);
        expect(report.skipped.map((s) => path.basename(s.path))).toEqual(['obama.jpg.xmp']);
        const xml = readFileSync(`${a}.xmp`, 'utf8');
        expect(xml).toContain('<rdf:li>Barack</rdf:li>');
        expect(xml).toContain('<rdf:li>person</rdf:li>');
        expect(readFileSync(`${b}.xmp`, 'utf8')).toContain('another program');
        expect((await service.write()).unchanged).toBe(1);
        expect([sha(a), sha(b)]).toEqual(before);
      } finally {
        await picto.close();
      }
    });
  });
});
