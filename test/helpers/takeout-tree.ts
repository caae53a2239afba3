// A Google Takeout export, built by the tests in a temporary folder from corpus photos: every
// sidecar naming quirk, a year folder with a metadata.json that is not an album, an album folder,
// 0/0 locations, photos whose EXIF was stripped, edited copies, duplicates, a title that differs
// from the file name, a sidecar whose photo is missing, and a photo with a named person.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { corpusPath } from './corpus.js';

export interface SidecarSpec {
  title: string;
  /** UTC instant, ISO. */
  taken?: string;
  geo?: [number, number] | null;
  geoExif?: [number, number] | null;
  description?: string;
  favorited?: boolean;
  people?: string[];
}

const seconds = (iso: string) => String(Math.round(Date.parse(iso) / 1000));

/** A photo sidecar in Takeout's shape (field order and extras as exports have them). */
export function sidecarJson(s: SidecarSpec): string {
  const geo = (p: [number, number] | null | undefined) => ({
    latitude: p?.[0] ?? 0.0,
    longitude: p?.[1] ?? 0.0,
    altitude: 0.0,
    latitudeSpan: 0.0,
    longitudeSpan: 0.0,
  });
  const doc: Record<string, unknown> = {
    title: s.title,
    description: s.description ?? '',
    imageViews: '3',
    creationTime: {
      timestamp: seconds('2024-01-02T03:04:05Z'),
      formatted: 'Jan 2, 2024, 3:04:05 AM UTC',
    },
    photoTakenTime: s.taken
      ? { timestamp: seconds(s.taken), formatted: `${s.taken} (as Takeout formats it)` }
      : undefined,
    geoData: geo(s.geo),
    geoDataExif: geo(s.geoExif),
    url: 'https://photos.google.com/photo/AF1QipExample',
    googlePhotosOrigin: { mobileUpload: { deviceType: 'ANDROID_PHONE' } },
  };
  if (s.people) doc.people = s.people.map((name) => ({ name }));
  if (s.favorited) doc.favorited = true;
  return JSON.stringify(doc, null, 2);
}

/** Re-encodes a photo without any metadata: what many uploads and edits look like in Takeout. */
async function stripped(src: string, dest: string, width?: number): Promise<void> {
  let img = sharp(src).rotate();
  if (width) img = img.resize({ width });
  await img.jpeg({ quality: 85 }).toFile(dest);
}

export interface TakeoutTree {
  root: string;
  photos: string;
  year: string;
  album: string;
}

export const SEOUL: [number, number] = [37.5665, 126.978];

/** Builds the tree under `dir` and returns its folders. */
export async function makeTakeoutTree(dir: string): Promise<TakeoutTree> {
  const photos = path.join(dir, 'Takeout', 'Google Photos');
  const year = path.join(photos, 'Photos from 2019');
  const album = path.join(photos, 'Rome 2019');
  mkdirSync(year, { recursive: true });
  mkdirSync(album, { recursive: true });
  const json = (folder: string, name: string, spec: SidecarSpec) =>
    writeFileSync(path.join(folder, name), sidecarJson(spec));
  const bus = corpusPath('objects/ultralytics/bus.jpg');
  const zidane = corpusPath('objects/ultralytics/zidane.jpg');

  // EXIF date and GPS in the file: the file wins over a sidecar that says otherwise.
  copyFileSync(corpusPath('exif/gps/DSCN0010.jpg'), path.join(year, 'DSCN0010.jpg'));
  json(year, 'DSCN0010.jpg.json', {
    title: 'DSCN0010.jpg',
    taken: '2019-06-01T12:00:00Z',
    geo: SEOUL,
  });

  // Stripped, a date only in the name: the Takeout date (at the Takeout place) wins.
  await stripped(bus, path.join(year, 'IMG_20190601_120000.jpg'), 480);
  json(year, 'IMG_20190601_120000.jpg.supplemental-metadata.json', {
    title: 'IMG_20190601_120000.jpg',
    taken: '2019-06-01T03:00:00Z',
    geo: SEOUL,
    description: 'The 7 bus in Seoul',
    favorited: true,
  });

  // 0/0 in both places: no location.
  await stripped(zidane, path.join(year, 'nullisland.jpg'), 320);
  json(year, 'nullisland.jpg.json', { title: 'nullisland.jpg', taken: '2019-03-01T10:00:00Z' });

  // Duplicate titles: the counter moves behind the extension in the sidecar's name.
  await stripped(zidane, path.join(year, 'IMG_0001.jpg'), 400);
  json(year, 'IMG_0001.jpg.json', { title: 'IMG_0001.jpg', taken: '2019-01-01T09:00:00Z' });
  await stripped(bus, path.join(year, 'IMG_0001(1).jpg'), 400);
  json(year, 'IMG_0001.jpg(1).json', { title: 'IMG_0001.jpg', taken: '2019-02-02T09:00:00Z' });

  // Edited copies (English and German) share their original's sidecar.
  await stripped(bus, path.join(year, 'IMG_0002.jpg'), 360);
  await stripped(bus, path.join(year, 'IMG_0002-edited.jpg'), 300);
  json(year, 'IMG_0002.jpg.supplemental-metadata.json', {
    title: 'IMG_0002.jpg',
    taken: '2019-04-04T08:00:00Z',
    geoExif: [41.9, 12.5],
  });
  await stripped(zidane, path.join(year, 'IMG_0003.jpg'), 360);
  await stripped(zidane, path.join(year, 'IMG_0003-bearbeitet.jpg'), 300);
  json(year, 'IMG_0003.jpg.json', { title: 'IMG_0003.jpg', taken: '2019-05-05T08:00:00Z' });

  // Sidecar names cut at 46 units, each form seen in exports.
  const cut: [string, string][] = [
    ['Screenshot_2016-07-09-18-01-30.jpg', 'Screenshot_2016-07-09-18-01-30.jpg.supplementa.json'],
    ['IMG_20250112_100426_012.jpg', 'IMG_20250112_100426_012.jpg.supplemental-metad.json'],
    ['IMG_20250112_100426_012345.jpg', 'IMG_20250112_100426_012345.jpg.supplemental-me.json'],
    [
      'Screenshot_20220207_102421_com.snapchat.android.jpg',
      'Screenshot_20220207_102421_com.snapchat.androi.json',
    ],
  ];
  for (const [i, [media, side]] of cut.entries()) {
    await stripped(i % 2 ? bus : zidane, path.join(year, media), 200 + i * 10);
    json(year, side, { title: media, taken: `2019-07-0${i + 1}T10:00:00Z` });
  }

  // The title names the original; the file name lost a character the file system refuses.
  await stripped(bus, path.join(year, 'Rome_ day 1.jpg'), 250);
  json(year, 'Rome: day 1.jpg.json', { title: 'Rome: day 1.jpg', taken: '2019-08-01T10:00:00Z' });

  // A named person (face photos live only in temporary folders).
  copyFileSync(corpusPath('faces/face_recognition/obama.jpg'), path.join(year, 'IMG_0004.jpg'));
  json(year, 'IMG_0004.jpg.json', {
    title: 'IMG_0004.jpg',
    taken: '2019-09-09T15:00:00Z',
    people: ['Barack Obama'],
  });

  // A sidecar whose photo is not in the export.
  json(year, 'gone.jpg.supplemental-metadata.json', {
    title: 'gone.jpg',
    taken: '2019-10-10T10:00:00Z',
  });
  // Year folders carry a metadata.json too; it does not make them albums.
  writeFileSync(path.join(year, 'metadata.json'), JSON.stringify({ title: 'Photos from 2019' }));

  // An album: its name and description come from its metadata.json.
  writeFileSync(
    path.join(album, 'metadata.json'),
    JSON.stringify({
      title: 'Rome, spring 2019',
      description: 'Four days with Ana',
      access: 'protected',
      date: { timestamp: seconds('2019-04-04T00:00:00Z'), formatted: 'Apr 4, 2019' },
    }),
  );
  copyFileSync(corpusPath('exif/gps/DSCN0012.jpg'), path.join(album, 'DSCN0012.jpg'));
  json(album, 'DSCN0012.jpg.json', { title: 'DSCN0012.jpg', taken: '2008-10-22T14:29:49Z' });

  // Exports that are JSON but neither sidecars nor albums.
  writeFileSync(path.join(photos, 'print-subscriptions.json'), JSON.stringify([{ id: 1 }]));
  writeFileSync(path.join(photos, 'user-generated-memory-titles.json'), '{"titles":[]}');
  return { root: dir, photos, year, album };
}
