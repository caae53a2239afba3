import { describe, expect, it } from 'vitest';

import { mapExifToolTags, spawnExifTool } from '../../src/media/exiftool.js';

describe('exiftool child process', () => {
  it('answers requests, and exits by itself once its owner closes the pipe', async () => {
    const child = await spawnExifTool();
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stdin!.write('-ver\n-execute\n');
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (out.includes('{ready}')) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    expect(out).toMatch(/^\d+\.\d+/);
    const exited = new Promise<number>((resolve) =>
      child.on('exit', () => resolve(performance.now())),
    );
    const closedAt = performance.now();
    // What a terminated worker thread or a killed process leaves behind: no reader, no "-stay_open False".
    child.stdin!.destroy();
    child.stdout!.destroy();
    expect((await exited) - closedAt).toBeLessThan(5_000);
  }, 10_000);
});

describe('mapExifToolTags', () => {
  it('picks groups in priority order and parses sizes, GPS and embedded previews', () => {
    const { tags, fileType, embeddedImages } = mapExifToolTags({
      'File:FileType': 'CR3',
      'IFD0:Make': 'Canon',
      'IFD0:Model': 'Canon EOS R6',
      'IFD0:Orientation': 1,
      'ExifIFD:DateTimeOriginal': '2021:05:12 12:21:21',
      'Composite:SubSecDateTimeOriginal': '2021:05:12 12:21:21.92+02:00',
      'ExifIFD:LensModel': 'RF70-200mm F2.8 L IS USM',
      'Canon:LensType': 61182,
      'ExifIFD:FNumber': 2.8,
      'ExifIFD:ISO': 400,
      'Composite:ImageSize': '3408 2272',
      'IFD0:ImageWidth': 3408,
      'Composite:GPSLatitude': 0,
      'Composite:GPSLongitude': 0,
      'QuickTime:PreviewImage': '(Binary data 389456 bytes, use -b option to extract)',
      'Canon:ThumbnailImage': '(Binary data 16008 bytes, use -b option to extract)',
      'Track1:Warning': 'Error reading JPEG data',
    });
    expect(fileType).toBe('CR3');
    expect(tags).toMatchObject({
      make: 'Canon',
      model: 'Canon EOS R6',
      lens: 'RF70-200mm F2.8 L IS USM',
      fNumber: 2.8,
      iso: 400,
      width: 3408,
      height: 2272,
      orientation: 1,
      gpsRejected: true, // 0,0 is not a position
    });
    expect(tags.gpsCandidates).toEqual([]);
    expect(tags.dates[0]).toMatchObject({ value: '2021:05:12 12:21:21.92+02:00', rank: 0 });
    expect(embeddedImages).toEqual([
      { tag: 'PreviewImage', bytes: 389456 },
      { tag: 'ThumbnailImage', bytes: 16008 },
    ]);
    expect(tags.warnings).toEqual(['exiftool: Error reading JPEG data']);
  });

  it('turns HEIF sizes by irot and ignores lens type numbers', () => {
    const { tags } = mapExifToolTags({
      'QuickTime:ImageSpatialExtent': '1024 722',
      'Composite:ImageSize': '1024 722',
      'QuickTime:Rotation': 90,
      'Composite:LensID': 65535,
    });
    expect([tags.width, tags.height]).toEqual([722, 1024]);
    expect(tags.lens).toBeNull();
  });
});
