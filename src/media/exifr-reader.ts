// The fast path: exifr parses EXIF/XMP/IPTC in well under a millisecond for a JPEG. It does not
// understand WebP, CR3, RAF and some HEIF writers; metadata.ts falls back to exiftool for those.

import { createRequire } from 'node:module';

import type exifrModule from 'exifr';

// [Note: CommonJS by require] exifr (76 KB) and @photostructure/tz-lookup (73 KB) are CommonJS.
// An ESM `import` of one runs node's CommonJS lexer over its whole source to find its named
// exports, and the lexer's hot loop then gets optimised by TurboFan in every thread that loads it:
// ~30 ms of CPU for exifr and ~8 for the zone table, per indexing worker, against ~10 and ~3 by
// `require`, which returns the same module.exports the import's default was.
const exifr = createRequire(import.meta.url)('exifr') as typeof exifrModule;

import { errorText } from './errors.js';
import { appleContentIdentifier } from './apple-makernote.js';
import { makeGps } from './gps.js';
import { parseIptcTime } from './dates.js';
import {
  cleanLens,
  cleanText,
  DATE_RANK,
  emptyTags,
  positiveNumber,
  type CollectedTags,
  panoramaTag,
  userCommentText,
  type DateCandidate,
} from './tags.js';

const EXIFR_OPTIONS = {
  exif: true,
  gps: true,
  xmp: true,
  iptc: true,
  ifd1: false,
  interop: false,
  // raw bytes only (exifr does not parse maker notes): Apple's holds the Live Photo id
  makerNote: true,
  // UserComment is how iOS marks a screenshot (read for the categories).
  userComment: true,
  icc: false,
  jfif: false,
  ihdr: false,
  // Separate blocks per segment so we know where a value came from (EXIF vs XMP vs IPTC).
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  // Keep dates as strings: revived Dates would be read in the machine's zone.
  reviveValues: false,
  sanitize: true,
};

export interface ExifrResult {
  tags: CollectedTags;
  /** false when exifr could not parse the container, so another reader should try */
  parsed: boolean;
  /** true when at least one segment failed (bad IFD, truncated XMP) */
  partial: boolean;
}

type Block = Record<string, unknown>;

function block(value: unknown): Block {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Block) : {};
}

/** XMP mirrors of EXIF dates come as ISO strings; EXIF proper uses colons in the date. */
function isXmpStyle(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim());
}

/** Binary tags (GPSAltitudeRef, …) arrive as byte arrays. */
function byteValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return value[0];
  return value;
}

/** An XMP lang-alt value ({ lang: 'x-default', value: '…' }) as its text; other values as they are. */
function langAlt(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const v = (value as Block).value;
    return typeof v === 'string' ? v : null;
  }
  return value;
}

/** "324145/1000" (XMP rationals) → number */
function rational(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m) return value;
  const den = Number(m[2]);
  return den === 0 ? null : Number(m[1]) / den;
}

export async function readWithExifr(input: Buffer | string): Promise<ExifrResult> {
  const tags = emptyTags();
  let out: Block;
  try {
    out = block(await exifr.parse(input, EXIFR_OPTIONS));
  } catch (e) {
    tags.warnings.push(`exifr: ${errorText(e)}`);
    return { tags, parsed: false, partial: true };
  }
  const errors = Array.isArray(out.errors) ? (out.errors as unknown[]) : [];
  for (const err of errors) {
    const msg = errorText(err);
    if (msg && msg !== '[object Object]') tags.warnings.push(`exifr: ${msg}`);
  }
  fillFromExifr(tags, out);
  return { tags, parsed: true, partial: errors.length > 0 };
}

/** Exported for tests: maps exifr's per-segment output onto CollectedTags. */
export function fillFromExifr(tags: CollectedTags, out: Block): void {
  const ifd0 = block(out.ifd0);
  // XMP's "exif:" namespace lands in the same block as the EXIF IFD (exifr merges by prefix).
  const exif = block(out.exif);
  const gps = block(out.gps);
  const xmp = { ...block(out.xap), ...block(out.xmp) };
  const xmpTiff = block(out.tiff);
  const photoshop = block(out.photoshop);
  const aux = block(out.aux);
  const exifEX = block(out.exifEX);
  const iptc = block(out.iptc);

  tags.contentIdentifier = appleContentIdentifier(out.makerNote);
  tags.make = cleanText(ifd0.Make) ?? cleanText(xmpTiff.Make);
  tags.model = cleanText(ifd0.Model) ?? cleanText(xmpTiff.Model);
  tags.lens =
    cleanLens(exif.LensModel) ?? cleanLens(exifEX.LensModel) ?? cleanLens(aux.Lens) ?? null;
  tags.lensMake = cleanText(exif.LensMake) ?? cleanText(exifEX.LensMake);
  tags.software = cleanText(ifd0.Software) ?? cleanText(xmp.CreatorTool);
  // exifr hands the EXIF tag over as bytes, an XMP exif:UserComment (macOS) as text or lang-alt.
  tags.userComment = userCommentText(out.userComment) ?? userCommentText(langAlt(exif.UserComment));
  const gpano = block(out.GPano);
  tags.panorama = panoramaTag(
    gpano.ProjectionType,
    gpano.UsePanoramaViewer,
    gpano.FullPanoWidthPixels,
  );
  tags.exposureTime = positiveNumber(exif.ExposureTime);
  tags.fNumber = positiveNumber(exif.FNumber);
  tags.iso = positiveNumber(exif.ISO ?? exif.ISOSpeedRatings ?? exif.PhotographicSensitivity);
  tags.focalLength = positiveNumber(exif.FocalLength);
  tags.orientation = typeof ifd0.Orientation === 'number' ? ifd0.Orientation : null;
  const xo = Number(xmpTiff.Orientation);
  tags.xmpOrientation = Number.isInteger(xo) ? xo : null;

  const dates: DateCandidate[] = [];
  const add = (value: unknown, c: Omit<DateCandidate, 'value'>) => {
    if (typeof value === 'string' && value.trim()) dates.push({ value, ...c });
  };
  const exifOrXmp = (value: unknown, exifRank: number, xmpRank: number) =>
    isXmpStyle(value)
      ? { rank: xmpRank, source: 'xmp' as const }
      : { rank: exifRank, source: 'exif' as const };
  add(exif.DateTimeOriginal, {
    ...exifOrXmp(exif.DateTimeOriginal, DATE_RANK.exifOriginal, DATE_RANK.xmpOriginal),
    offset: exif.OffsetTimeOriginal ?? exif.OffsetTime,
    subsec: exif.SubSecTimeOriginal,
  });
  add(exif.CreateDate, {
    ...exifOrXmp(exif.CreateDate, DATE_RANK.exifDigitized, DATE_RANK.xmpCreate),
    offset: exif.OffsetTimeDigitized ?? exif.OffsetTime,
    subsec: exif.SubSecTimeDigitized,
  });
  add(exif.DateTimeDigitized, {
    ...exifOrXmp(exif.DateTimeDigitized, DATE_RANK.exifDigitized, DATE_RANK.xmpCreate),
    offset: exif.OffsetTimeDigitized,
  });
  add(photoshop.DateCreated, { rank: DATE_RANK.xmpOriginal, source: 'xmp' });
  add(xmp.CreateDate, { rank: DATE_RANK.xmpCreate, source: 'xmp' });
  if (typeof iptc.DateCreated === 'string') {
    const time = parseIptcTime(iptc.TimeCreated);
    add(time ? `${iptc.DateCreated.trim()} ${time.time}` : iptc.DateCreated, {
      rank: DATE_RANK.iptc,
      source: 'iptc',
      offset: time?.offsetMinutes ?? undefined,
    });
  }
  add(ifd0.ModifyDate, {
    rank: DATE_RANK.exifModified,
    source: 'exif-modified',
    offset: exif.OffsetTime,
    subsec: exif.SubSecTime,
  });
  tags.dates = dates;

  // EXIF GPS IFD first; XMP exif:GPS* second (Nikon D5000 in the corpus has a broken GPS IFD
  // but a valid XMP position).
  const hasExifGps = gps.GPSLatitude !== undefined || gps.latitude !== undefined;
  const fromIfd =
    makeGps(
      gps.GPSLatitude,
      gps.GPSLatitudeRef,
      gps.GPSLongitude,
      gps.GPSLongitudeRef,
      gps.GPSAltitude,
      byteValue(gps.GPSAltitudeRef),
    ) ?? (typeof gps.latitude === 'number' ? makeGps(gps.latitude, '', gps.longitude, '') : null);
  const hasXmpGps = typeof exif.GPSLatitude === 'string';
  const fromXmp = hasXmpGps
    ? makeGps(
        exif.GPSLatitude,
        '',
        exif.GPSLongitude,
        '',
        rational(exif.GPSAltitude),
        exif.GPSAltitudeRef,
      )
    : null;
  if (fromIfd) tags.gpsCandidates.push(fromIfd);
  if (fromXmp) tags.gpsCandidates.push(fromXmp);
  tags.gpsRejected = (hasExifGps || hasXmpGps) && tags.gpsCandidates.length === 0;
  tags.gpsDate = gps.GPSDateStamp;
  tags.gpsTime = gps.GPSTimeStamp;
}
