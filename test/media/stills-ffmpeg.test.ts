// Stills that were missing: JPEG XL, JPEG 2000, BMP and PSD are listed and decoded through ffmpeg
// when it can; a truncated HEIF is an error, never a tiny "ready" photo; the Apple MakerNote's
// Live Photo id is read.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { appleContentIdentifier } from '../../src/media/apple-makernote.js';
import { bmffTruncation } from '../../src/media/bmff.js';
import {
  closeMedia,
  isCandidateFile,
  isMediaError,
  mediaPartial,
  processMedia,
  readMetadata,
} from '../../src/media/index.js';
import { parsePpm } from '../../src/media/video/still.js';
import { videoTools } from '../../src/media/video/index.js';

const exif = (...p: string[]) => corpusPath('exif', ...p);

describe('still formats listed and parsed', () => {
  it('lists JPEG XL, JPEG 2000, BMP and PSD files', () => {
    for (const name of ['Reagan.jxl', 'x.JP2', 'x.j2k', 'scan.bmp', 'layers.psd']) {
      expect(isCandidateFile(name), name).toBe(true);
    }
  });

  it('reads a binary PPM', () => {
    const ppm = Buffer.concat([Buffer.from('P6\n2 1\n255\n'), Buffer.from([1, 2, 3, 4, 5, 6])]);
    expect(parsePpm(ppm)).toMatchObject({ width: 2, height: 1, channels: 3 });
    expect(Array.from(parsePpm(ppm)!.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parsePpm(Buffer.from('P6\n2 1\n255\n\x01'))).toBeNull();
    expect(parsePpm(Buffer.from('P5\n2 1\n255\n\x01\x02'))).toBeNull();
  });

  it('finds where an ISO BMFF file is cut off', () => {
    const box = (type: string, size: number, body = size - 8) =>
      Buffer.concat([
        Buffer.from([0, 0, size >> 8, size & 255]),
        Buffer.from(type),
        Buffer.alloc(body),
      ]);
    const whole = Buffer.concat([box('ftyp', 24), box('meta', 40), box('mdat', 100)]);
    expect(bmffTruncation(whole)).toBeNull();
    expect(bmffTruncation(whole.subarray(0, whole.length - 1))).toBe(
      'the mdat box needs 1 more byte(s) than the file has',
    );
    // size 0: the last box runs to the end of the file
    expect(bmffTruncation(Buffer.concat([box('ftyp', 24), box('mdat', 0, 10)]))).toBeNull();
  });

  it("reads Apple's ContentIdentifier from a hand-made MakerNote", () => {
    const id = 'ABCDEF01-2345-6789-ABCD-EF0123456789';
    const header = Buffer.from('Apple iOS\0\0\x01MM', 'latin1');
    const count = Buffer.from([0, 2]);
    const entry = (tag: number, type: number, n: number, value: number) => {
      const b = Buffer.alloc(12);
      b.writeUInt16BE(tag, 0);
      b.writeUInt16BE(type, 2);
      b.writeUInt32BE(n, 4);
      b.writeUInt32BE(value, 8);
      return b;
    };
    const dataAt = header.length + 2 + 2 * 12 + 4;
    const note = Buffer.concat([
      header,
      count,
      entry(0x0001, 9, 1, 14),
      entry(0x0011, 2, id.length + 1, dataAt),
      Buffer.alloc(4),
      Buffer.from(`${id}\0`, 'latin1'),
    ]);
    expect(appleContentIdentifier(new Uint8Array(note))).toBe(id);
    expect(appleContentIdentifier(new Uint8Array(note.subarray(0, note.length - 10)))).toBeNull();
    expect(appleContentIdentifier(Buffer.from('Nikon\0\x02\x10\0\0MM*\0\0\0\x08'))).toBeNull();
  });
});

describe.skipIf(!hasCorpus)('stills through ffmpeg and truncated HEIF (corpus)', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-stills-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });
  const process_ = (file: string, hash: string) =>
    processMedia({ path: file, contentHash: hash, thumbDir, keepImage: true });

  it('decodes Reagan.jxl when the ffmpeg found has libjxl, else keeps its metadata with an error', async () => {
    const { ffmpeg } = await videoTools();
    const file = exif('formats/other/exiv2/Reagan.jxl');
    if (ffmpeg.enabled.includes('libjxl')) {
      const r = await process_(file, 'reaganjxl0000001');
      expect([r.image!.width, r.image!.height]).toEqual([200, 130]);
      expect(r.metadata).toMatchObject({
        format: 'jxl',
        width: 200,
        height: 130,
        takenAt: '2004-06-21T23:37:53.060',
        camera: { make: 'NIKON CORPORATION', model: 'NIKON D1X' },
      });
      expect(r.thumb).not.toBeNull();
    } else {
      const e = await process_(file, 'reaganjxl0000001').catch((x: unknown) => x);
      expect(isMediaError(e) && e.code).toBe('unsupported');
      expect(isMediaError(e) && mediaPartial(e)?.metadata.takenAt).toBe('2004-06-21T23:37:53.060');
    }
  });

  it('fails a truncated JPEG XL with the reason, keeping what it knows', async () => {
    const e = await process_(exif('exiftool_stubs/other/JXL2.jxl'), 'jxl2stub00000001').catch(
      (x: unknown) => x,
    );
    expect(isMediaError(e)).toBe(true);
    if (!isMediaError(e)) return;
    expect(['corrupt', 'unsupported']).toContain(e.code);
    expect(mediaPartial(e)?.metadata.format).toBe('jxl');
  });

  it.each([
    ['BMP.bmp', 'bmp'],
    ['Jpeg2000.jp2', 'jp2'],
    ['Photoshop.psd', 'psd'],
  ])('decodes the %s stub through ffmpeg', async (name, format) => {
    const r = await process_(exif('exiftool_stubs/other', name), `stub-${format}-000001`);
    expect(r.metadata.format).toBe(format);
    expect(r.image!.width).toBeGreaterThan(0);
    expect(r.thumb).not.toBeNull();
  });

  it('refuses heif_truncated_truncated.heic instead of showing its 16×16 item as ready', async () => {
    const file = exif('corrupt/pillow_heif/heif_truncated_truncated.heic');
    expect(bmffTruncation(readFileSync(file))).toMatch(/mdat box needs 1 more byte/);
    const e = await process_(file, 'heiftrunc0000001').catch((x: unknown) => x);
    expect(isMediaError(e) && e.code).toBe('corrupt');
    expect(isMediaError(e) && mediaPartial(e)?.metadata.format).toBe('heic');
  });

  it("reads the Live Photo id of an iPhone HEIC from its MakerNote (exifr's raw bytes)", async () => {
    const m = await readMetadata(exif('formats/heic/ianare/IMG_5195.HEIC'));
    expect(m.contentIdentifier).toBe('570F1469-09C7-4E50-9875-05F21D5BD166');
    const plain = await readMetadata(exif('gps/DSCN0010.jpg'));
    expect(plain.contentIdentifier).toBeUndefined();
  });
});
