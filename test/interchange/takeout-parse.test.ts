// Takeout JSON → typed records, local times at the photo's place, and the merge rule.

import { describe, expect, it } from 'vitest';
import { localTimeAt } from '../../src/interchange/takeout/local-time.js';
import { mergeTakeout, type FileFacts } from '../../src/interchange/takeout/merge.js';
import { parseTakeoutJson, type TakeoutPhoto } from '../../src/interchange/takeout/parse.js';
import { zoneAt } from '../../src/interchange/takeout/tz-lookup.js';

const sidecar = {
  title: 'IMG_20190601_120000.jpg',
  description: 'Lunch by the river',
  imageViews: '12',
  creationTime: { timestamp: '1560000000', formatted: 'Jun 8, 2019, 1:20:00 PM UTC' },
  photoTakenTime: { timestamp: '1559390400', formatted: 'Jun 1, 2019, 12:00:00 PM UTC' },
  geoData: {
    latitude: 37.5665,
    longitude: 126.978,
    altitude: 38.2,
    latitudeSpan: 0,
    longitudeSpan: 0,
  },
  geoDataExif: { latitude: 0.0, longitude: 0.0, altitude: 0.0, latitudeSpan: 0, longitudeSpan: 0 },
  people: [{ name: 'Ana' }, { name: ' Ana ' }, { name: 'Ben  Ode' }, { name: '' }],
  url: 'https://photos.google.com/photo/AF1Qip',
  googlePhotosOrigin: { mobileUpload: { deviceType: 'ANDROID_PHONE' } },
  favorited: true,
};

describe('parseTakeoutJson', () => {
  it('reads a photo sidecar: instant, places (0/0 is none), people, favourite', () => {
    const doc = parseTakeoutJson(JSON.stringify(sidecar));
    expect(doc).toEqual({
      kind: 'photo',
      photo: {
        title: 'IMG_20190601_120000.jpg',
        description: 'Lunch by the river',
        takenAt: '2019-06-01T12:00:00Z',
        uploadedAt: '2019-06-08T13:20:00Z',
        geo: { lat: 37.5665, lon: 126.978, alt: 38.2 },
        geoExif: null,
        favorited: true,
        people: ['Ana', 'Ben Ode'],
        trashed: false,
        archived: false,
      },
    });
  });

  it('treats empty strings, zero timestamps and junk positions as absent', () => {
    const doc = parseTakeoutJson(
      JSON.stringify({
        title: '',
        description: '',
        photoTakenTime: { timestamp: '0' },
        geoData: { latitude: 91, longitude: 10 },
        geoDataExif: { latitude: 'x', longitude: 1 },
      }),
    );
    expect(doc.kind).toBe('photo');
    const p = (doc as { photo: TakeoutPhoto }).photo;
    expect([p.title, p.description, p.takenAt, p.geo, p.geoExif]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(p.favorited).toBe(false);
  });

  it('tells albums (old and new shape) from photos and other exports by content', () => {
    expect(
      parseTakeoutJson(
        '{"title":"Rome","description":"With Ana","access":"protected","date":{"timestamp":"1"}}',
      ),
    ).toEqual({ kind: 'album', album: { title: 'Rome', description: 'With Ana' } });
    expect(parseTakeoutJson('{"albumData":{"title":"Old","description":""}}')).toEqual({
      kind: 'album',
      album: { title: 'Old', description: null },
    });
    expect(parseTakeoutJson('{"title":""}')).toEqual({
      kind: 'album',
      album: { title: null, description: null },
    });
    expect(parseTakeoutJson('[{"order":1}]')).toEqual({ kind: 'other' });
    expect(parseTakeoutJson('{}')).toEqual({ kind: 'other' });
    expect(parseTakeoutJson('\uFEFF{"title":"BOM"}').kind).toBe('album');
    expect(parseTakeoutJson('{"title": "cut').kind).toBe('invalid');
  });
});

describe('local time at the place', () => {
  it('uses the zone where the photo was taken, summer time included', () => {
    expect(localTimeAt('2019-06-01T12:00:00Z', { lat: 37.5665, lon: 126.978 }, zoneAt)).toEqual({
      local: '2019-06-01T21:00:00',
      offsetMinutes: 540,
      zone: 'Asia/Seoul',
      zoneFrom: 'place',
    });
    expect(
      localTimeAt('2008-10-22T14:28:39Z', { lat: 43.4674, lon: 11.8851 }, zoneAt),
    ).toMatchObject({
      local: '2008-10-22T16:28:39',
      offsetMinutes: 120,
      zone: 'Europe/Rome',
    });
    expect(
      localTimeAt('2020-01-15T12:00:00Z', { lat: 40.7128, lon: -74.006 }, zoneAt),
    ).toMatchObject({
      local: '2020-01-15T07:00:00',
      offsetMinutes: -300,
    });
    // Half-hour zones and the far side of the date line.
    expect(localTimeAt('2020-01-15T20:00:00Z', { lat: 28.61, lon: 77.2 }, zoneAt)?.local).toBe(
      '2020-01-16T01:30:00',
    );
  });

  it('falls back to the given zone without a place or a known zone there', () => {
    expect(localTimeAt('2020-01-15T12:00:00Z', null, zoneAt, 'Europe/Berlin')).toEqual({
      local: '2020-01-15T13:00:00',
      offsetMinutes: 60,
      zone: 'Europe/Berlin',
      zoneFrom: 'system',
    });
    const nowhere = () => 'Not/AZone';
    expect(localTimeAt(0, { lat: 1, lon: 1 }, nowhere, 'UTC')?.zoneFrom).toBe('system');
    const throws = () => {
      throw new Error('bad');
    };
    expect(localTimeAt(0, { lat: 1, lon: 1 }, throws, 'UTC')?.local).toBe('1970-01-01T00:00:00');
    expect(localTimeAt('not a date', null, zoneAt)).toBeNull();
  });
});

describe('mergeTakeout', () => {
  const photo = (parseTakeoutJson(JSON.stringify(sidecar)) as { photo: TakeoutPhoto }).photo;
  const exif: FileFacts = {
    takenAt: '2019-06-01T20:59:58',
    takenOffsetMinutes: null,
    takenAtSource: 'exif',
    gps: { lat: 35.1796, lon: 129.0756, alt: null },
    description: 'From the camera',
  };

  it('lets the file win where it has the field', () => {
    const fill = mergeTakeout(exif, photo, zoneAt);
    expect(fill.takenAt).toBeNull();
    expect(fill.gps).toBeNull();
    expect(fill.description).toBeNull();
    expect(fill.favorite).toBe(true);
    expect(fill.people).toEqual(['Ana', 'Ben Ode']);
    expect(fill.filled).toEqual(['favorite', 'people']);
  });

  it('fills what a stripped file lacks: date (at the place), place, description', () => {
    for (const takenAtSource of ['file-mtime', 'filename', 'exif-modified', null] as const) {
      const stripped: FileFacts = {
        takenAt: null,
        takenOffsetMinutes: null,
        takenAtSource,
        gps: null,
      };
      const fill = mergeTakeout(stripped, photo, zoneAt);
      expect(fill.takenAt).toEqual({
        local: '2019-06-01T21:00:00',
        offsetMinutes: 540,
        zone: 'Asia/Seoul',
        zoneFrom: 'place',
        instant: '2019-06-01T12:00:00Z',
      });
      expect(fill.gps).toEqual({ lat: 37.5665, lon: 126.978, alt: 38.2 });
      expect(fill.description).toBe('Lunch by the river');
      expect(fill.filled).toEqual(['place', 'date', 'description', 'favorite', 'people']);
    }
  });

  it('places the Takeout date with the file’s own position when it has one', () => {
    const noDate: FileFacts = { ...exif, takenAtSource: 'file-mtime' };
    expect(mergeTakeout(noDate, photo, zoneAt).takenAt?.zone).toBe('Asia/Seoul');
    const rome: FileFacts = { ...noDate, gps: { lat: 41.9, lon: 12.5, alt: null } };
    expect(mergeTakeout(rome, photo, zoneAt).takenAt).toMatchObject({
      local: '2019-06-01T14:00:00',
      zone: 'Europe/Rome',
    });
  });

  it('uses geoDataExif when geoData is empty', () => {
    const p: TakeoutPhoto = { ...photo, geo: null, geoExif: { lat: 1, lon: 2, alt: null } };
    expect(mergeTakeout({ ...exif, gps: null }, p, zoneAt).gps).toEqual({
      lat: 1,
      lon: 2,
      alt: null,
    });
  });
});
