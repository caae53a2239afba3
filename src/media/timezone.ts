// The time zone at a GPS position, offline: @photostructure/tz-lookup answers from a compact grid
// of IANA zone boundaries shipped in the package (no network, ~70 KB), and Node's ICU knows every
// zone's offset history. Used where a file records a position but no UTC offset:
//   - videos: QuickTime `creation_time` is UTC by specification; the viewer wants local time;
//   - photos: EXIF DateTimeOriginal is local wall clock without a zone (OffsetTime* came late).
//
// [Note: zone from position] The position says where the camera was, not what its clock was set to.
// A traveller whose camera still runs on home time gets the right offset for the place but a wall
// clock that is the camera's; a file's own offset tag, or the GPS timestamp taken with the photo
// (dates.ts offsetFromGps), describe the clock itself and always win over this lookup.

import { createRequire } from 'node:module';

import type tzLookupModule from '@photostructure/tz-lookup';

import { isValidPosition } from './gps.js';

// [Note: CommonJS by require] in media/exifr-reader.ts.
const tzLookup = createRequire(import.meta.url)(
  '@photostructure/tz-lookup',
) as typeof tzLookupModule;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** IANA zone at a position ("Europe/Rome", "Etc/GMT+2" at sea), or null for unusable input. */
export function zoneAt(lat: number, lon: number): string | null {
  if (!isValidPosition(lat, lon)) return null;
  try {
    return tzLookup(lat, lon);
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      return null; // a zone this Node's ICU does not know
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes east of UTC in force in `zone` at the instant `epochMs`. */
export function zoneOffsetAt(zone: string, epochMs: number): number | null {
  const f = formatterFor(zone);
  if (!f || !Number.isFinite(epochMs)) return null;
  const name = f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value;
  if (!name) return null;
  if (name === 'GMT') return 0;
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** "2008-10-22T16:28:39(.sss)" read as if it were UTC, in epoch milliseconds. */
function wallClockMs(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(local);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

function formatWallClock(ms: number, withMillis: boolean): string {
  const d = new Date(ms);
  const base =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withMillis ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

/**
 * A UTC time (wall-clock string of UTC, as QuickTime stores it) as local time at a position:
 * `{ local: "2023-07-14T12:22:05", offsetMinutes: 120 }` for Paris in summer. Null when the position
 * has no zone or the string is not a date-time.
 */
export function utcToLocalAt(
  utc: string,
  lat: number,
  lon: number,
): { local: string; offsetMinutes: number } | null {
  const zone = zoneAt(lat, lon);
  const ms = wallClockMs(utc);
  if (!zone || Number.isNaN(ms)) return null;
  const offset = zoneOffsetAt(zone, ms);
  if (offset === null) return null;
  return { local: formatWallClock(ms + offset * 60_000, utc.includes('.')), offsetMinutes: offset };
}

/**
 * The UTC offset of a local wall-clock time at a position (EXIF time without OffsetTime*). Near a
 * DST change the answer depends on the wall clock itself: of the offsets in force a day before
 * and a day after, keep the one that maps this wall clock back onto itself. In the repeated autumn
 * hour both do and the earlier instant (summer offset) wins; in the skipped spring hour neither
 * does and the offset from before the change wins, as on a camera whose clock has not jumped yet.
 */
export function localOffsetAt(local: string, lat: number, lon: number): number | null {
  const zone = zoneAt(lat, lon);
  const wall = wallClockMs(local);
  if (!zone || Number.isNaN(wall)) return null;
  const DAY = 86_400_000;
  const before = zoneOffsetAt(zone, wall - DAY);
  const after = zoneOffsetAt(zone, wall + DAY);
  if (before === null || after === null) return null;
  const fits = [before, after].filter((o) => zoneOffsetAt(zone, wall - o * 60_000) === o);
  if (fits.length === 0) return before;
  return Math.max(...fits);
}
