// The categories' signals as the catalogue keeps them: what the categories stages stored
// (capture hints, pixel statistics, text lines) with what the photo row already holds (size,
// camera, exposure, capture time and place). Reading the row at each recomputation, rather than a
// copy made at ingest, means a corrected date or place re-decides `night` too.

import type { CategorySignalsRow } from '../db/repos/categories.js';
import type { PhotoRow } from '../db/repos/photos.js';
import type { CaptureHints, DateSource } from '../media/types.js';
import { sheetInView } from './document.js';
import type { ImageStats, StatsGrid } from './image-stats.js';
import { isBox, isImageStats, type Box, type CategorySignals } from './results.js';
import type { MetaSignals, TextSignal } from './types.js';

/** The photo columns the categories read. */
export type PhotoFacts = Pick<
  PhotoRow,
  | 'format'
  | 'width'
  | 'height'
  | 'make'
  | 'model'
  | 'lens'
  | 'iso'
  | 'exposure_time'
  | 'f_number'
  | 'focal_length'
  | 'taken_at'
  | 'taken_offset'
  | 'taken_source'
  | 'lat'
  | 'lon'
>;

/** MetaSignals from the photo row, the stored hints and the file's name. */
export function metaFromCatalogue(
  p: PhotoFacts,
  hints: CaptureHints | null,
  fileName: string,
): MetaSignals {
  return {
    fileName: fileName.split(/[\\/]/).pop() ?? fileName,
    format: p.format ?? '',
    width: p.width,
    height: p.height,
    make: p.make,
    model: p.model,
    lens: p.lens,
    lensMake: hints?.lensMake ?? null,
    software: hints?.software ?? null,
    userComment: hints?.userComment ?? null,
    panorama: hints?.panorama ?? null,
    iso: p.iso,
    exposureTime: p.exposure_time,
    fNumber: p.f_number,
    focalLength: p.focal_length,
    takenAt: p.taken_at,
    takenOffsetMinutes: p.taken_offset,
    takenAtSource: p.taken_source as DateSource | null,
    gps: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null,
  };
}

/**
 * [Note: the grid kept] The statistics' coarse grid (3 × 768 cells, ~5 KB as JSON) is what
 * `document` finds the sheet of paper on, and nothing else reads it. On a photo with no sheet in
 * view (about 9 in 10) it can only ever say "no sheet", so it is stored as null there, and read
 * back as NO_SHEET, a one-cell dark grid on which no paper is found: the same verdict for ~0.4 KB
 * a photo instead of ~5.5 KB (55 MB rather than 550 MB for 100k photos). A new paper rule comes
 * with a new stage version, which recomputes the statistics from the pixels.
 */
export const NO_SHEET: StatsGrid = { cols: 1, rows: 1, luma: [0], chroma: [0], texture: [0] };

/** The `categories` stage's result as stored (JSON text). */
export function storedSignals(s: CategorySignals): { hints: string | null; pixels: string | null } {
  const pixels = s.pixels && (sheetInView(s.pixels) ? s.pixels : { ...s.pixels, grid: null });
  return {
    hints: s.hints ? JSON.stringify(s.hints) : null,
    pixels: pixels ? JSON.stringify(pixels) : null,
  };
}

/** Stored statistics: those of a photo with no sheet in view come without their grid. */
function storedStats(x: unknown): ImageStats | null {
  if (typeof x === 'object' && x !== null && 'grid' in x && x.grid === null)
    x = { ...x, grid: NO_SHEET };
  return isImageStats(x) ? x : null;
}

/** The text stage's boxes as stored: null when the detector had no sheet to look at. */
export function storedText(region: Box | null, boxes: readonly Box[]): string | null {
  return region ? JSON.stringify(boxes) : null;
}

export interface ParsedSignals {
  hints: CaptureHints | null;
  pixels: ImageStats | null;
  /** Undefined: the detector did not look (no sheet, AI off, or not run yet). */
  text?: TextSignal;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/**
 * The stored signals of a photo, or null until the `categories` stage has run. Anything that no
 * longer parses is treated as not known rather than trusted.
 */
export function parseSignals(row: CategorySignalsRow | undefined): ParsedSignals | null {
  if (!row?.version) return null;
  const hints = parse(row.hints) as CaptureHints | null;
  const pixels = parse(row.pixels);
  const boxes = parse(row.text);
  return {
    hints: hints && typeof hints === 'object' ? hints : null,
    pixels: storedStats(pixels),
    ...(row.text_version && Array.isArray(boxes) && boxes.every(isBox) ? { text: { boxes } } : {}),
  };
}
