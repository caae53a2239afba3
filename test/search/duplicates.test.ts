import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { RawImage } from '../../src/media/types.js';
import { findDuplicates } from '../../src/search/duplicates/finder.js';
import { hamming, HashIndex } from '../../src/search/duplicates/hash-index.js';
import { computeSignature } from '../../src/search/duplicates/signature.js';
import { mulberry32 } from '../../src/shared/random.js';
import { indexWithoutAi } from '../helpers/indexing.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { FakeLibrary, hexId } from './fixture.js';

describe('hash index (multi-index hashing)', () => {
  it('finds exactly what a brute-force scan finds, radius 3 and 7', () => {
    const rnd = mulberry32(7);
    const n = 4000;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      if (i > 0 && rnd() < 0.5) {
        // A near copy of an earlier hash: flip a few random bits.
        const j = Math.floor(rnd() * i);
        hi[i] = hi[j];
        lo[i] = lo[j];
        for (let f = Math.floor(rnd() * 9); f > 0; f--) {
          const bit = Math.floor(rnd() * 64);
          if (bit < 32) hi[i] ^= 1 << bit;
          else lo[i] ^= 1 << (bit - 32);
        }
      } else {
        hi[i] = Math.floor(rnd() * 2 ** 32);
        lo[i] = Math.floor(rnd() * 2 ** 32);
      }
    }
    const index = new HashIndex(hi, lo);
    for (const radius of [3, 7]) {
      for (let q = 0; q < n; q += 37) {
        const got: number[] = [];
        index.near(hi[q], lo[q], radius, (e) => got.push(e));
        const want = [...Array(n).keys()].filter(
          (i) => hamming(hi[q], lo[q], hi[i], lo[i]) <= radius,
        );
        expect(got.sort((a, b) => a - b)).toEqual(want);
      }
    }
  });
});

/** A synthetic photo with some structure: soft blobs of colour. */
function picture(w: number, h: number, seed: number): RawImage {
  const rnd = mulberry32(seed);
  const blobs = Array.from({ length: 6 }, () => [
    rnd() * w,
    rnd() * h,
    20 + rnd() * w * 0.3,
    rnd() * 255,
  ]);
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 40;
      for (const [bx, by, r, c] of blobs)
        v += c * Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (r * r));
      const p = (y * w + x) * 3;
      data[p] = Math.min(255, v);
      data[p + 1] = Math.min(255, v * 0.8);
      data[p + 2] = Math.min(255, 255 - v / 2);
    }
  }
  return { width: w, height: h, data } as RawImage;
}

function transform(
  img: RawImage,
  f: (x: number, y: number) => [number, number],
  w: number,
  h: number,
): RawImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [sx, sy] = f(x, y);
      const s = (sy * img.width + sx) * 3;
      data.set(img.data.subarray(s, s + 3), (y * w + x) * 3);
    }
  }
  return { width: w, height: h, data } as RawImage;
}

describe('near-duplicate kinds on synthetic pictures', () => {
  it('mirrored, turned, cropped and recompressed copies are found; other pictures are not', () => {
    const a = picture(400, 300, 1);
    const copies: [string, RawImage][] = [
      ['original', a],
      ['mirror', transform(a, (x, y) => [399 - x, y], 400, 300)],
      ['quarter', transform(a, (x, y) => [y, 299 - x], 300, 400)],
      ['half', transform(a, (x, y) => [399 - x, 299 - y], 400, 300)],
      ['crop', transform(a, (x, y) => [x + 140, y], 260, 300)],
      [
        'noisy',
        { ...a, data: a.data.map((v, i) => Math.max(0, Math.min(255, v + ((i * 7919) % 7) - 3))) },
      ],
      ['other', picture(400, 300, 2)],
      ['flat', { width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).fill(128) } as RawImage],
      ['flat2', { width: 32, height: 48, data: new Uint8Array(32 * 48 * 3).fill(90) } as RawImage],
    ];
    const items = copies.map(([id, img]) => ({
      id,
      width: img.width,
      height: img.height,
      ...computeSignature(img),
    }));
    const groups = findDuplicates(items);
    expect(groups).toHaveLength(1);
    const kinds = Object.fromEntries(
      groups[0].pairs
        .filter((p) => items[p.a].id === 'original' || items[p.b].id === 'original')
        .map((p) => [items[p.a].id === 'original' ? items[p.b].id : items[p.a].id, p.kind]),
    );
    expect(kinds).toMatchObject({
      mirror: 'mirror',
      quarter: 'rotated',
      half: 'rotated',
      crop: 'crop',
      noisy: 'near',
    });
    expect(groups[0].members.map((i) => items[i].id)).not.toContain('other');
    expect(groups[0].members.map((i) => items[i].id)).not.toContain('flat');
  });
});

describe('a large library is scanned in a worker thread', () => {
  it('finds a planted copy among 6000 photos without blocking the caller', async () => {
    const lib = new FakeLibrary();
    try {
      const rnd = mulberry32(3);
      const n = 6000;
      lib.add(
        Array.from({ length: n }, (_, i) => ({
          id: hexId(i + 1),
          path: `p${i}.jpg`,
          sortAt: '2020-01-01T00:00:00',
        })),
      );
      const repo = lib.picto.repos.discovery.duplicates;
      lib.db.transaction(() => {
        for (let i = 1; i <= n; i++) {
          const dct = Int8Array.from({ length: 64 }, () => Math.round((rnd() * 2 - 1) * 127));
          const windows = Uint8Array.from({ length: 560 }, () => Math.floor(rnd() * 256));
          repo.saveSignature(hexId(i), { pixels: `x${i}`, dct, windows }, 'test');
        }
        // Photo n is a slightly changed copy of photo 1.
        const one = lib.db
          .prepare('SELECT dct, windows FROM photo_signatures WHERE photo_id = ?')
          .get(hexId(1)) as { dct: Buffer; windows: Buffer };
        const dct = Int8Array.from(new Int8Array(one.dct.buffer, one.dct.byteOffset, 64), (v, k) =>
          k === 63 ? -v : v,
        );
        repo.saveSignature(
          hexId(n),
          { pixels: 'copy', dct, windows: new Uint8Array(one.windows) },
          'test',
        );
      })();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const report = await lib.picto.discovery.duplicates.report();
      clearInterval(timer);
      expect(report.compared).toBe(n);
      expect(report.groups.map((g) => g.photos.map((p) => p.id).sort())).toEqual([
        [hexId(1), hexId(n)],
      ]);
      expect(ticks).toBeGreaterThan(0); // the event loop kept running during the scan
    } finally {
      await lib.close();
    }
  });
});

describe.skipIf(!hasCorpus)(
  'corpus/faces: the three known near-duplicate pairs, and no false pair',
  () => {
    let tmp: string;
    let picto: Picto;
    beforeAll(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-dupes-'));
      const lib = path.join(tmp, 'faces');
      cpSync(corpusPath('faces'), lib, { recursive: true });
      // The same bytes twice: one photo with two files, reported as copies.
      copyFileSync(path.join(lib, 'openface', 'adams.jpg'), path.join(lib, 'adams-copy.jpg'));
      picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
      await indexWithoutAi(picto, lib);
    });
    afterAll(async () => {
      await picto.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    const name = (id: string) =>
      path.relative(path.join(tmp, 'faces'), picto.repos.locations.forPhoto(id)[0].path);

    it('finds re-encode, mirror and crop, nothing else', async () => {
      const report = await picto.discovery.duplicates.report();
      expect(report.compared).toBeGreaterThan(140);
      const found = report.groups.map((g) => ({
        photos: g.photos.map((p) => name(p.id)).sort(),
        kinds: g.pairs.map((p) => p.kind),
        keep: name(g.keep),
      }));
      expect(found.sort((a, b) => a.photos[0].localeCompare(b.photos[0]))).toEqual([
        {
          photos: ['deepface/img11.jpg', 'deepface/img11_reflection.jpg'],
          kinds: ['mirror'],
          keep: 'deepface/img11_reflection.jpg',
        },
        {
          photos: ['face_recognition/32bit.png', 'face_recognition/obama2.jpg'],
          kinds: ['near'],
          keep: 'face_recognition/32bit.png',
        },
        {
          photos: ['face_recognition/obama.jpg', 'face_recognition/obama_partial_face.jpg'],
          kinds: ['crop'],
          keep: 'face_recognition/obama.jpg',
        },
      ]);
      expect(report.copies.map((c) => c.paths.map((p) => path.basename(p)).sort())).toEqual([
        ['adams-copy.jpg', 'adams.jpg'],
      ]);
    });

    it('resolving keeps one, trashes the others and carries favourite and albums over', async () => {
      const g = (await picto.discovery.duplicates.report()).groups.find(
        (x) => x.pairs[0].kind === 'crop',
      )!;
      const original = g.keep;
      const partial = g.photos.find((p) => p.id !== g.keep)!.id;
      picto.collection.setFavourite([partial], true);
      const album = picto.collection.createAlbum('Obama');
      picto.collection.addToAlbum(album.id, [partial]);
      const again = (await picto.discovery.duplicates.report()).groups.find(
        (x) => x.pairs[0].kind === 'crop',
      )!;
      // What a person did outweighs pixels: the favourite crop is now the suggestion.
      expect(again).toMatchObject({ keep: partial, reason: 'it is a favourite' });
      // Keeping the original anyway carries the favourite mark and the album over to it.
      const out = await picto.discovery.duplicates.resolve(again.id, original);
      expect(out.trashed).toEqual([partial]);
      expect(picto.repos.photos.get(partial)?.trashed_at).not.toBeNull();
      expect(picto.repos.photos.get(original)?.favourite).toBe(1);
      expect(picto.repos.albums.photoIds(album.id)).toContain(original);
      expect((await picto.discovery.duplicates.report()).groups).toHaveLength(2);
    });

    it('"not duplicates" is remembered', async () => {
      const g = (await picto.discovery.duplicates.report()).groups[0];
      await picto.discovery.duplicates.dismiss(g.id);
      expect((await picto.discovery.duplicates.report()).groups.map((x) => x.id)).not.toContain(
        g.id,
      );
      await expect(picto.discovery.duplicates.resolve(g.id, g.keep)).rejects.toThrow(
        /no duplicate group/,
      );
    });
  },
);
