// night: taken after dusk or before dawn.

import { round } from './evidence.js';
import { CIVIL_DUSK_ELEVATION, solarElevation, SUNSET_ELEVATION, utcOf } from './sun.js';
import type { MetaSignals, Signals, Verdict } from './types.js';

export const NIGHT_DEFINITION =
  'Taken at night: the sun below the horizon at the capture time and place (solar position ' +
  'from the EXIF date and GPS, computed offline). Without a place, a dark frame shot at high ' +
  'ISO or with a long exposure.';

/**
 * Capture times read from tags, given by Google Takeout (its photoTakenTime is the capture
 * instant) or set by the user in Picto; a file time or a "last saved" date says nothing about the
 * light.
 */
const CAPTURE_SOURCES = new Set(['exif', 'xmp', 'iptc', 'quicktime', 'takeout', 'user']);

/**
 * The highest solar elevation the capture could have had. With the offset unrecorded, the zone
 * is guessed from the longitude (15° an hour) and the hour either side is tried too: a photo is
 * called night only if it is night under all three (zones and summer time stray about an hour).
 */
export function captureElevation(m: MetaSignals): { elevation: number; guessed: boolean } | null {
  if (!m.gps || !m.takenAt || !m.takenAtSource || !CAPTURE_SOURCES.has(m.takenAtSource))
    return null;
  const { lat, lon } = m.gps;
  const offsets =
    m.takenOffsetMinutes !== null
      ? [m.takenOffsetMinutes]
      : [-60, 0, 60].map((d) => Math.round(lon / 15) * 60 + d);
  let best = -Infinity;
  for (const offset of offsets) {
    const utc = utcOf(m.takenAt, offset);
    if (utc === null) return null;
    best = Math.max(best, solarElevation(utc, lat, lon));
  }
  return { elevation: best, guessed: m.takenOffsetMinutes === null };
}

/** Darkness of the frame without a place: median and mean luma. */
const DARK_MEDIAN = 70;
const DARK_MEAN = 65;
const HIGH_ISO = 1600;
/** Seconds: handheld shots longer than this are the camera fighting the dark. */
const LONG_EXPOSURE = 1 / 15;

export function nightVerdict(s: Signals): Verdict {
  const m = s.meta;
  const sun = captureElevation(m);
  if (sun) {
    const deg = Math.abs(Math.round(sun.elevation));
    const zone = sun.guessed ? ', time zone from longitude' : '';
    if (sun.elevation >= SUNSET_ELEVATION)
      return { score: 0.03, reason: `sun ${deg}° above the horizon${zone}` };
    const depth = SUNSET_ELEVATION - sun.elevation;
    const twilight = sun.elevation > CIVIL_DUSK_ELEVATION;
    const score = twilight
      ? 0.6 + (0.3 * depth) / (SUNSET_ELEVATION - CIVIL_DUSK_ELEVATION)
      : Math.min(0.98, 0.9 + (CIVIL_DUSK_ELEVATION - sun.elevation) / 100);
    return {
      score: round(score - (sun.guessed ? 0.03 : 0)),
      reason: `sun ${deg}° below the horizon${twilight ? ' (twilight)' : ''}${zone}`,
    };
  }
  const p = s.pixels;
  if (!p) return { score: 0, reason: 'no place or pixels' };
  const dark = p.p50 <= DARK_MEDIAN && p.meanLuma <= DARK_MEAN;
  if (!dark) return { score: 0.03, reason: 'not a dark frame' };
  const iso = m.iso !== null && m.iso >= HIGH_ISO;
  const long = m.exposureTime !== null && m.exposureTime >= LONG_EXPOSURE;
  if (!iso && !long) return { score: 0.25, reason: 'dark, but no high ISO or long exposure' };
  const what = [iso && `ISO ${m.iso}`, long && `${exposureText(m.exposureTime!)} exposure`].filter(
    Boolean,
  );
  return { score: iso && long ? 0.85 : 0.7, reason: `dark frame, ${what.join(', ')}` };
}

function exposureText(seconds: number): string {
  return seconds >= 1 ? `${Math.round(seconds * 10) / 10} s` : `1/${Math.round(1 / seconds)} s`;
}
