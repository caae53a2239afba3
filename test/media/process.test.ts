import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import {
  closeMedia,
  isMediaError,
  mediaPartial,
  processMedia,
  thumbnailPaths,
  thumbnailSize,
  WORK_SIZE,
} from '../../src/media/index.js';

const exif = (...p: string[]) => corpusPath('exif', ...p);

describe('thumbnail geometry and layout', () => {
  it('sizes thumbnails by the short side, caps panoramas, never enlarges', () => {
    expect(thumbnailSize(1440, 1080)).toEqual({ width: 400, height: 300 });
    expect(thumbnailSize(1080, 1440)).toEqual({ width: 300, height: 400 });
    expect(thumbnailSize(1440, 240)).toEqual({ width: 900, height: 150 }); // 6:1 panorama
    expect(thumbnailSize(200, 100)).toEqual({ width: 200, height: 100 });
    expect(thumbnailSize(5000, 1)).toEqual({ width: 900, height: 1 });
  });

  it('names files by content hash in two levels, absolute paths only', () => {
    const p = thumbnailPaths('/data/thumbs', 'abcdef0123456789');
    expect(p).toEqual({
      thumb: '/data/thumbs/ab/cd/abcdef0123456789-thumb.jpg',
      legacyThumb: '/data/thumbs/ab/cd/abcdef0123456789-thumb.webp',
      preview: '/data/thumbs/ab/cd/abcdef0123456789-preview.jpg',
      legacyPreview: '/data/thumbs/ab/cd/abcdef0123456789-preview.webp',
    });
    expect(Object.values(p).every((v) => path.isAbsolute(v))).toBe(true);
    expect(() => thumbnailPaths('/t', '../../etc/passwd')).toThrow();
    expect(() => thumbnailPaths('/t', 'short')).toThrow();
  });
});

describe.skipIf(!hasCorpus)('processMedia', () => {
  const thumbDir = mkdtempSync(path.join(os.tmpdir(), 'picto-process-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(thumbDir, { recursive: true, force: true });
  });

  it('writes the thumbnail under thumbnailPaths from the small decode, no preview for a JPEG', async () => {
    const hash = 'aa11bb22cc33dd44';
    const r = await processMedia({
      path: exif('camera_jpeg/ianare/jolla.jpg'),
      contentHash: hash,
      thumbDir,
      keepImage: true,
    });
    const paths = thumbnailPaths(thumbDir, hash);
    expect(path.join(thumbDir, r.thumb!.file)).toBe(paths.thumb);
    expect(statSync(paths.thumb).size).toBe(r.thumb!.bytes);
    const thumbMeta = await sharp(paths.thumb).metadata();
    expect([thumbMeta.format, thumbMeta.width, thumbMeta.height]).toEqual(['jpeg', 400, 300]);
    // A browser shows the JPEG itself: no preview file ([Note: decode scales] in process.ts).
    expect(r.preview).toBeNull();
    expect(existsSync(paths.preview)).toBe(false);
    // The visible step decodes at the thumbnail's scale (shrink-on-load), not at WORK_SIZE.
    expect([r.image!.width, r.image!.height, r.image!.channels]).toEqual([400, 300, 3]);
    expect(r.image!.data.length).toBe(400 * 300 * 3);
    expect(r.work).toBeUndefined();
    expect(r.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(r.timings)).toEqual([
      'read',
      'metadata',
      'decode',
      'thumb',
      'phash',
      'total',
    ]);
    expect(r.metadata).toMatchObject({
      format: 'jpeg',
      width: 3264,
      height: 2448,
      takenAtSource: 'exif',
    });
    // no temporary files left behind
    expect(readdirSync(path.dirname(paths.thumb)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not return the image unless asked, and rewrites files idempotently', async () => {
    const args = { path: exif('gps/DSCN0010.jpg'), contentHash: 'ee55ff66aa77bb88', thumbDir };
    const a = await processMedia(args);
    const b = await processMedia(args);
    expect(a.image).toBeUndefined();
    expect(b.thumb).toEqual(a.thumb);
    expect(a.metadata.gps).toMatchObject({
      lat: expect.closeTo(43.467448, 5),
      lon: expect.closeTo(11.885127, 5),
    });
    // Its GPS stamp says 2008-10-23 14:27 UTC for a 2008-10-22 16:28 local shot: 22 h apart, no
    // real zone, so the stamp says nothing; the zone at the position does (Italy, still CEST).
    expect(a.metadata.takenOffsetMinutes).toBe(120);
  });

  it('never enlarges small images', async () => {
    const r = await processMedia({
      path: exif('camera_jpeg/ianare/Canon_40D.jpg'),
      contentHash: 'small0000000001',
      thumbDir,
      keepImage: true,
    });
    expect([r.image!.width, r.image!.height]).toEqual([100, 68]);
    expect([r.thumb!.width, r.thumb!.height]).toEqual([100, 68]);
  });

  it('a RAW without a usable preview fails with no-preview and keeps its metadata', async () => {
    const err = await processMedia({
      path: exif('formats/raw/exiftool_stubs/CanonRaw.cr2'),
      contentHash: 'raw0000000000001',
      thumbDir,
    }).catch((e) => e);
    expect(isMediaError(err)).toBe(true);
    expect(err.code).toBe('no-preview');
    expect(err.message).toBe(
      'Canon CR2 has no embedded preview image; RAW development is not supported',
    );
    expect(mediaPartial(err)?.metadata).toMatchObject({
      format: 'cr2',
      mimeType: 'image/x-canon-cr2',
      width: 3456,
      height: 2304,
      takenAt: '2005-08-03T18:59:18',
      camera: { make: 'Canon', model: 'Canon EOS 350D DIGITAL' },
    });
    expect(existsSync(thumbnailPaths(thumbDir, 'raw0000000000001').thumb)).toBe(false);
  });

  it('a RAW with an embedded preview gets thumbnails from it (Canon R6 CR3)', async () => {
    const r = await processMedia({
      path: exif('formats/raw/exiv2/Canon-R6-pruned.CR3'),
      contentHash: 'raw0000000000002',
      thumbDir,
      keepImage: true,
    });
    expect(r.metadata).toMatchObject({
      format: 'cr3',
      width: 3408,
      height: 2272,
      takenOffsetMinutes: 120,
    });
    expect(r.image!.width / r.image!.height).toBeCloseTo(3408 / 2272, 1);
    expect(r.metadata.camera.lens).toBe('RF70-200mm F2.8 L IS USM');
  });

  it('a ".nef" that is really a JPEG is processed as a JPEG, with a warning', async () => {
    const r = await processMedia({
      path: exif('formats/raw/metadata-extractor/Issue 247-1.nef'),
      contentHash: 'nefjpeg000000001',
      thumbDir,
    });
    expect(r.metadata).toMatchObject({ format: 'jpeg', width: 2000, height: 3008 });
    expect(r.warnings).toContain('file is a JPEG despite its .nef extension');
  });

  it('takes the first frame of MPO, animated GIF and animated WebP', async () => {
    for (const [file, size] of [
      ['formats/pillow/sugarshack.mpo', [640, 480]],
      ['formats/gif/metadata-extractor/pbar-ani-invalid-XMP.gif', [48, 22]],
      ['formats/webp/metadata-extractor/Animation Lossy.webp', [320, 240]],
    ] as const) {
      const r = await processMedia({
        path: exif(file),
        contentHash: `frame${file.length}0000000`,
        thumbDir,
        keepImage: true,
      });
      // The first frame's size (not the strip of all frames), at the thumbnail's scale.
      const visible = thumbnailSize(size[0], size[1]);
      expect([r.image!.width, r.image!.height], file).toEqual([visible.width, visible.height]);
    }
  });

  it('gives RGB for CMYK, greyscale and alpha inputs (alpha flattened onto white)', async () => {
    for (const file of [
      'formats/pillow/pil_sample_cmyk.jpg',
      'exiftool_stubs/other/PNG.png',
      'formats/webp/metadata-extractor/Alpha Lossy (1).webp',
    ]) {
      const r = await processMedia({
        path: exif(file),
        contentHash: `rgb${file.length}000000000`,
        thumbDir,
        keepImage: true,
      });
      expect(r.image!.channels, file).toBe(3);
      expect(r.image!.data.length, file).toBe(r.image!.width * r.image!.height * 3);
    }
    const alpha = await sharp(exif('formats/webp/metadata-extractor/Alpha Lossy (1).webp'))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const transparent = alpha.data.findIndex((v, i) => i % 4 === 3 && v === 0);
    if (transparent >= 0) {
      const r = await processMedia({
        path: exif('formats/webp/metadata-extractor/Alpha Lossy (1).webp'),
        contentHash: 'alpha00000000001',
        thumbDir,
        keepImage: true,
      });
      const px = ((transparent - 3) / 4) * 3;
      expect(Array.from(r.image!.data.subarray(px, px + 3))).toEqual([255, 255, 255]);
    }
  });

  it('a format a browser cannot show gets a WORK_SIZE preview, its thumbnail shrunk from it', async () => {
    const hash = 'big0000000000001';
    const r = await processMedia({
      path: exif('formats/avif/metadata-extractor/Issue 649.avif'),
      contentHash: hash,
      thumbDir,
      keepImage: true,
    });
    expect([r.metadata.width, r.metadata.height]).toEqual([5472, 3648]);
    expect([r.work!.width, r.work!.height]).toEqual([WORK_SIZE, 889]);
    expect([r.image!.width, r.image!.height]).toEqual([450, 300]);
    const preview = await sharp(thumbnailPaths(thumbDir, hash).preview).metadata();
    expect([preview.format, preview.width, preview.height]).toEqual(['jpeg', WORK_SIZE, 889]);
    expect(r.preview).toMatchObject({ width: WORK_SIZE, height: 889 });
  });
});
