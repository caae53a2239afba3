// A video's container tags (as ffprobe prints them, keys lower-cased) → the CollectedTags the photo
// path uses, so one set of rules (tags.ts: date priority, offsets, GPS) decides for both. Pure.
//
// [Note: video dates] In priority order:
//   1. Apple's `com.apple.quicktime.creationdate` ("2023-07-14T12:22:05+0200"): local time with its
//      offset, written by iPhones; taken as is.
//   2. `date` (QuickTime ©day, some cameras): taken as written; without an offset it is local time,
//      whose offset then comes from the zone at the GPS position.
//   3. `creation_time` (the `mvhd` box; Matroska DateUTC): UTC by specification. With a GPS position
//      it becomes local time in the zone there (timezone.ts); without one it stays UTC, +00:00.
//      The QuickTime and Unix epochs (1904-01-01, 1970-01-01) mean "never set" and are skipped.
// exiftool fills what these leave empty (AVCHD .MTS keep their date in the H.264 stream, AVI in RIFF
// chunks): see metadata.ts. All of them are 'quicktime' sources, "from the video metadata".

import { DATE_RANK, emptyTags, type CollectedTags } from '../tags.js';
import { parseIso6709 } from './iso6709.js';

const LOCATION_KEYS = [
  'com.apple.quicktime.location.iso6709',
  'location',
  'location-eng',
  'com.android.location',
];
const MAKE_KEYS = ['com.apple.quicktime.make', 'make', 'com.android.manufacturer', 'manufacturer'];
const MODEL_KEYS = ['com.apple.quicktime.model', 'model', 'com.android.model'];

function first(tags: Record<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = tags[k]?.replace(/\0/g, '').trim();
    if (v) return v;
  }
  return null;
}

/** "2023-07-14T10:22:05.000000Z" → "2023-07-14T10:22:05" (UTC wall clock), null for epochs. */
export function utcCreationTime(value: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?\s*(?:Z|[+-]00:?00)?$/i.exec(
    value?.trim() ?? '',
  );
  if (!m) return null;
  if (m[1] === '1904-01-01' || m[1] === '1970-01-01') return null;
  return `${m[1]}T${m[2]}`;
}

export function collectVideoTags(tags: Record<string, string>): CollectedTags {
  const out = emptyTags();
  out.make = first(tags, MAKE_KEYS);
  out.model = first(tags, MODEL_KEYS);
  const apple = tags['com.apple.quicktime.creationdate'];
  if (apple) out.dates.push({ value: apple, rank: DATE_RANK.exifOriginal, source: 'quicktime' });
  if (tags.date)
    out.dates.push({ value: tags.date, rank: DATE_RANK.exifDigitized, source: 'quicktime' });
  const utc = utcCreationTime(tags.creation_time);
  if (utc) {
    out.dates.push({ value: utc, rank: DATE_RANK.quicktime, source: 'quicktime', assumeUtc: true });
  }
  let sawLocation = false;
  for (const key of LOCATION_KEYS) {
    if (!tags[key]) continue;
    sawLocation = true;
    const gps = parseIso6709(tags[key]);
    if (gps) out.gpsCandidates.push(gps);
  }
  out.gpsRejected = sawLocation && out.gpsCandidates.length === 0;
  return out;
}

export function contentIdentifierOf(tags: Record<string, string>): string | null {
  return first(tags, ['com.apple.quicktime.content.identifier']);
}

/** What exiftool calls 'exif' inside a video (H.264 SEI, RIFF) is still "from the video metadata". */
export function asVideoSources(tags: CollectedTags): CollectedTags {
  return {
    ...tags,
    dates: tags.dates.map((d) =>
      d.source === 'exif' || d.source === 'exif-modified' ? { ...d, source: 'quicktime' } : d,
    ),
  };
}
