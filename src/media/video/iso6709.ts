// ISO 6709 positions, as phones write them into videos: QuickTime `©xyz` ("+48.8584+002.2945/"),
// Apple's Keys `com.apple.quicktime.location.ISO6709` ("+48.8584+002.2945+035.120/"), the same
// string under exiftool's name `GPSCoordinates`. Pure.

import { makeGps } from '../gps.js';
import type { GpsInfo } from '../types.js';

// Decimal degrees (±DD.D, ±DDD.D), or the packed forms ±DDMM.M / ±DDMMSS.S and their longitude
// counterparts. A sign is mandatory on each part; the height and the CRS suffix are optional.
const ISO6709 =
  /^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?\s*(?:CRS[^/]*)?\/?\s*$/i;

/** "+DD.D", "+DDMM.M", "+DDMMSS.S" (degree digits: 2 for latitude, 3 for longitude) → degrees. */
function part(text: string, degreeDigits: number): number | null {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.slice(1);
  const [int, frac = ''] = body.split('.');
  const tail = frac ? `.${frac}` : '';
  let deg: number;
  if (int.length <= degreeDigits) {
    deg = Number(int + tail);
  } else if (int.length === degreeDigits + 2) {
    const d = Number(int.slice(0, degreeDigits));
    const m = Number(int.slice(degreeDigits) + tail);
    if (m >= 60) return null;
    deg = d + m / 60;
  } else if (int.length === degreeDigits + 4) {
    const d = Number(int.slice(0, degreeDigits));
    const m = Number(int.slice(degreeDigits, degreeDigits + 2));
    const s = Number(int.slice(degreeDigits + 2) + tail);
    if (m >= 60 || s >= 60) return null;
    deg = d + m / 60 + s / 3600;
  } else {
    return null;
  }
  return Number.isFinite(deg) ? sign * deg : null;
}

/**
 * The position in an ISO 6709 string, or null for anything malformed, out of range or at 0,0
 * (what a phone writes without a fix). Also accepts exiftool's "48.8584 2.2945 35.12" form.
 */
export function parseIso6709(value: unknown): GpsInfo | null {
  if (typeof value !== 'string') return null;
  const m = ISO6709.exec(value);
  if (m) {
    const lat = part(m[1], 2);
    const lon = part(m[2], 3);
    if (lat === null || lon === null) return null;
    return makeGps(lat, '', lon, '', m[3] === undefined ? undefined : Number(m[3]));
  }
  const spaced = /^\s*(-?\d+(?:\.\d+)?)[ ,]+(-?\d+(?:\.\d+)?)(?:[ ,]+(-?\d+(?:\.\d+)?))?\s*$/.exec(
    value,
  );
  if (!spaced) return null;
  return makeGps(
    Number(spaced[1]),
    '',
    Number(spaced[2]),
    '',
    spaced[3] === undefined ? undefined : Number(spaced[3]),
  );
}
