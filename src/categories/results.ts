// What the two categories stages send back from a worker, and the checks that a result from
// elsewhere (a remote worker, issue 17) is one before it is written. Plain data only.

import type { CaptureHints } from '../media/types.js';
import type { ImageStats } from './image-stats.js';

export type Box = [number, number, number, number];

/** The `categories` stage: what classification needs that the photo row does not hold. */
export interface CategorySignals {
  /** Capture hints of the file (front-camera LensMake, iOS "Screenshot", GPano); null: none read. */
  hints: CaptureHints | null;
  /** Pixel statistics of the working image; null for an image too small to measure. */
  pixels: ImageStats | null;
}

/** The `paper-text` stage: the text detector's lines on the sheet of paper in view. */
export interface PaperText {
  /** Where the detector looked, as fractions of the frame; null: no sheet of paper, not run. */
  region: Box | null;
  /** Line boxes as fractions of the frame (empty when not run, or nothing found). */
  boxes: Box[];
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isText = (x: unknown) => x === null || typeof x === 'string';

function isFraction(x: unknown): boolean {
  return isNumber(x) && x >= -0.01 && x <= 1.01;
}

export function isBox(x: unknown): x is Box {
  return Array.isArray(x) && x.length === 4 && x.every(isFraction);
}

function isHints(x: unknown): x is CaptureHints {
  return (
    isObject(x) &&
    isText(x.lensMake) &&
    isText(x.software) &&
    isText(x.userComment) &&
    isText(x.panorama)
  );
}

const STAT_FIELDS = [
  'width',
  'height',
  'meanLuma',
  'p5',
  'p50',
  'p95',
  'p99',
  'meanChroma',
  'flatFraction',
  'edgeFraction',
  'edgeSharpness',
  'topColours',
  'palette95',
] as const;

/** Pixel statistics as imageStats() makes them: every measure a number, the grid complete. */
export function isImageStats(x: unknown): x is ImageStats {
  if (!isObject(x) || !STAT_FIELDS.every((k) => isNumber(x[k]))) return false;
  const g = x.grid;
  if (!isObject(g) || !Number.isInteger(g.cols) || !Number.isInteger(g.rows)) return false;
  const cells = (g.cols as number) * (g.rows as number);
  if (cells < 1 || cells > 4096) return false;
  return (['luma', 'chroma', 'texture'] as const).every((k) => {
    const v = g[k];
    return Array.isArray(v) && v.length === cells && v.every(isNumber);
  });
}

/** Is this a `categories` stage result? */
export function isCategorySignals(x: unknown): x is CategorySignals {
  return (
    isObject(x) &&
    (x.hints === null || isHints(x.hints)) &&
    (x.pixels === null || isImageStats(x.pixels))
  );
}

/** Is this a `paper-text` stage result? At most a few thousand lines (a page has ~40). */
export function isPaperText(x: unknown): x is PaperText {
  return (
    isObject(x) &&
    (x.region === null || isBox(x.region)) &&
    Array.isArray(x.boxes) &&
    x.boxes.length <= 5000 &&
    x.boxes.every(isBox) &&
    (x.region !== null || x.boxes.length === 0)
  );
}
