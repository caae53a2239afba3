import { describe, expect, it } from 'vitest';

import {
  dateFromFilename,
  offsetFromGps,
  parseIptcTime,
  parseOffset,
  parseTagDate,
  withSubseconds,
} from '../../src/media/dates.js';
import { DATE_RANK, emptyTags, pickTakenAt, type CollectedTags } from '../../src/media/tags.js';

describe('parseTagDate', () => {
  it('reads EXIF dates as local wall clock without an offset', () => {
    expect(parseTagDate('2008:10:22 16:28:39')).toEqual({
      local: '2008-10-22T16:28:39',
      offsetMinutes: null,
      dateOnly: false,
    });
  });

  it('reads XMP/ISO dates with offsets, Z and fractions', () => {
    expect(parseTagDate('2010-04-13T09:37:22+02:00')).toMatchObject({
      local: '2010-04-13T09:37:22',
      offsetMinutes: 120,
    });
    expect(parseTagDate('2011:09:23 12:43:03Z')?.offsetMinutes).toBe(0);
    expect(parseTagDate('2021-04-11T15:47:53.054-05:00')).toMatchObject({
      local: '2021-04-11T15:47:53.054',
      offsetMinutes: -300,
    });
    expect(parseTagDate('2005:09:07 15:07:40-0700')?.offsetMinutes).toBe(-420);
  });

  it('reads date-only values (IPTC, photoshop:DateCreated)', () => {
    expect(parseTagDate('20040226')).toEqual({
      local: '2004-02-26T00:00:00',
      offsetMinutes: null,
      dateOnly: true,
    });
    expect(parseTagDate('2003:08:31')?.dateOnly).toBe(true);
  });

  it('accepts times without seconds', () => {
    expect(parseTagDate('2004:08:31 19:52')?.local).toBe('2004-08-31T19:52:00');
  });

  it('rejects placeholders, blanks and impossible dates', () => {
    for (const bad of [
      '0000:00:00 00:00:00',
      '    :  :     :  :  ',
      '',
      '2019:02:30 10:00:00',
      '2019:13:01 00:00:00',
      '2019:01:01 25:00:00',
      'garbage',
      null,
      42,
    ]) {
      expect(parseTagDate(bad), String(bad)).toBeNull();
    }
  });
});

describe('offsets', () => {
  it('parses offset tags', () => {
    expect(parseOffset('+01:00')).toBe(60);
    expect(parseOffset('-05:00')).toBe(-300);
    expect(parseOffset('+0530')).toBe(330);
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('+15:00')).toBeNull();
    expect(parseOffset('   ')).toBeNull();
  });

  it('parses IPTC times with zone', () => {
    expect(parseIptcTime('021111+0100')).toEqual({ time: '02:11:11', offsetMinutes: 60 });
    expect(parseIptcTime('09:15:00')).toEqual({ time: '09:15:00', offsetMinutes: null });
  });

  it('infers the zone from the GPS UTC timestamp, rounded to 15 minutes', () => {
    expect(offsetFromGps('2008-10-22T16:28:39', '2008:10:22', [14, 27, 7.24])).toBe(120);
    expect(offsetFromGps('2022-01-12T07:30:14', '2022:01:12', '07:30:14')).toBe(0);
    // across midnight: local 01:10 on the 2nd, UTC 19:10 on the 1st → +06:00
    expect(offsetFromGps('2020-03-02T01:10:00', '2020:03:01', [19, 10, 0])).toBe(360);
    // a stale fix (6 minutes off any zone boundary) says nothing
    expect(offsetFromGps('2008-10-22T16:28:39', '2008:10:22', [13, 50, 0])).toBeNull();
    expect(offsetFromGps('2008-10-22T16:28:39', undefined, [14, 27, 7])).toBeNull();
  });

  it('appends sub-seconds as milliseconds', () => {
    expect(withSubseconds('2022-02-16T12:55:41', '762')).toBe('2022-02-16T12:55:41.762');
    expect(withSubseconds('2022-02-16T12:55:41', '7')).toBe('2022-02-16T12:55:41.700');
    expect(withSubseconds('2022-02-16T12:55:41', undefined)).toBe('2022-02-16T12:55:41');
  });
});

describe('dateFromFilename', () => {
  it.each([
    ['IMG_20190102_123456.jpg', '2019-01-02T12:34:56', false],
    ['PXL_20210102_123456789.jpg', '2021-01-02T12:34:56', false],
    ['2019-01-02 12.34.56.jpg', '2019-01-02T12:34:56', false],
    ['Screenshot_20200315-081500.png', '2020-03-15T08:15:00', false],
    ['IMG-20190102-WA0001.jpg', '2019-01-02T00:00:00', true],
    ['/photos/2018/VID_20181231_235959.mp4', '2018-12-31T23:59:59', false],
  ])('%s → %s', (name, local, dateOnly) => {
    expect(dateFromFilename(name)).toEqual({ local, offsetMinutes: null, dateOnly });
  });

  it.each([
    'DSC01234.JPG',
    'IMG_0001.HEIC',
    'P1020345.JPG',
    '12345678.jpg',
    'photo_20191301.jpg',
    '2019.jpg',
  ])('finds no date in %s', (name) => expect(dateFromFilename(name)).toBeNull());
});

describe('pickTakenAt', () => {
  const tags = (over: Partial<CollectedTags>): CollectedTags => ({ ...emptyTags(), ...over });
  const mtime = new Date(2024, 0, 2, 3, 4, 5);

  it('prefers DateTimeOriginal with its offset tag and sub-seconds', () => {
    const t = tags({
      dates: [
        { value: '2022:02:16 12:55:42', rank: DATE_RANK.exifModified, source: 'exif-modified' },
        {
          value: '2022:02:16 12:55:41',
          rank: DATE_RANK.exifOriginal,
          source: 'exif',
          offset: '+01:00',
          subsec: '762',
        },
      ],
    });
    expect(pickTakenAt(t, 'x.jpg', mtime)).toEqual({
      takenAt: '2022-02-16T12:55:41.762',
      takenOffsetMinutes: 60,
      takenAtSource: 'exif',
    });
  });

  it('prefers xmp:CreateDate over IFD0 ModifyDate (edited files)', () => {
    const t = tags({
      dates: [
        { value: '2014:09:22 10:56:35', rank: DATE_RANK.exifModified, source: 'exif-modified' },
        { value: '2013-09-23T10:09:46+02:00', rank: DATE_RANK.xmpCreate, source: 'xmp' },
      ],
    });
    expect(pickTakenAt(t, 'x.jpg', mtime)).toMatchObject({
      takenAt: '2013-09-23T10:09:46',
      takenOffsetMinutes: 120,
      takenAtSource: 'xmp',
    });
  });

  it('lets a date-only winner borrow the time of a same-day tag', () => {
    const t = tags({
      dates: [
        { value: '2004:02:20', rank: DATE_RANK.iptc, source: 'iptc' },
        { value: '2004:02:20 08:07:49', rank: DATE_RANK.exifModified, source: 'exif-modified' },
      ],
    });
    expect(pickTakenAt(t, 'x.tif', mtime)).toMatchObject({
      takenAt: '2004-02-20T08:07:49',
      takenAtSource: 'iptc',
    });
  });

  it('reads QuickTime dates as UTC', () => {
    const t = tags({
      dates: [
        {
          value: '2018:03:09 14:16:50',
          rank: DATE_RANK.quicktime,
          source: 'quicktime',
          assumeUtc: true,
        },
      ],
    });
    expect(pickTakenAt(t, 'x.heic', mtime)).toMatchObject({
      takenAt: '2018-03-09T14:16:50',
      takenOffsetMinutes: 0,
    });
  });

  it('skips unparseable candidates, then falls back to the file name, then the mtime', () => {
    const broken = tags({ dates: [{ value: '0000:00:00 00:00:00', rank: 0, source: 'exif' }] });
    expect(pickTakenAt(broken, 'IMG_20190102_123456.jpg', mtime)).toMatchObject({
      takenAt: '2019-01-02T12:34:56',
      takenAtSource: 'filename',
    });
    expect(pickTakenAt(broken, 'DSC0001.jpg', mtime)).toEqual({
      takenAt: '2024-01-02T03:04:05',
      takenOffsetMinutes: -mtime.getTimezoneOffset(),
      takenAtSource: 'file-mtime',
    });
  });
});
