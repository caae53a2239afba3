// Date strings as cameras and editors write them, turned into local wall-clock ISO strings.
// Nothing here goes through JS Date parsing: EXIF times have no zone, and `new Date(str)` would
// silently read them in the machine's zone.

export interface ParsedDate {
  /** local wall clock, `YYYY-MM-DDTHH:mm:ss` with `.sss` when sub-seconds are known */
  local: string;
  /** minutes east of UTC when the string carried an offset (`Z`, `+02:00`), else null */
  offsetMinutes: number | null;
  /** true when only a calendar date was given (IPTC DateCreated, file names like IMG-20190102-WA0001) */
  dateOnly: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Plausible calendar values only: rejects the "0000:00:00 00:00:00" placeholders cameras write. */
function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return (
    y >= 1800 &&
    y <= 2999 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h >= 0 &&
    h <= 23 &&
    mi >= 0 &&
    mi <= 59 &&
    s >= 0 &&
    s <= 60
  );
}

/** "+02:00", "-0500", "Z", "+00:00" → minutes east of UTC; null when absent or implausible. */
export function parseOffset(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v === 'Z' || v === 'z') return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(v);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

const DATE_TIME =
  /^(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?)?\s*(Z|[+-]\d{1,2}:?\d{2})?$/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Parses EXIF ("2008:10:22 16:28:39"), XMP/ISO ("2010-04-13T09:37:22+02:00", "…12:43:03Z"),
 * and date-only forms ("2004:02:26", IPTC "20040226"). Returns null for blanks and placeholders.
 */
export function parseTagDate(value: unknown): ParsedDate | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\0/g, '').trim();
  if (!v) return null;
  const compact = COMPACT_DATE.exec(v);
  const m = compact ?? DATE_TIME.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = !compact && m[4] !== undefined;
  const h = hasTime ? Number(m[4]) : 0;
  const mi = hasTime ? Number(m[5]) : 0;
  const s = hasTime && m[6] !== undefined ? Math.min(Number(m[6]), 59) : 0;
  if (!validParts(y, mo, d, h, mi, s)) return null;
  let local = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  const frac = compact ? undefined : m[7];
  if (hasTime && frac) local = withSubseconds(local, frac);
  const offsetMinutes = compact ? null : parseOffset(m[8]);
  return { local, offsetMinutes, dateOnly: !hasTime };
}

/** Appends EXIF SubSecTime* digits ("762", "7", "00") as milliseconds. */
export function withSubseconds(local: string, subsec: unknown): string {
  const digits = String(subsec ?? '')
    .trim()
    .replace(/\D.*$/, '');
  if (!digits || local.includes('.')) return local;
  return `${local}.${digits.slice(0, 3).padEnd(3, '0')}`;
}

/** IPTC TimeCreated "091500+0200" or "09:15:00+02:00" → { time: "09:15:00", offset } */
export function parseIptcTime(
  value: unknown,
): { time: string; offsetMinutes: number | null } | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{2}):?(\d{2}):?(\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return { time: `${pad(h)}:${pad(mi)}:${pad(s)}`, offsetMinutes: parseOffset(m[4]) };
}

function localToEpochMinutes(local: string): number {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) / 60000;
}

/**
 * The zone of a local capture time, inferred from the GPS UTC timestamp taken at the same moment.
 * Zones are multiples of 15 minutes. The GPS time may lag the shutter by a fix interval (the
 * corpus Nikon P6000 files: 1.5 min), so up to 3 minutes off a zone boundary is accepted;
 * anything further (stale fix, camera clock drift) says nothing about the zone.
 */
export function offsetFromGps(local: string, gpsDate: unknown, gpsTime: unknown): number | null {
  const date = parseTagDate(typeof gpsDate === 'string' ? gpsDate.trim() : null);
  if (!date) return null;
  let time: string | null = null;
  if (Array.isArray(gpsTime) && gpsTime.length >= 2) {
    const [h, mi, s] = gpsTime.map(Number);
    if ([h, mi].every(Number.isFinite)) time = `${pad(h)}:${pad(mi)}:${pad(Math.floor(s || 0))}`;
  } else if (typeof gpsTime === 'string') {
    time = parseIptcTime(gpsTime.replace(/\.\d+/, '').replace(/Z$/, ''))?.time ?? null;
  }
  if (!time) return null;
  const utc = parseTagDate(`${date.local.slice(0, 10)} ${time}`);
  if (!utc) return null;
  const diff = localToEpochMinutes(local) - localToEpochMinutes(utc.local);
  const zone = Math.round(diff / 15) * 15;
  if (Math.abs(diff - zone) > 3 || Math.abs(zone) > 14 * 60) return null;
  return zone;
}

const FILENAME_DATE =
  /(?<!\d)((?:19[89]|20\d)\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[ T_.-]{0,3}([01]\d|2[0-3])[-_.:h ]?([0-5]\d)[-_.:m ]?([0-5]\d)(?:\d{1,3})?)?(?!\d)/;

/**
 * Capture date from names phones and apps give files: IMG_20190102_123456.jpg,
 * PXL_20210102_123456789.jpg, 2019-01-02 12.34.56.jpg, IMG-20190102-WA0001.jpg (date only).
 */
export function dateFromFilename(name: string): ParsedDate | null {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const m = FILENAME_DATE.exec(base);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [h, mi, s] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6])] : [0, 0, 0];
  if (!validParts(y, mo, d, h, mi, s)) return null;
  return {
    local: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`,
    offsetMinutes: null,
    dateOnly: !hasTime,
  };
}

/** A file time as local wall clock of this machine, with the zone offset in force at that instant. */
export function localFromInstant(instant: Date): { local: string; offsetMinutes: number } {
  const d = instant;
  const local =
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return { local, offsetMinutes: -d.getTimezoneOffset() };
}
