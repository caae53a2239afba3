// Dates a person types or shifts, pure. The catalogue keeps capture times as local wall-clock
// ISO strings without an offset ("2019-06-14T12:00:03"), as EXIF records them; shifting moves the
// wall clock (a camera set an hour wrong is an hour wrong in every photo, whatever the zone).

import { PictoError } from '../shared/errors.js';

const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;

/**
 * A typed date as the catalogue stores it: "YYYY-MM-DDTHH:MM:SS" (seconds added when left out).
 * A date that does not exist (31 February) or outside 1800–2200 is refused.
 */
export function localTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) throw new PictoError('invalid', `"${text}" is not a date and time (YYYY-MM-DDTHH:MM)`);
  const [y, mo, d, h, mi, s = '00'] = m.slice(1);
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const back = new Date(t).toISOString().slice(0, 19);
  const wanted = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (back !== wanted)
    throw new PictoError('invalid', `${wanted.replace('T', ' ')} is not a real date`);
  inRange(+y, wanted);
  return wanted;
}

/** A local time moved by `seconds` on the wall clock. */
export function shiftLocal(local: string, seconds: number): string {
  const base = localTime(local.slice(0, 19));
  const [d, t] = base.split('T');
  const [y, mo, day] = d.split('-').map(Number);
  const [h, mi, s] = t.split(':').map(Number);
  const moved = new Date(Date.UTC(y, mo - 1, day, h, mi, s) + seconds * 1000);
  const out = moved.toISOString().slice(0, 19);
  inRange(moved.getUTCFullYear(), out);
  return out;
}

function inRange(year: number, what: string): void {
  if (year < FIRST_YEAR || year > LAST_YEAR)
    throw new PictoError(
      'invalid',
      `${what.replace('T', ' ')} is outside ${FIRST_YEAR}–${LAST_YEAR}`,
    );
}
