// What a Takeout sidecar adds to what the file itself says.
//
// [Note: file first, sidecar fills gaps] Metadata inside the file wins wherever it is present: it
// travels with the photo and other tools see it too. The sidecar fills what the file lacks — a
// place, a description — with one exception: the date. Google strips or never had EXIF capture
// dates for many files (screenshots, messaging apps, scans, some edits), and what Picto falls back
// to then (a date in the file name, the file's mtime, which is the day of the export, or IFD0
// ModifyDate, the last save) is worse than Google's photoTakenTime. So the Takeout date replaces
// every date that did not come from a capture tag.

import type { DateSource, GpsInfo } from '../../media/index.js';
import { localTimeAt, type LocalTime, type ZoneLookup } from './local-time.js';
import type { GeoPoint, TakeoutPhoto } from './parse.js';

/** What the file's own metadata says (MediaMetadata fields, plus a description read from it). */
export interface FileFacts {
  takenAt: string | null;
  takenOffsetMinutes: number | null;
  takenAtSource: DateSource | null;
  gps: GpsInfo | null;
  description?: string | null;
}

export type TakeoutField = 'date' | 'place' | 'description' | 'favorite' | 'people';

export interface TakeoutFill {
  /** Set when the Takeout date replaces the file's: the instant and its wall clock at the place. */
  takenAt: (LocalTime & { instant: string }) | null;
  /** Set when the file has no position and the sidecar has one. */
  gps: GeoPoint | null;
  /** Set when the file has no description and the sidecar has one. */
  description: string | null;
  /** Starred in Google Photos. */
  favorite: boolean;
  /** People Google named in the photo (no boxes: the face matcher's single-face rule uses them). */
  people: string[];
  /** The name the photo had in Google Photos. */
  title: string | null;
  /** Which fields the sidecar supplied, for the import report. */
  filled: TakeoutField[];
}

/**
 * Date sources that are not a capture tag: the Takeout date is better than all of them. A date an
 * earlier import gave ('takeout') is replaced by what the sidecar says now.
 */
const WEAK_DATES = new Set<DateSource | null>([
  'filename',
  'file-mtime',
  'exif-modified',
  'takeout',
  null,
]);

export function fileDateIsWeak(source: DateSource | null): boolean {
  return WEAK_DATES.has(source);
}

/**
 * The place a sidecar gives: `geoData` (what Google Photos shows, a place set by hand included),
 * else `geoDataExif` (the file's EXIF at upload, useful when the export lost it).
 */
export function takeoutPlace(photo: TakeoutPhoto): GeoPoint | null {
  return photo.geo ?? photo.geoExif;
}

export function mergeTakeout(
  file: FileFacts,
  photo: TakeoutPhoto,
  zoneOf: ZoneLookup,
  fallbackZone?: string,
): TakeoutFill {
  const filled: TakeoutField[] = [];
  const sidecarPlace = takeoutPlace(photo);
  const gps = file.gps ? null : sidecarPlace;
  if (gps) filled.push('place');
  const place = file.gps ?? sidecarPlace;

  let takenAt: TakeoutFill['takenAt'] = null;
  if (photo.takenAt && fileDateIsWeak(file.takenAtSource)) {
    const local = localTimeAt(photo.takenAt, place, zoneOf, fallbackZone);
    if (local) {
      takenAt = { ...local, instant: photo.takenAt };
      filled.push('date');
    }
  }

  const description = file.description?.trim() ? null : photo.description;
  if (description) filled.push('description');
  if (photo.favorited) filled.push('favorite');
  if (photo.people.length) filled.push('people');
  return {
    takenAt,
    gps,
    description,
    favorite: photo.favorited,
    people: photo.people,
    title: photo.title,
    filled,
  };
}
