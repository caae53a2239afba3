import type { ExportedPhoto } from './export-types.js';

/** "2008-10-22T16:28:39" + 120 → "2008-10-22T16:28:39+02:00". */
export function withOffset(local: string | null, offsetMinutes: number | null): string | null {
  if (!local) return null;
  if (offsetMinutes === null || offsetMinutes === undefined) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/**
 * A date or place the user set, as the details and the export carry it (what the file says too):
 * the export's public shape (export-types.ts) is where it is written down.
 */
export type EditsView = NonNullable<ExportedPhoto['edits']>;

export function editsView(
  e:
    | {
        date_set: number;
        place_set: number;
        file_taken_at: string | null;
        file_taken_offset: number | null;
        file_taken_source: string | null;
        file_lat: number | null;
        file_lon: number | null;
        file_alt: number | null;
      }
    | undefined,
): EditsView | null {
  if (!e || (!e.date_set && !e.place_set)) return null;
  return {
    date: e.date_set === 1,
    place: e.place_set === 1,
    file: {
      takenAt: withOffset(e.file_taken_at, e.file_taken_offset),
      takenAtSource: e.file_taken_source,
      gps:
        e.file_lat !== null && e.file_lon !== null
          ? { lat: e.file_lat, lon: e.file_lon, alt: e.file_alt }
          : null,
    },
  };
}
