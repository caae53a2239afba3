import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { detectFormat, isCandidateFile } from '../../src/media/index.js';
import { loadExpected } from './expected.js';

describe('isCandidateFile', () => {
  it.each([
    'IMG_0001.JPG',
    'a/b/photo.jpeg',
    'x.HEIC',
    'x.heif',
    'x.avif',
    'x.webp',
    'x.png',
    'x.gif',
    'x.tif',
    'x.TIFF',
    'x.CR2',
    'x.cr3',
    'x.nef',
    'x.ARW',
    'x.dng',
    'x.raf',
    'x.rw2',
    'x.orf',
    'x.mpo',
  ])('accepts %s', (name) => expect(isCandidateFile(name)).toBe(true));

  it.each([
    'notes.txt',
    'movie.mp4',
    '.DS_Store',
    '._IMG_0001.JPG',
    'jpg',
    'photo.jpg.part',
    'README',
  ])('rejects %s', (name) => expect(isCandidateFile(name)).toBe(false));
});

describe('detectFormat on hand-made headers', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(
      parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
    );

  it('recognises magic numbers', () => {
    expect(detectFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))?.format).toBe('jpeg');
    expect(detectFormat(bytes([0x89], 'PNG\r\n\x1a\n'))?.format).toBe('png');
    expect(detectFormat(bytes('GIF89a'))?.format).toBe('gif');
    expect(detectFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.format).toBe('webp');
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))?.format).toBe(
      'heic',
    );
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0], 'mif1miaf'))?.format).toBe(
      'avif',
    );
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'))?.format).toBe(
      'avif',
    );
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypcrx ', [0, 0, 0, 0], 'crx isom'))?.format).toBe(
      'cr3',
    );
    expect(detectFormat(bytes('FUJIFILMCCD-RAW 0201'))?.format).toBe('raf');
    expect(detectFormat(bytes('IIU\0', [8, 0, 0, 0]))?.format).toBe('rw2');
    expect(detectFormat(bytes('IIRO', [8, 0, 0, 0]))?.format).toBe('orf');
  });

  it('uses the extension only to split TIFF-based formats', () => {
    const tiff = bytes('II*\0', [8, 0, 0, 0, 0, 0]);
    expect(detectFormat(tiff, 'scan.tif')?.format).toBe('tiff');
    expect(detectFormat(tiff, 'DSC_0001.NEF')?.format).toBe('nef');
    expect(detectFormat(tiff, 'DSC_0001.ARW')?.format).toBe('arw');
    expect(detectFormat(tiff)?.format).toBe('tiff');
    // a JPEG stays a JPEG whatever it is called
    expect(detectFormat(bytes([0xff, 0xd8, 0xff, 0xe1]), 'x.nef')?.format).toBe('jpeg');
  });

  it('returns null for non-images and videos', () => {
    expect(detectFormat(bytes('hello world'))).toBeNull();
    expect(detectFormat(bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0], 'isomiso2'))).toBeNull();
    expect(detectFormat(Buffer.alloc(0))).toBeNull();
  });
});

/** expected.json file_type → our format name (where they name the same thing differently). */
const ORACLE_NAMES: Record<string, string[]> = {
  JPEG: ['jpeg'],
  MPO: ['mpo'],
  PNG: ['png'],
  GIF: ['gif'],
  WEBP: ['webp'],
  'Extended WEBP': ['webp'],
  TIFF: ['tiff'],
  AVIF: ['avif'],
  HEIC: ['heic'],
  // exiftool says HEIF for mif1 files; ours say heic when a HEVC brand is listed
  HEIF: ['heic', 'heif'],
  HEIFS: ['heic'],
  JXL: ['jxl'],
  JP2: ['jp2'],
  BMP: ['bmp'],
  PSD: ['psd'],
  CR2: ['cr2'],
  CR3: ['cr3'],
  CRW: ['crw'],
  NEF: ['nef'],
  DNG: ['dng'],
  RAF: ['raf'],
  RW2: ['rw2'],
  MRW: ['mrw'],
  X3F: ['x3f'],
  IIQ: ['iiq'],
  RAW: ['raw', 'rw2'],
};

describe.skipIf(!hasCorpus)('detectFormat on the corpus', () => {
  it('agrees with exiftool on every file that has a type', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const exp of loadExpected()) {
      const buf = readFileSync(corpusPath('exif', exp.file));
      const got = detectFormat(buf.subarray(0, 64 * 1024), exp.file)?.format ?? null;
      if (!exp.file_type) {
        expect(got, exp.file).toBeNull(); // the 0-byte file
        continue;
      }
      checked++;
      if (!ORACLE_NAMES[exp.file_type]?.includes(got ?? ''))
        wrong.push(`${exp.file}: ${exp.file_type} vs ${got}`);
    }
    expect(checked).toBeGreaterThan(240);
    expect(wrong).toEqual([]);
  });

  it('sees through the wrong extension of "Issue 247-1.nef" (a JPEG)', () => {
    const buf = readFileSync(corpusPath('exif', 'formats/raw/metadata-extractor/Issue 247-1.nef'));
    expect(detectFormat(buf, 'Issue 247-1.nef')).toMatchObject({
      format: 'jpeg',
      decoder: 'sharp',
    });
  });
});
