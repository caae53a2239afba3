import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { closeMedia, hammingDistance, loadOrientedImage, phash } from '../../src/media/index.js';
import { hashFromCoefficients, lowDct } from '../../src/media/phash.js';
import type { RawImage } from '../../src/media/types.js';

describe('pHash building blocks', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow();
  });

  it('puts a flat image entirely in the DC coefficient', () => {
    const coeffs = lowDct(new Float64Array(32 * 32).fill(100));
    expect(coeffs[0]).toBeCloseTo(100 * 32 * 32, 6);
    for (let i = 1; i < 64; i++) expect(Math.abs(coeffs[i])).toBeLessThan(1e-6);
  });

  it('sets one bit per coefficient above the median, MSB first', () => {
    const coeffs = Float64Array.from({ length: 64 }, (_, i) => (i < 32 ? 0 : 1));
    expect(hashFromCoefficients(coeffs)).toBe('00000000ffffffff');
  });

  it('ignores scale on a synthetic scene', () => {
    // A few soft blobs: every low frequency carries energy, so no bit sits on the median by chance
    // (a separable gradient would leave half the coefficients at exactly 0).
    const blobs = [
      [0.2, 0.3, 0.15, 200],
      [0.7, 0.6, 0.2, 120],
      [0.45, 0.8, 0.1, 255],
      [0.85, 0.15, 0.12, 90],
    ];
    const make = (w: number, h: number): RawImage => {
      const data = new Uint8Array(w * h * 3);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let v = 20;
          for (const [cx, cy, r, a] of blobs) {
            const d2 = (x / w - cx) ** 2 + (y / h - cy) ** 2;
            v += a * Math.exp(-d2 / (2 * r * r));
          }
          const c = Math.min(255, Math.round(v));
          data.set([c, c, c], (y * w + x) * 3);
        }
      }
      return { data, width: w, height: h, channels: 3 };
    };
    const big = phash(make(1440, 960));
    for (const [w, h] of [
      [720, 480],
      [300, 200],
      [97, 65],
    ]) {
      expect(hammingDistance(big, phash(make(w, h))), `${w}×${h}`).toBeLessThanOrEqual(2);
    }
  });
});

const PHOTOS = [
  'camera_jpeg/ianare/jolla.jpg',
  'camera_jpeg/ianare/iphone_hdr_YES.jpg',
  'camera_jpeg/metadata-extractor/Olympus PEN E-P3.jpg',
  'camera_jpeg/metadata-extractor/HTC Desire.jpg',
  'camera_jpeg/metadata-extractor/Apple iPhone 4.jpg',
  'camera_jpeg/metadata-extractor/Canon EOS REBEL T3i.jpg',
  'camera_jpeg/exif-org/fujifilm-dx10.jpg',
  'camera_jpeg/exif-org/nikon-e950.jpg',
  'camera_jpeg/exif-org/kodak-dc240.jpg',
  'edge_cases/ianare/45-gps_ifd.jpg',
  'edge_cases/ianare/11-tests.jpg',
  'gps/DSCN0010.jpg',
  'orientation/recurser/Landscape_0.jpg',
  'orientation/recurser/Portrait_0.jpg',
  'formats/avif/link-u/kimono.avif',
  'formats/avif/link-u/fox.profile0.8bpc.yuv420.avif',
  'formats/pillow/hopper.jpg',
];

describe.skipIf(!hasCorpus)('pHash on real photos', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-phash-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(dir, { recursive: true, force: true });
  });

  it('near-identical copies (resized, recompressed, re-encoded) stay within 6 bits; different photos ≥ 20', async () => {
    const hashes = new Map<string, string>();
    const near: number[] = [];
    const worst: { d: number; what: string }[] = [];
    const closest: { d: number; what: string }[] = [];
    for (const [i, file] of PHOTOS.entries()) {
      const src = corpusPath('exif', file);
      const original = phash(await loadOrientedImage(src));
      hashes.set(file, original);
      const meta = await sharp(src).metadata();
      const variants: [string, Sharp][] = [
        [
          'half.jpg',
          sharp(src)
            .rotate()
            .resize(Math.round((meta.width ?? 200) / 2))
            .jpeg({ quality: 85 }),
        ],
        ['q40.jpg', sharp(src).rotate().jpeg({ quality: 40 })],
        ['small.webp', sharp(src).rotate().resize(320).webp({ quality: 60 })],
        ['brighter.jpg', sharp(src).rotate().modulate({ brightness: 1.1 }).jpeg({ quality: 90 })],
      ];
      for (const [suffix, pipeline] of variants) {
        const out = path.join(dir, `${i}-${suffix}`);
        await pipeline.toFile(out);
        const d = hammingDistance(original, phash(await loadOrientedImage(out)));
        near.push(d);
        worst.push({ d, what: `${file} vs ${suffix}` });
        expect(d, `${file} vs ${suffix}`).toBeLessThanOrEqual(6);
      }
    }
    const far: number[] = [];
    const files = [...hashes.keys()];
    for (let a = 0; a < files.length; a++) {
      for (let b = a + 1; b < files.length; b++) {
        const d = hammingDistance(hashes.get(files[a])!, hashes.get(files[b])!);
        far.push(d);
        closest.push({ d, what: `${files[a]} vs ${files[b]}` });
        expect(d, `${files[a]} vs ${files[b]}`).toBeGreaterThanOrEqual(20);
      }
    }
    const stats = (xs: number[]) =>
      `min ${Math.min(...xs)}, mean ${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(1)}, max ${Math.max(...xs)}`;
    console.log(
      `pHash: near-identical pairs (${near.length}) ${stats(near)}; different photos (${far.length} pairs) ${stats(far)}`,
    );
    console.log('largest near-identical:', worst.sort((a, b) => b.d - a.d).slice(0, 3));
    console.log('closest different:', closest.sort((a, b) => a.d - b.d).slice(0, 3));
  });
});
