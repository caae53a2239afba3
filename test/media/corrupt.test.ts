// Broken files must never crash or hang a worker: each either decodes (bad metadata, good pixels)
// or fails with a media error (a PictoError with a media code) whose message names the problem, and keeps whatever metadata it had.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';

import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import {
  closeMedia,
  isMediaError,
  mediaPartial,
  type MediaError,
  processMedia,
  readMetadata,
  type ProcessMediaResult,
} from '../../src/media/index.js';

const exif = (...p: string[]) => corpusPath('exif', ...p);

/** What each corpus file must do: decode, or fail with this code and a message matching. */
const CORRUPT: Record<string, 'decodes' | [string, RegExp]> = {
  'ianare_corrupted.jpg': 'decodes',
  'ianare_invalid/image00971.jpg': 'decodes',
  'ianare_invalid/image01088.jpg': 'decodes',
  'ianare_invalid/image01137.jpg': 'decodes',
  'ianare_invalid/image01551.jpg': 'decodes',
  'ianare_invalid/image01713.jpg': 'decodes',
  'ianare_invalid/image01980.jpg': 'decodes',
  'ianare_invalid/image02206.jpg': 'decodes',
  'pillow/hopper_bad_exif.jpg': 'decodes',
  'pillow/truncated_app14.jpg': 'decodes',
  'pillow/broken_exif_dpi.jpg': 'decodes',
  // missing IEND only: every pixel is there (its pHash equals hopper.jpg's)
  'pillow/truncated_end_chunk.png': 'decodes',
  'pillow/truncated_jpeg.jpg': ['corrupt', /^truncated JPEG data/],
  'pillow/truncated_image.png': ['corrupt', /PNG data/],
  'pillow/broken_data_stream.png': ['corrupt', /PNG data/],
  'pillow/broken.png': ['corrupt', /PNG data/],
  'pillow_heif/heif_corrupted_corrupted.heic': ['corrupt', /HEIC data/],
  'pillow_heif/heif_corrupted_empty.heic': ['empty', /^file is empty \(0 bytes\)$/],
  // its (16×16) primary item is whole but the file ends a byte short of its second item:
  // libheif's heif-convert and exiftool call it truncated, and so does Picto (bmff.ts)
  'pillow_heif/heif_truncated_truncated.heic': ['corrupt', /^truncated HEIC data \(the mdat box/],
  'metadata-extractor/IllegalArgumentException.HeifReader.processBoxes.heif': [
    'corrupt',
    /HEIC data/,
  ],
  'metadata-extractor/NegativeArraySizeException.HeifReader.processBoxes.heif': [
    'corrupt',
    /HEIC data/,
  ],
};

async function outcome(file: string, thumbDir: string): Promise<ProcessMediaResult | MediaError> {
  try {
    return await processMedia({
      path: file,
      contentHash: `c-${path.basename(file).replace(/\W/g, '_')}`,
      thumbDir,
    });
  } catch (e) {
    if (isMediaError(e)) return e;
    throw e; // anything else is a bug: the test fails
  }
}

describe.skipIf(!hasCorpus)('corrupt files', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-corrupt-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  it('covers all 21 files of corpus/exif/corrupt', () => {
    const onDisk = readdirSync(exif('corrupt'), { recursive: true })
      .map(String)
      .filter((f) => /\.\w+$/.test(f));
    expect(onDisk.sort()).toEqual(Object.keys(CORRUPT).sort());
  });

  it.each(Object.entries(CORRUPT))('%s', async (file, want) => {
    const t0 = performance.now();
    const got = await outcome(exif('corrupt', file), thumbDir);
    expect(performance.now() - t0, 'must not hang').toBeLessThan(30_000);
    if (want === 'decodes') {
      expect(got, got instanceof Error ? got.message : '').not.toBeInstanceOf(Error);
      const r = got as ProcessMediaResult;
      expect(r.thumb).not.toBeNull();
      expect(r.phash).toMatch(/^[0-9a-f]{16}$/);
      return;
    }
    expect(isMediaError(got)).toBe(true);
    const e = got as MediaError;
    expect(e.code).toBe(want[0]);
    expect(e.message).toMatch(want[1]);
    // the catalogue still gets a metadata record to list the file with
    expect(mediaPartial(e)?.metadata.format).toBeTruthy();
  });

  it('keeps metadata of a decodable file with a broken IFD0 and reports the problem', async () => {
    const r = (await outcome(
      exif('corrupt/pillow/hopper_bad_exif.jpg'),
      thumbDir,
    )) as ProcessMediaResult;
    expect(r.warnings.join(' ')).toMatch(/Bad IFD0|Invalid TIFF/);
  });

  it('decodes a JPEG with corrupt entropy data leniently, and says so', async () => {
    const r = (await outcome(exif('corrupt/ianare_corrupted.jpg'), thumbDir)) as ProcessMediaResult;
    expect([r.metadata.width, r.metadata.height]).toEqual([3648, 2736]);
    expect(r.warnings.join(' ')).toMatch(/decoded leniently/);
  });
});

/** A PNG whose header claims width×height; the pixel data is a token. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('hostile and unreadable inputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-hostile-'));
  const thumbDir = path.join(dir, 'thumbs');
  afterAll(async () => {
    await closeMedia();
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('refuses a decompression bomb before decoding, naming its size', async () => {
    const file = write('bomb.png', pngHeader(50_000, 50_000));
    const e = await outcome(file, thumbDir);
    expect(isMediaError(e)).toBe(true);
    expect((e as MediaError).code).toBe('too-large');
    expect((e as MediaError).message).toBe('image is 50000×50000 px, over the 100 MP limit');
    expect(mediaPartial(e)?.metadata).toMatchObject({
      format: 'png',
      width: 50_000,
      height: 50_000,
    });
  });

  it('names the file empty', async () => {
    const e = (await outcome(write('empty.jpg', ''), thumbDir)) as MediaError;
    expect([e.code, e.message]).toEqual(['empty', 'file is empty (0 bytes)']);
    await expect(readMetadata(path.join(dir, 'empty.jpg'))).rejects.toMatchObject({
      code: 'empty',
    });
  });

  it('refuses non-images whatever their extension', async () => {
    const e = (await outcome(
      write('notes.jpg', 'just some text, not a photo\n'),
      thumbDir,
    )) as MediaError;
    expect(e.code).toBe('unsupported');
    expect(e.message).toBe('content is not a recognised image format (despite the .jpg extension)');
    expect(mediaPartial(e)?.metadata.takenAtSource).toBe('file-mtime');
  });

  it('reports a missing file as unreadable', async () => {
    const e = (await outcome(path.join(dir, 'gone.jpg'), thumbDir)) as MediaError;
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/gone\.jpg: file not found$/);
  });

  it('fails a truncated copy of a real photo cleanly', async () => {
    if (!hasCorpus) return;
    const { readFileSync } = await import('node:fs');
    const whole = readFileSync(exif('gps/DSCN0010.jpg'));
    const e = (await outcome(
      write('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6))),
      thumbDir,
    )) as MediaError;
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/^truncated JPEG data/);
    // the EXIF block at the start survived, so the date is still known
    expect(mediaPartial(e)?.metadata.takenAt).toBe('2008-10-22T16:28:39');
  });
});
