import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { rng } from '../helpers/random.js';

/** Deterministic pseudo-random numbers, so a failing fuzz case can be reproduced. */
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid PNG header announcing 60000×60000 pixels: a decompression bomb if decoded. */
function bombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60000, 0);
  ihdr.writeUInt32BE(60000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60001 * 4))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Truncations, bit flips, zeroed spans and bogus headers of real photos. */
function fuzzed(sources: Buffer[], count: number, seed: number): { name: string; data: Buffer }[] {
  const rand = rng(seed);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length];
    const data = Buffer.from(src);
    const kind = i % 5;
    let out_ = data;
    if (kind === 0) out_ = data.subarray(0, Math.floor(rand() * data.length));
    else if (kind === 1) {
      for (let f = 0; f < 1 + Math.floor(rand() * 40); f++) {
        const at = Math.floor(rand() * data.length);
        data[at] ^= 1 << Math.floor(rand() * 8);
      }
    } else if (kind === 2) {
      const at = Math.floor(rand() * data.length);
      data.fill(0, at, Math.min(data.length, at + 1 + Math.floor(rand() * 4096)));
    } else if (kind === 3) {
      // Bytes of the header scrambled: markers, sizes and tags become nonsense.
      for (let k = 0; k < 64; k++)
        data[Math.floor(rand() * Math.min(512, data.length))] = Math.floor(rand() * 256);
    } else {
      out_ = Buffer.concat([
        Buffer.from('GIF89a'),
        data.subarray(6, 2000 + Math.floor(rand() * 5000)),
      ]);
    }
    out.push({
      name: `fuzz_${String(i).padStart(3, '0')}_${['trunc', 'flip', 'zero', 'header', 'bogus'][kind]}.jpg`,
      data: out_,
    });
  }
  return out;
}

describe.skipIf(!hasCorpus)('bad input never crashes the indexer', () => {
  let tmp: string;
  let lib: string;
  let doc: ExportDocument;
  let fuzzNames: string[];
  const isRoot = process.getuid?.() === 0;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-bad-input-'));
    lib = path.join(tmp, 'library');
    mkdirSync(lib);
    cpSync(corpusPath('exif', 'corrupt'), path.join(lib, 'corrupt'), { recursive: true });
    const fuzzDir = path.join(lib, 'fuzz');
    mkdirSync(fuzzDir);
    const sources = [
      'exif/gps/DSCN0010.jpg',
      'exif/orientation/recurser/Portrait_6.jpg',
      'exif/formats/png/metadata-extractor/sampleWithExifData.png',
      'exif/formats/webp/metadata-extractor/HTC Desire.webp',
    ]
      .map((p) => corpusPath(p))
      .filter((p) => {
        try {
          readFileSync(p);
          return true;
        } catch {
          return false;
        }
      })
      .map((p) => readFileSync(p));
    const cases = fuzzed(sources, 500, 20261128);
    fuzzNames = cases.map((c) => c.name);
    for (const c of cases) writeFileSync(path.join(fuzzDir, c.name), c.data);

    const odd = path.join(lib, 'odd');
    mkdirSync(odd);
    writeFileSync(path.join(odd, 'empty.jpg'), '');
    writeFileSync(path.join(odd, 'bomb.png'), bombPng());
    writeFileSync(
      path.join(odd, 'png-named.jpg'),
      readFileSync(corpusPath('exif/formats/png/metadata-extractor/sampleWithExifData.png')),
    );
    writeFileSync(path.join(odd, 'text-named.jpg'), 'hello, I am not a photo');
    symlinkSync(odd, path.join(odd, 'loop'));
    symlinkSync(path.join(odd, 'nowhere.jpg'), path.join(odd, 'dangling.jpg'));
    writeFileSync(Buffer.from(path.join(odd, 'bad-\xff-name.jpg'), 'latin1'), 'x');
    let deep = odd;
    while (deep.length < 3500)
      deep = path.join(deep, 'a-rather-long-folder-name-to-make-the-path-long');
    mkdirSync(deep, { recursive: true });
    cpSync(corpusPath('exif/gps/DSCN0012.jpg'), path.join(deep, 'deep.jpg'));
    const locked = path.join(odd, 'locked.jpg');
    cpSync(corpusPath('exif/gps/DSCN0021.jpg'), locked);
    chmodSync(locked, 0o000);

    const picto = new Picto({ dataDir: path.join(tmp, 'data') });
    try {
      await picto.folders.add(lib);
      await picto.scan();
      picto.runner.start();
      await picto.runner.drain();
      doc = picto.exporter.exportAll();
    } finally {
      await picto.close();
    }
  }, 600_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const byName = (name: string) =>
    doc.photos.filter((p) => p.paths.some((x) => path.basename(x) === name));

  it('lists every corrupt corpus file; the undecodable ones with an error', () => {
    const corrupt = readdirSync(corpusPath('exif', 'corrupt'), {
      recursive: true,
      withFileTypes: true,
    })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(corrupt.length).toBe(21);
    for (const name of corrupt) {
      const found = byName(name);
      expect(found, name).toHaveLength(1);
      if (found[0].status === 'error') expect(found[0].error, name).toMatch(/\w{4,}/);
      else expect(found[0].status, name).toBe('ready');
    }
    expect(doc.photos.every((p) => p.status !== 'pending')).toBe(true);
  });

  it('survives 500 fuzzed images: each is catalogued, failures carry their reason', () => {
    let errors = 0;
    for (const name of fuzzNames) {
      const found = doc.photos.filter((p) => p.paths.some((x) => path.basename(x) === name));
      // Identical fuzz outputs (e.g. two truncations to the same length) are one photo.
      expect(found.length, name).toBeLessThanOrEqual(1);
      if (found.length === 0) {
        const samePhoto = doc.photos.some((p) => p.paths.some((x) => x.endsWith(name)));
        expect(samePhoto, name).toBe(false);
        continue;
      }
      if (found[0].status === 'error') {
        errors++;
        expect(found[0].error).toBeTruthy();
      }
    }
    const listed = new Set(doc.photos.flatMap((p) => p.paths.map((x) => path.basename(x))));
    expect(fuzzNames.filter((n) => !listed.has(n))).toEqual([]);
    expect(errors).toBeGreaterThan(100);
  });

  it('gives clear errors for empty, bomb and non-image files, and reads wrong extensions', () => {
    expect(byName('empty.jpg')[0].error).toMatch(/empty/i);
    expect(byName('bomb.png')[0].error).toMatch(/pixel|large|limit/i);
    expect(byName('text-named.jpg')[0].status).toBe('error');
    expect(byName('png-named.jpg')[0].status).toBe('ready');
    expect(byName('deep.jpg')[0].status).toBe('ready');
  });

  it('reports link loops, unreadable and badly named files instead of failing', () => {
    const issues = doc.issues.map((i) => `${path.basename(i.path)}: ${i.error}`);
    expect(issues.some((i) => /^loop: symbolic link loop/.test(i))).toBe(true);
    expect(issues.some((i) => /not valid UTF-8/.test(i))).toBe(true);
    if (!isRoot) expect(issues.some((i) => /^locked\.jpg: .*permission denied/.test(i))).toBe(true);
    expect(byName('dangling.jpg')).toHaveLength(0);
  });
});
