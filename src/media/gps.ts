import type { GpsInfo } from './types.js';

/**
 * A coordinate in any form the readers hand us, as signed decimal degrees:
 *   EXIF rationals [deg, min, sec] + ref "N"/"S"/"E"/"W";
 *   XMP "48,53.323582N" (DDD,MM.mmk) or "48,53,19.4N" (DDD,MM,SSk);
 *   plain numbers (exiftool -n), possibly already signed.
 * Returns null for anything malformed (NaN, empty arrays, minutes ≥ 60).
 */
export function coordinateToDecimal(value: unknown, ref?: unknown): number | null {
  let deg: number | null = null;
  let hemisphere = typeof ref === 'string' ? ref.trim().toUpperCase().charAt(0) : '';
  if (typeof value === 'number') {
    deg = value;
  } else if (Array.isArray(value)) {
    deg = fromParts(value.map(Number));
  } else if (typeof value === 'string') {
    const v = value.trim().toUpperCase();
    const tail = /([NSEW])$/.exec(v);
    if (tail) hemisphere = tail[1];
    const body = tail ? v.slice(0, -1).trim() : v;
    if (!body) return null;
    const parts = body
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    deg = parts.length === 1 ? parts[0] : fromParts(parts);
  }
  if (deg === null || !Number.isFinite(deg)) return null;
  if (hemisphere === 'S' || hemisphere === 'W') deg = -Math.abs(deg);
  return deg;
}

function fromParts(parts: number[]): number | null {
  if (parts.length === 0 || parts.length > 3 || !parts.every(Number.isFinite)) return null;
  const [d, m = 0, s = 0] = parts;
  if (m < 0 || m >= 60 || s < 0 || s >= 60) return null;
  return Math.abs(d) + m / 60 + s / 3600;
}

/**
 * A position worth putting on a map: finite, in range, and not "null island" (0,0), which phones
 * and editors write when they had no fix.
 */
export function isValidPosition(lat: number, lon: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return false;
  if (Math.abs(lat) < 1e-6 && Math.abs(lon) < 1e-6) return false;
  return true;
}

/** GPSAltitude with GPSAltitudeRef (1 = below sea level); null when absent or absurd. */
export function altitudeMetres(value: unknown, ref?: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.replace(/\s*m$/i, '')) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > 100_000) return null;
  const below = ref === 1 || ref === '1' || (typeof ref === 'string' && /below/i.test(ref));
  return below ? -Math.abs(n) : n;
}

/** Builds a GpsInfo from raw parts, or null when the position is unusable. */
export function makeGps(
  lat: unknown,
  latRef: unknown,
  lon: unknown,
  lonRef: unknown,
  alt?: unknown,
  altRef?: unknown,
): GpsInfo | null {
  const la = coordinateToDecimal(lat, latRef);
  const lo = coordinateToDecimal(lon, lonRef);
  if (la === null || lo === null || !isValidPosition(la, lo)) return null;
  return { lat: la, lon: lo, alt: altitudeMetres(alt, altRef) };
}
