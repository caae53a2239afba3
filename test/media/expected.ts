// Loader for the corpus oracle (corpus/exif/expected.json) and the comparison rules used by the
// metadata agreement test. Kept apart from the test so the rules are readable on their own.

import { readFileSync } from 'node:fs';

import { corpusPath } from '../helpers/corpus.js';
import type { MediaMetadata } from '../../src/media/index.js';

export interface ExpectedFile {
  file: string;
  file_type: string | null;
  width: number | null;
  height: number | null;
  display_width?: number | null;
  display_height?: number | null;
  orientation: number | null;
  date_taken: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  make?: string | null;
  model?: string | null;
  offset_time_original?: string | null;
}

export function loadExpected(): ExpectedFile[] {
  const json = JSON.parse(readFileSync(corpusPath('exif', 'expected.json'), 'utf8'));
  return json.files as ExpectedFile[];
}

export type Field = 'date' | 'offset' | 'gps' | 'orientation' | 'size' | 'camera';

export interface Check {
  field: Field;
  file: string;
  ok: boolean;
  expected: string;
  actual: string;
}

const TAG_SOURCES = new Set(['exif', 'xmp', 'iptc', 'quicktime', 'exif-modified']);

/** "2010:04:13 09:37:22+02:00" → local "2010-04-13T09:37:22", offset 120 (or null), dateOnly */
function parseExpectedDate(v: string): { local: string; offset: number | null; dateOnly: boolean } {
  const m = /^(\d{4}):(\d{2}):(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) throw new Error(`unexpected date format in expected.json: ${v}`);
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
  let offset: number | null = null;
  if (m[7] === 'Z') offset = 0;
  else if (m[7])
    offset = (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4)));
  return { local, offset, dateOnly: m[4] === undefined };
}

/**
 * One check per value the oracle states. A thrown MediaError counts as "no value" for every field.
 * Rules: dates compare wall clock to the second (and the offset when the oracle has one); GPS to
 * 1e-4°, with the oracle's 0,0 meaning "no location" (README: null island); orientation compares the
 * tag as written (0 = no valid tag); size compares the displayed size.
 */
export function compare(exp: ExpectedFile, meta: MediaMetadata | null): Check[] {
  const checks: Check[] = [];
  const push = (field: Field, ok: boolean, expected: string, actual: string) =>
    checks.push({ field, file: exp.file, ok, expected, actual });

  if (exp.date_taken) {
    const e = parseExpectedDate(exp.date_taken);
    const fromTag = meta && meta.takenAt && TAG_SOURCES.has(meta.takenAtSource ?? '');
    const actualLocal = fromTag ? meta!.takenAt!.slice(0, 19) : null;
    const ok =
      actualLocal !== null &&
      (e.dateOnly ? actualLocal.slice(0, 10) === e.local.slice(0, 10) : actualLocal === e.local) &&
      (e.offset === null || meta!.takenOffsetMinutes === e.offset);
    push(
      'date',
      ok,
      exp.date_taken,
      meta ? `${meta.takenAt} off=${meta.takenOffsetMinutes} (${meta.takenAtSource})` : 'error',
    );
  }

  if (exp.offset_time_original) {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(exp.offset_time_original);
    const e = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
    push(
      'offset',
      meta?.takenOffsetMinutes === e,
      exp.offset_time_original,
      String(meta?.takenOffsetMinutes),
    );
  }

  if (exp.make || exp.model) {
    const e = [exp.make, exp.model].map((v) => (v ?? '').trim()).join(' | ');
    const a = meta
      ? [meta.camera.make, meta.camera.model].map((v) => v ?? '').join(' | ')
      : 'error';
    push('camera', a === e, e, a);
  }

  if (exp.gps_lat !== null && exp.gps_lon !== null) {
    const nullIsland = exp.gps_lat === 0 && exp.gps_lon === 0;
    const g = meta?.gps ?? null;
    const ok = nullIsland
      ? g === null
      : g !== null && Math.abs(g.lat - exp.gps_lat) < 1e-4 && Math.abs(g.lon - exp.gps_lon) < 1e-4;
    push(
      'gps',
      ok,
      nullIsland ? 'none (0,0)' : `${exp.gps_lat},${exp.gps_lon}`,
      g ? `${g.lat},${g.lon}` : 'none',
    );
  }

  if (exp.orientation !== null) {
    const e = exp.orientation >= 1 && exp.orientation <= 8 ? exp.orientation : null;
    const a = meta?.exifOrientation ?? null;
    push('orientation', meta !== null && a === e, String(exp.orientation), String(a));
  }

  if (exp.display_width && exp.display_height) {
    const ok = meta?.width === exp.display_width && meta?.height === exp.display_height;
    push(
      'size',
      ok,
      `${exp.display_width}x${exp.display_height}`,
      meta ? `${meta.width}x${meta.height}` : 'error',
    );
  }
  return checks;
}
