import { describe, expect, it } from 'vitest';

import { fillFromExifr } from '../../src/media/exifr-reader.js';
import { emptyTags, pickTakenAt } from '../../src/media/tags.js';

describe('fillFromExifr', () => {
  it('falls back to the XMP position when the GPS IFD is broken (Nikon D5000 case)', () => {
    const tags = emptyTags();
    fillFromExifr(tags, {
      ifd0: { Make: 'NIKON CORPORATION', Model: 'NIKON D5000', ModifyDate: '2011:03:20 11:23:01' },
      gps: { GPSLatitude: [], GPSLatitudeRef: 'N' },
      // exifr puts XMP exif:* next to the EXIF IFD values
      exif: {
        DateTimeOriginal: '2011:03:12 15:36:11',
        GPSLatitude: '48,53.323582N',
        GPSLongitude: '21,2.595070E',
        GPSAltitude: '324145/1000',
        GPSAltitudeRef: 0,
        ExposureTime: 0.005,
        FNumber: 7.1,
        ISO: 200,
        FocalLength: 18,
      },
      aux: { Lens: '18.0-55.0 mm f/3.5-5.6' },
      xap: { CreateDate: '2011-03-12T15:36:11.00+01:00' },
    });
    expect(tags.gpsCandidates).toEqual([
      {
        lat: expect.closeTo(48.888726, 5),
        lon: expect.closeTo(21.043251, 5),
        alt: expect.closeTo(324.145, 3),
      },
    ]);
    expect(tags).toMatchObject({
      lens: '18.0-55.0 mm f/3.5-5.6',
      exposureTime: 0.005,
      fNumber: 7.1,
      iso: 200,
      focalLength: 18,
    });
    // No OffsetTime tag: the offset is the zone at the XMP position (Košice, CET in March),
    // the same +01:00 the file's own xmp:CreateDate carries.
    expect(pickTakenAt(tags, 'x.jpg', null)).toEqual({
      takenAt: '2011-03-12T15:36:11',
      takenOffsetMinutes: 60,
      takenAtSource: 'exif',
    });
  });

  it('reads IPTC date and time with zone, and XMP-style EXIF mirrors as xmp', () => {
    const tags = emptyTags();
    fillFromExifr(tags, {
      iptc: { DateCreated: '19920101', TimeCreated: '021111+0100' },
      exif: { DateTimeDigitized: '2004-08-27T13:52:55+02:00' },
    });
    expect(tags.dates.map((d) => [d.source, d.rank])).toEqual([
      ['xmp', 3],
      ['iptc', 4],
    ]);
    expect(pickTakenAt(tags, 'x.jpg', null)).toMatchObject({
      takenAt: '2004-08-27T13:52:55',
      takenOffsetMinutes: 120,
    });
  });

  it('marks a 0,0 position as rejected rather than using it', () => {
    const tags = emptyTags();
    fillFromExifr(tags, {
      gps: {
        GPSLatitude: [0, 0, 0],
        GPSLatitudeRef: 'N',
        GPSLongitude: [0, 0, 0],
        GPSLongitudeRef: 'E',
      },
    });
    expect(tags.gpsCandidates).toEqual([]);
    expect(tags.gpsRejected).toBe(true);
  });
});
