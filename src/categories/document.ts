// document: a photo or scan whose subject is text on paper (letters, receipts, forms, pages).

import { percent, round } from './evidence.js';
import type { ImageStats } from './image-stats.js';
import { paperRegion, textOnPaper, type PaperRegion } from './paper.js';
import { screenshotVerdict } from './screenshot.js';
import { MIN_SCORE, type Signals, type Verdict } from './types.js';

export const DOCUMENT_DEFINITION =
  'A photo or scan whose subject is text on paper (letters, receipts, forms, book pages): ' +
  'lines found by the text detector cover a large part of a bright, low-saturation region that ' +
  'fills much of the frame. Screenshots are not documents. A narrow, tall sheet is a receipt.';

/** A sheet smaller than this fraction of the frame is something in the picture, not its subject. */
export const MIN_PAPER_AREA = 0.15;

/**
 * [Note: a sheet, not a sky] Bright grey regions are everywhere (overcast skies, snow, walls,
 * plates); a sheet of paper is compact and lies inside the frame. On corpus/objects and the
 * generated set, photographed pages fill ≥ 68 % of their bounding box and touch at most two
 * frame edges, while skies and walls touch three or four and are ragged. A scan, or a page
 * photographed to fill the frame, is the other shape: nearly all of its box and half the frame.
 * Only such regions are given to the text detector (about one ordinary photo in eight).
 */
const SHEET_FILL = 0.65;
const SHEET_MAX_EDGES = 2;
const FULL_FILL = 0.85;
const FULL_AREA = 0.5;

function sheetShaped(region: PaperRegion): boolean {
  const [x, y, w, h] = region.box;
  const fill = region.area / (w * h);
  const e = 0.001;
  const edges = [x <= e, y <= e, x + w >= 1 - e, y + h >= 1 - e].filter(Boolean).length;
  return (
    (fill >= SHEET_FILL && edges <= SHEET_MAX_EDGES) ||
    (fill >= FULL_FILL && region.area >= FULL_AREA)
  );
}

/**
 * [Note: detector scale] The text detector runs only on photos with a sheet of paper in view, and
 * only on that sheet (its box plus a margin), at this long side: a page's lines are then 8–10 px
 * high, which PP-OCRv4's detector still finds (every page and receipt of the labelled set, as at
 * 512 px), for about a fifth of the CPU of the reader's 960 px pass over the whole frame
 * (61 against 322 ms on 12 MP document photos; bench/sections/categories.ts).
 */
export const TEXT_DETECT_SIDE = 448;

/** Margin around the paper's box given to the detector, as a fraction of the box. */
const MARGIN = 0.04;

/** The sheet is a receipt when it is this much longer than wide (at any tilt). */
const RECEIPT_ASPECT = 2.2;

/** The sheet of paper the cheap signals see, or null. */
function sheet(s: Signals): PaperRegion | null {
  return s.pixels ? sheetOf(s.pixels) : null;
}

function sheetOf(pixels: ImageStats): PaperRegion | null {
  const region = paperRegion(pixels.grid);
  return region && region.area >= MIN_PAPER_AREA && sheetShaped(region) ? region : null;
}

/**
 * Whether the statistics show a sheet of paper: without one a photo is no document whatever
 * else is known, and its grid says nothing more to any classifier (see [Note: the grid kept]).
 */
export function sheetInView(pixels: ImageStats): boolean {
  return sheetOf(pixels) !== null;
}

function candidate(s: Signals): PaperRegion | null {
  const region = sheet(s);
  return region && screenshotVerdict(s).score < MIN_SCORE ? region : null;
}

/**
 * Where the text detector should look, as fractions of the frame (x, y, w, h), or null when the
 * cheap signals already rule a document out (no paper-like region, or a screenshot).
 */
export function textDetectionRegion(s: Signals): [number, number, number, number] | null {
  const region = candidate(s);
  if (!region) return null;
  const [x, y, w, h] = region.box;
  const x0 = Math.max(0, x - MARGIN * w);
  const y0 = Math.max(0, y - MARGIN * h);
  const x1 = Math.min(1, x + w * (1 + MARGIN));
  const y1 = Math.min(1, y + h * (1 + MARGIN));
  return [x0, y0, x1 - x0, y1 - y0];
}

export function needsTextDetection(s: Signals): boolean {
  return textDetectionRegion(s) !== null;
}

/** Null while text detection is due but not done. */
export function documentVerdict(s: Signals): Verdict | null {
  if (!s.pixels) return { score: 0, reason: 'no pixels' };
  if (screenshotVerdict(s).score >= MIN_SCORE) return { score: 0.05, reason: 'a screenshot' };
  const region = sheet(s);
  if (!region) return { score: 0.03, reason: 'no sheet of paper in view' };
  if (!s.text) return null;
  const { coverage, lines } = textOnPaper(region, s.pixels.grid, s.text.boxes);
  // [Note: document score] Enough lines to be a page, not a sign (signs and labels give one to
  // three, pages 17 and more at the detector's scale), and a good part of the sheet under them.
  const logit = -5 + 0.4 * Math.min(lines, 15) + 6 * Math.min(coverage, 0.5);
  const score = round(1 / (1 + Math.exp(-logit)));
  const receipt = region.elongation >= RECEIPT_ASPECT;
  const what = receipt ? 'a receipt-shaped paper' : 'a paper-like area';
  return {
    score,
    reason: `${lines} text lines cover ${percent(coverage)} of ${what}`,
    ...(receipt && score >= MIN_SCORE ? { subtype: 'receipt' as const } : {}),
  };
}
