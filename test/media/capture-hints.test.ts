// The capture hints the categories read: LensMake, Software, UserComment (iOS marks screenshots
// there) and XMP GPano, from both readers and from real files written by exiftool.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { mapExifToolTags } from '../../src/media/exiftool.js';
import { fillFromExifr } from '../../src/media/exifr-reader.js';
import { readMetadata } from '../../src/media/index.js';
import { emptyTags, panoramaTag, userCommentText } from '../../src/media/tags.js';

describe('capture hints (pure)', () => {
  it('decodes EXIF UserComment in its ASCII, UNICODE and undefined character codes', () => {
    const bytes = (head: string, body: Buffer) =>
      new Uint8Array(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    expect(userCommentText(bytes('ASCII\0\0\0', Buffer.from('Screenshot')))).toBe('Screenshot');
    expect(userCommentText(bytes('UNICODE\0', Buffer.from('Screenshot', 'utf16le')))).toBe(
      'Screenshot',
    );
    expect(userCommentText(bytes('UNICODE\0', Buffer.from('Screenshot', 'utf16le').swap16()))).toBe(
      'Screenshot',
    );
    expect(userCommentText(bytes('\0\0\0\0\0\0\0\0', Buffer.from('Créé', 'utf8')))).toBe('Créé');
    expect(userCommentText(bytes('ASCII\0\0\0', Buffer.alloc(20, 0x20)))).toBeNull();
    expect(userCommentText('Screenshot')).toBe('Screenshot');
  });

  it('GPano: the projection, or "gpano" when only other tags are set', () => {
    expect(panoramaTag('Equirectangular', true, 8000)).toBe('equirectangular');
    expect(panoramaTag(undefined, 'True', undefined)).toBe('gpano');
    expect(panoramaTag(undefined, undefined, 8000)).toBe('gpano');
    expect(panoramaTag(undefined, false, undefined)).toBeNull();
  });

  it('both readers fill the same fields', () => {
    const a = emptyTags();
    fillFromExifr(a, {
      ifd0: { Make: 'Apple', Software: '17.1.2' },
      exif: { LensMake: 'Apple', LensModel: 'iPhone 12 front camera 2.71mm f/2.2' },
      userComment: new Uint8Array(Buffer.from('ASCII\0\0\0Screenshot', 'latin1')),
      GPano: { ProjectionType: 'equirectangular' },
    });
    const b = mapExifToolTags({
      'IFD0:Make': 'Apple',
      'IFD0:Software': '17.1.2',
      'ExifIFD:LensMake': 'Apple',
      'ExifIFD:LensModel': 'iPhone 12 front camera 2.71mm f/2.2',
      'ExifIFD:UserComment': 'Screenshot',
      'XMP-GPano:ProjectionType': 'equirectangular',
    }).tags;
    for (const t of [a, b]) {
      expect(t).toMatchObject({
        lens: 'iPhone 12 front camera 2.71mm f/2.2',
        lensMake: 'Apple',
        software: '17.1.2',
        userComment: 'Screenshot',
        panorama: 'equirectangular',
      });
    }
  });
});

describe('capture hints from files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-hints-'));
  const et = new ExifTool({ maxProcs: 1 });
  afterAll(async () => {
    await et.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads what exiftool wrote into a JPEG and a PNG', async () => {
    const jpeg = path.join(dir, 'sphere.jpg');
    await sharp({ create: { width: 64, height: 32, channels: 3, background: '#888' } })
      .jpeg()
      .toFile(jpeg);
    await et.write(
      jpeg,
      {
        Make: 'Google',
        Model: 'Pixel 8 Pro',
        LensMake: 'Google',
        LensModel: 'Pixel 8 Pro front camera 2.74mm f/2.2',
        Software: 'HDR+ 1.0',
        'XMP-GPano:ProjectionType': 'equirectangular',
        'XMP-GPano:UsePanoramaViewer': true,
      } as never,
      { writeArgs: ['-overwrite_original'] },
    );
    const m = await readMetadata(jpeg);
    expect(m.camera.lens).toBe('Pixel 8 Pro front camera 2.74mm f/2.2');
    expect(m.hints).toEqual({
      lensMake: 'Google',
      software: 'HDR+ 1.0',
      userComment: null,
      panorama: 'equirectangular',
    });

    const png = path.join(dir, 'shot.png');
    await sharp({ create: { width: 64, height: 128, channels: 3, background: '#fff' } })
      .png()
      .toFile(png);
    await et.write(png, { UserComment: 'Screenshot' } as never, {
      writeArgs: ['-overwrite_original'],
    });
    expect((await readMetadata(png)).hints).toMatchObject({
      userComment: 'Screenshot',
      panorama: null,
    });
  });
});
