// The reader-neutral middle of metadata extraction: exifr and exiftool both fill a CollectedTags,
// and the pure functions here turn it into MediaMetadata fields. Keeping the choices (which date
// wins, which GPS is trusted) here means one set of rules and unit tests for both readers.

import {
  dateFromFilename,
  localFromInstant,
  offsetFromGps,
  parseOffset,
  parseTagDate,
  withSubseconds,
} from './dates.js';
import { localOffsetAt, utcToLocalAt } from './timezone.js';
import type { CameraInfo, CaptureHints, DateSource, ExposureInfo, GpsInfo } from './types.js';

/**
 * [Note: date priority] Lower rank wins. Capture tags first (EXIF DateTimeOriginal, then the
 * digitised time), then their XMP and IPTC mirrors, then QuickTime (UTC by specification), and only
 * then IFD0 ModifyDate, which is "last saved" and often the day someone edited the photo. We prefer
 * xmp:CreateDate over ModifyDate on purpose: in `edge_cases/ianare/no_exif.jpg` they are a year apart
 * and the earlier one is the photo. exiftool-based oracles that take ModifyDate first disagree there.
 */
export const DATE_RANK = {
  exifOriginal: 0,
  exifDigitized: 1,
  xmpOriginal: 2,
  xmpCreate: 3,
  iptc: 4,
  quicktime: 5,
  exifModified: 6,
} as const;

export interface DateCandidate {
  /** the date string as read ("2008:10:22 16:28:39", "2010-04-13T09:37:22+02:00", "2004:02:26") */
  value: string;
  /** separate offset tag ("+02:00" from OffsetTimeOriginal …) or minutes, when the value has none */
  offset?: unknown;
  /** SubSecTime* digits */
  subsec?: unknown;
  rank: number;
  source: DateSource;
  /** QuickTime times are UTC by spec: with no offset given, read them as +00:00 */
  assumeUtc?: boolean;
}

/** What a tag reader found: camera, capture hints and exposure (types.ts), and the raw rest. */
export interface CollectedTags extends CameraInfo, CaptureHints, ExposureInfo {
  /** IFD0 Orientation as written (may be invalid, e.g. 0) */
  orientation: number | null;
  /** XMP tiff:Orientation, consulted only when there is no EXIF tag */
  xmpOrientation: number | null;
  dates: DateCandidate[];
  /** positions in priority order (EXIF GPS IFD before XMP); the first valid one is used */
  gpsCandidates: GpsInfo[];
  /** true when some GPS tags were present but none formed a usable position */
  gpsRejected: boolean;
  gpsDate: unknown;
  gpsTime: unknown;
  /** Apple Live Photo asset id (MakerNote 0x0011), see apple-makernote.ts */
  contentIdentifier: string | null;
  /** stored size per the tag reader, for formats sharp cannot open (RAW, JXL, PSD) */
  width: number | null;
  height: number | null;
  warnings: string[];
}

export function emptyTags(): CollectedTags {
  return {
    make: null,
    model: null,
    lens: null,
    lensMake: null,
    software: null,
    userComment: null,
    panorama: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    orientation: null,
    xmpOrientation: null,
    dates: [],
    gpsCandidates: [],
    gpsRejected: false,
    gpsDate: null,
    gpsTime: null,
    contentIdentifier: null,
    width: null,
    height: null,
    warnings: [],
  };
}

/** Trimmed text without NULs and placeholder noise; null when nothing meaningful is left. */
export function cleanText(value: unknown): string | null {
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return null;
  // EXIF strings are C strings: what follows a NUL is leftover buffer ("ION230\0F" is "ION230").
  const v = (value.split('\0').find((part) => part.trim() !== '') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!v || /^(unknown|-+|0)$/i.test(v)) return null;
  return v;
}

/**
 * Lens names only: exiftool -n prints lens *type ids* (65535, 325, -7910804157571773682) where it
 * has no name, and those mean nothing to a person.
 */
export function cleanLens(value: unknown): string | null {
  const v = cleanText(value);
  if (!v || /^-?\d+$/.test(v)) return null;
  return v;
}

/** A positive finite number (rationals arrive as numbers from both readers); else null. */
export function positiveNumber(value: unknown): number | null {
  if (Array.isArray(value)) value = value[0];
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return n;
}

export function cameraInfo(tags: CollectedTags): CameraInfo {
  return { make: tags.make, model: tags.model, lens: tags.lens };
}

export function captureHints(tags: CollectedTags): CaptureHints {
  return {
    lensMake: tags.lensMake,
    software: tags.software,
    userComment: tags.userComment,
    panorama: tags.panorama,
  };
}

/**
 * EXIF UserComment: an 8-byte character-code header ("ASCII\0\0\0", "UNICODE\0", "JIS…", or
 * zeros for undefined) then the text. Readers hand it over as bytes (exifr) or as text already
 * (exiftool); both come out as cleaned text, null when empty or padding only.
 */
export function userCommentText(value: unknown): string | null {
  if (!(value instanceof Uint8Array)) return cleanText(value);
  const head = Buffer.from(value.subarray(0, 8)).toString('latin1');
  const body = Buffer.from(value.subarray(value.length >= 8 ? 8 : 0));
  if (head.startsWith('UNICODE')) {
    // UCS-2 in the file's byte order, which the tag does not say: take the reading with letters.
    const le = body.toString('utf16le');
    const swapped = Buffer.from(body);
    if (swapped.length % 2 === 0) swapped.swap16();
    const be = swapped.toString('utf16le');
    const latin = (t: string) => (t.match(/[\x20-\x7e]/g) ?? []).length;
    return cleanText(latin(be) > latin(le) ? be : le);
  }
  return cleanText(body.toString(head.startsWith('ASCII') ? 'latin1' : 'utf8'));
}

/** GPano (Google's photo-sphere XMP): the projection, or "gpano" when only other tags say so. */
export function panoramaTag(
  projection: unknown,
  viewer: unknown,
  fullWidth: unknown,
): string | null {
  const p = cleanText(projection);
  if (p) return p.toLowerCase();
  const on = viewer === true || (typeof viewer === 'string' && /^true$/i.test(viewer));
  return on || positiveNumber(fullWidth) !== null ? 'gpano' : null;
}

export function exposureInfo(tags: CollectedTags): ExposureInfo {
  return {
    exposureTime: tags.exposureTime,
    fNumber: tags.fNumber,
    iso: tags.iso,
    focalLength: tags.focalLength,
  };
}

export function pickGps(tags: CollectedTags): GpsInfo | null {
  return tags.gpsCandidates[0] ?? null;
}

export interface TakenAt {
  takenAt: string | null;
  takenOffsetMinutes: number | null;
  takenAtSource: DateSource | null;
}

/**
 * The capture time: best tag by DATE_RANK, else a date in the file name, else the file's mtime
 * (as this machine's wall clock, with its zone offset at that instant).
 */
export function pickTakenAt(tags: CollectedTags, fileName: string, mtime: Date | null): TakenAt {
  const resolved = [...tags.dates]
    .sort((a, b) => a.rank - b.rank)
    .map((c) => resolveCandidate(c, tags))
    .filter((r): r is Resolved => r !== null);
  const best = resolved[0];
  if (best) {
    // A date-only winner (IPTC DateCreated, photoshop:DateCreated) borrows the time of a weaker
    // tag that falls on the same day: same capture, more precision.
    const timed = best.dateOnly
      ? resolved.find((r) => !r.dateOnly && r.local.slice(0, 10) === best.local.slice(0, 10))
      : undefined;
    const pick = timed ?? best;
    return { takenAt: pick.local, takenOffsetMinutes: pick.offset, takenAtSource: best.source };
  }
  const fromName = dateFromFilename(fileName);
  if (fromName) {
    return { takenAt: fromName.local, takenOffsetMinutes: null, takenAtSource: 'filename' };
  }
  if (mtime && !Number.isNaN(mtime.getTime())) {
    const { local, offsetMinutes } = localFromInstant(mtime);
    return { takenAt: local, takenOffsetMinutes: offsetMinutes, takenAtSource: 'file-mtime' };
  }
  return { takenAt: null, takenOffsetMinutes: null, takenAtSource: null };
}

interface Resolved {
  local: string;
  offset: number | null;
  dateOnly: boolean;
  source: DateSource;
}

/**
 * [Note: offset sources] A date's offset comes from, in order: the date string itself or its
 * OffsetTime* tag; for QuickTime (UTC by specification) the zone at the GPS position, turning the
 * UTC time into local time, else +00:00 with the UTC wall clock; for other times the GPS UTC
 * timestamp taken with the photo; last, the zone at the GPS position (timezone.ts). The GPS
 * timestamp beats the position because it describes the camera's clock, not the place.
 */
function resolveCandidate(c: DateCandidate, tags: CollectedTags): Resolved | null {
  const parsed = parseTagDate(c.value);
  if (!parsed) return null;
  let local = withSubseconds(parsed.local, c.subsec);
  let offset =
    parsed.offsetMinutes ?? (typeof c.offset === 'number' ? c.offset : parseOffset(c.offset));
  const gps = pickGps(tags);
  if (offset === null && c.assumeUtc && !parsed.dateOnly) {
    const atPlace = gps ? utcToLocalAt(local, gps.lat, gps.lon) : null;
    if (atPlace) ({ local, offsetMinutes: offset } = atPlace);
    else offset = 0;
  }
  if (offset === null && c.assumeUtc) offset = 0;
  if (offset === null && !parsed.dateOnly)
    offset = offsetFromGps(local, tags.gpsDate, tags.gpsTime);
  if (offset === null && !parsed.dateOnly && gps) offset = localOffsetAt(local, gps.lat, gps.lon);
  return { local, offset, dateOnly: parsed.dateOnly, source: c.source };
}
