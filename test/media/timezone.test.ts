import { describe, expect, it } from 'vitest';

import { localOffsetAt, utcToLocalAt, zoneAt, zoneOffsetAt } from '../../src/media/timezone.js';
import { DATE_RANK, emptyTags, pickTakenAt } from '../../src/media/tags.js';

const PARIS = { lat: 48.8584, lon: 2.2945 };
const NEW_YORK = { lat: 40.7484, lon: -73.9857 };
const SYDNEY = { lat: -33.8568, lon: 151.2153 };
const KATHMANDU = { lat: 27.7172, lon: 85.324 };

describe('zoneAt', () => {
  it('names the IANA zone of a position, offline', () => {
    expect(zoneAt(PARIS.lat, PARIS.lon)).toBe('Europe/Paris');
    expect(zoneAt(NEW_YORK.lat, NEW_YORK.lon)).toBe('America/New_York');
    expect(zoneAt(43.467448, 11.885127)).toBe('Europe/Rome');
  });

  it('gives nautical zones at sea and nothing for unusable positions', () => {
    expect(zoneAt(0.5, -30)).toMatch(/^Etc\/GMT/);
    expect(zoneAt(0, 0)).toBeNull();
    expect(zoneAt(91, 0)).toBeNull();
    expect(zoneAt(Number.NaN, 3)).toBeNull();
  });

  it('reads offsets in force at an instant, including half hours and DST', () => {
    expect(zoneOffsetAt('Europe/Paris', Date.UTC(2023, 6, 1))).toBe(120);
    expect(zoneOffsetAt('Europe/Paris', Date.UTC(2023, 0, 1))).toBe(60);
    expect(zoneOffsetAt('Asia/Kathmandu', Date.UTC(2023, 0, 1))).toBe(345);
    expect(zoneOffsetAt('UTC', 0)).toBe(0);
    expect(zoneOffsetAt('Not/AZone', 0)).toBeNull();
  });
});

describe('utcToLocalAt', () => {
  it('turns a QuickTime UTC time into the wall clock at the place', () => {
    expect(utcToLocalAt('2023-07-14T10:22:05', PARIS.lat, PARIS.lon)).toEqual({
      local: '2023-07-14T12:22:05',
      offsetMinutes: 120,
    });
    expect(utcToLocalAt('2023-01-02T03:04:05', NEW_YORK.lat, NEW_YORK.lon)).toEqual({
      local: '2023-01-01T22:04:05',
      offsetMinutes: -300,
    });
    expect(utcToLocalAt('2023-01-10T00:30:00.250', SYDNEY.lat, SYDNEY.lon)).toEqual({
      local: '2023-01-10T11:30:00.250',
      offsetMinutes: 660,
    });
  });

  it('refuses what it cannot place', () => {
    expect(utcToLocalAt('2023-07-14', PARIS.lat, PARIS.lon)).toBeNull();
    expect(utcToLocalAt('2023-07-14T10:22:05', 0, 0)).toBeNull();
  });
});

describe('localOffsetAt', () => {
  it('finds the offset of a local wall clock', () => {
    expect(localOffsetAt('2023-07-14T12:00:00', PARIS.lat, PARIS.lon)).toBe(120);
    expect(localOffsetAt('2023-12-14T12:00:00', PARIS.lat, PARIS.lon)).toBe(60);
    expect(localOffsetAt('2023-07-14T12:00:00', SYDNEY.lat, SYDNEY.lon)).toBe(600);
    expect(localOffsetAt('2023-07-14T12:00:00', KATHMANDU.lat, KATHMANDU.lon)).toBe(345);
  });

  it('is right on both sides of a DST change and decides the odd hours', () => {
    // Paris springs forward at 02:00 on 2023-03-26 and falls back at 03:00 on 2023-10-29.
    expect(localOffsetAt('2023-03-26T01:59:00', PARIS.lat, PARIS.lon)).toBe(60);
    expect(localOffsetAt('2023-03-26T03:00:00', PARIS.lat, PARIS.lon)).toBe(120);
    // 02:30 never happened: the clock had not jumped yet
    expect(localOffsetAt('2023-03-26T02:30:00', PARIS.lat, PARIS.lon)).toBe(60);
    // 02:30 happened twice: the first (summer) one
    expect(localOffsetAt('2023-10-29T02:30:00', PARIS.lat, PARIS.lon)).toBe(120);
    expect(localOffsetAt('2023-10-29T03:30:00', PARIS.lat, PARIS.lon)).toBe(60);
  });
});

describe('photo dates use the zone at the GPS position', () => {
  const withGps = () => {
    const tags = emptyTags();
    tags.gpsCandidates.push({ lat: PARIS.lat, lon: PARIS.lon, alt: null });
    return tags;
  };

  it('gives an EXIF time without offset the offset of the place', () => {
    const tags = withGps();
    tags.dates.push({ value: '2023:07:14 12:22:05', rank: DATE_RANK.exifOriginal, source: 'exif' });
    expect(pickTakenAt(tags, 'x.jpg', null)).toEqual({
      takenAt: '2023-07-14T12:22:05',
      takenOffsetMinutes: 120,
      takenAtSource: 'exif',
    });
  });

  it('keeps an explicit offset and prefers the GPS timestamp over the place', () => {
    const explicit = withGps();
    explicit.dates.push({
      value: '2023:07:14 12:22:05',
      offset: '+05:30',
      rank: DATE_RANK.exifOriginal,
      source: 'exif',
    });
    expect(pickTakenAt(explicit, 'x.jpg', null).takenOffsetMinutes).toBe(330);

    // A camera left on UTC+3 while in Paris: its GPS timestamp tells the clock's zone.
    const stamped = withGps();
    stamped.gpsDate = '2023:07:14';
    stamped.gpsTime = [9, 22, 5];
    stamped.dates.push({
      value: '2023:07:14 12:22:05',
      rank: DATE_RANK.exifOriginal,
      source: 'exif',
    });
    expect(pickTakenAt(stamped, 'x.jpg', null).takenOffsetMinutes).toBe(180);
  });

  it('turns a QuickTime UTC time into local time at the place, else keeps UTC', () => {
    const placed = withGps();
    placed.dates.push({
      value: '2023:07:14 10:22:05',
      rank: DATE_RANK.quicktime,
      source: 'quicktime',
      assumeUtc: true,
    });
    expect(pickTakenAt(placed, 'x.heic', null)).toEqual({
      takenAt: '2023-07-14T12:22:05',
      takenOffsetMinutes: 120,
      takenAtSource: 'quicktime',
    });
    const unplaced = emptyTags();
    unplaced.dates.push({ ...placed.dates[0] });
    expect(pickTakenAt(unplaced, 'x.heic', null)).toEqual({
      takenAt: '2023-07-14T10:22:05',
      takenOffsetMinutes: 0,
      takenAtSource: 'quicktime',
    });
  });

  it('leaves a photo without position or offset without an offset', () => {
    const tags = emptyTags();
    tags.dates.push({ value: '2023:07:14 12:22:05', rank: DATE_RANK.exifOriginal, source: 'exif' });
    expect(pickTakenAt(tags, 'x.jpg', null).takenOffsetMinutes).toBeNull();
  });
});
