// Stills that are listed as photos but that sharp and libheif cannot decode (issue 13): through the
// whole pipeline and `export --json`, a JPEG XL is in the catalogue with its metadata and either
// its pixels (an ffmpeg with libjxl, [Note: ffmpeg for stills]) or an error saying what is
// missing; a truncated JPEG XL carries its error; a HEIC cut a byte short is an error with its
// reason, never a 16×16 "ready" photo. Corpus files, real decoders, AI off.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import type { ExportDocument, ExportedPhoto } from '../../src/interchange/export-types.js';
import { videoTools } from '../../src/media/video/index.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { indexWithoutAi } from '../helpers/indexing.js';

const FILES = [
  'exif/formats/other/exiv2/Reagan.jxl',
  'exif/exiftool_stubs/other/JXL2.jxl',
  'exif/corrupt/pillow_heif/heif_truncated_truncated.heic',
  'exif/exiftool_stubs/other/BMP.bmp',
  'exif/gps/DSCN0010.jpg',
];

describe.skipIf(!hasCorpus)('stills the usual decoders cannot read', () => {
  let tmp: string;
  let picto: Picto;
  let doc: ExportDocument;
  let libjxl: boolean;

  const one = (name: string): ExportedPhoto => {
    const found = doc.photos.filter((p) => p.paths.some((x) => path.basename(x) === name));
    expect(found, name).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    libjxl = (await videoTools()).ffmpeg.enabled.includes('libjxl');
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-stills-'));
    const lib = path.join(tmp, 'Pictures');
    mkdirSync(lib);
    for (const f of FILES) copyFileSync(corpusPath(f), path.join(lib, path.basename(f)));
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
    await indexWithoutAi(picto, lib);
    doc = picto.exporter.exportAll();
  }, 300_000);

  afterAll(async () => {
    await picto?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('every file is in the export, none left pending', () => {
    expect(doc.photos).toHaveLength(FILES.length);
    expect(doc.photos.every((p) => p.status !== 'pending')).toBe(true);
  });

  it('Reagan.jxl has its metadata, and its pixels when ffmpeg has libjxl (else an error)', () => {
    const p = one('Reagan.jxl');
    expect(p).toMatchObject({
      format: 'jxl',
      kind: 'photo',
      camera: { make: 'NIKON CORPORATION', model: 'NIKON D1X' },
    });
    expect(p.takenAt).toMatch(/^2004-06-21T23:37:53/);
    const details = picto.gallery.details(p.id);
    if (libjxl) {
      expect(p.status).toBe('ready');
      expect([p.width, p.height]).toEqual([200, 130]);
      expect(details.thumbUrl).not.toBeNull();
    } else {
      expect(p.status).toBe('error');
      expect(p.error).toMatch(/JPEG XL/);
      expect(details.thumbUrl).toBeNull();
    }
  });

  it('a truncated JPEG XL is listed with its error', () => {
    const p = one('JXL2.jxl');
    expect(p.format).toBe('jxl');
    expect(p.status).toBe('error');
    expect(p.error).toMatch(/\w{4,}/);
  });

  it('heif_truncated_truncated.heic is an error with its reason, not a 16×16 ready photo', () => {
    const p = one('heif_truncated_truncated.heic');
    expect(p.status).toBe('error');
    expect(p.error).toMatch(/truncated/i);
    expect(p.format).toBe('heic');
    const details = picto.gallery.details(p.id);
    expect(details.thumbUrl).toBeNull();
  });

  it('the BMP decodes through ffmpeg and the JPEG as always', () => {
    expect(one('BMP.bmp').status).toBe('ready');
    expect(one('DSCN0010.jpg').status).toBe('ready');
  });
});
