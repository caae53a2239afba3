// Pixel statistics for the categories, computed once per photo from the visible-step image: the
// thumbnail-scale decode the media stage makes for the grid (short side 300 px, long side ≤ 900;
// [Note: decode scales] in media/process.ts), so no photo is decoded again for them. Every other
// row and column of it is read: ~30k samples for a 4:3 photo (400 × 300), ~1 ms.
//
// [Note: what the numbers are for] A screenshot is flat (UI areas of one exact colour: cameras
// always add noise), drawn with few colours and with edges that step in one pixel. A document is
// a large bright, low-saturation (paper-like) region. A night frame is dark. The coarse grid keeps
// per-cell brightness, saturation and texture so the document test can find the paper region and
// lay the text boxes on it later, without the pixels.
//
// [Note: stats at the thumbnail's scale] Flatness, edges and texture compare neighbouring pixels,
// so they depend on the scale they are measured at (a camera's grain averages out as the image
// shrinks; version 1 measured the 1333–1440 px working image one pixel in sixteen). Percentiles,
// colours and the grid's means hardly do. The statistics are therefore always measured at the
// visible-step scale: a caller holding a larger image (paper-text, on the working image) shrinks
// it to that scale first (media's visibleImageOf), as the media stage does for HEIF, RAW and TIFF.
// The classifiers' thresholds were checked on the labelled set at this scale
// (test/categories/quality.test.ts).

import type { RawImage } from '../media/types.js';

/** Plain data (structured-clone safe), small enough to store with the photo (~3 KB). */
export interface ImageStats {
  /** Size of the image the statistics were computed on. */
  width: number;
  height: number;
  /** Mean luma, 0–255. */
  meanLuma: number;
  /** Luma percentiles, 0–255. */
  p5: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean colourfulness: (max − min channel) / 255. */
  meanChroma: number;
  /** Fraction of pixels whose right and lower neighbours have the same colour (± 2 levels). */
  flatFraction: number;
  /** Fraction of pixels on a strong edge (a luma step of ≥ 48 to the right neighbour). */
  edgeFraction: number;
  /** Of those edges, the fraction that complete within one pixel (drawn, not photographed). */
  edgeSharpness: number;
  /** Fraction of pixels taken by the 8 most frequent colours (4 bits per channel). */
  topColours: number;
  /** Number of colours (4 bits per channel) that cover 95 % of the pixels. */
  palette95: number;
  /** The coarse grid: cells × rows, row-major, one byte per cell per measure. */
  grid: StatsGrid;
}

export interface StatsGrid {
  cols: number;
  rows: number;
  /** Mean luma per cell. */
  luma: number[];
  /** Mean colourfulness per cell, 0–255. */
  chroma: number[];
  /** Mean absolute luma step to the right neighbour per cell (texture, text strokes). */
  texture: number[];
}

/** Cells on the long side of the grid. */
const GRID_LONG = 32;
const STRONG_EDGE = 48;
const FLAT_STEP = 2;
/**
 * Up to this long side every pixel is read; every n-th row and column of a larger one: 2 for a 4:3
 * visible-step image (400 × 300), 3 for a tall screenshot's or a panorama's (649–900 px).
 */
const FULL_READ_SIDE = 300;

export function imageStats(img: RawImage): ImageStats {
  const { width: w, height: h, data } = img;
  if (w < 3 || h < 3) throw new Error(`image too small for statistics (${w}×${h})`);
  const cell = Math.max(1, Math.ceil(Math.max(w, h) / GRID_LONG));
  const cols = Math.ceil(w / cell);
  const rows = Math.ceil(h / cell);
  const gLuma = new Uint32Array(cols * rows);
  const gChroma = new Uint32Array(cols * rows);
  const gTexture = new Uint32Array(cols * rows);
  const gCount = new Uint32Array(cols * rows);
  const lumaHist = new Uint32Array(256);
  const colours = new Uint32Array(4096);
  let n = 0;
  let chromaSum = 0;
  let flat = 0;
  let edges = 0;
  let sharp = 0;
  const stride = w * 3;
  const cellOfX = new Int32Array(w);
  for (let x = 0; x < w; x++) cellOfX[x] = Math.floor(x / cell);
  // Every n-th row and column, each pixel compared with its right and lower neighbours at the
  // image's own resolution: flatness and edges stay exact.
  const every = Math.max(1, Math.ceil(Math.max(w, h) / FULL_READ_SIDE));
  for (let y = 0; y < h - 1; y += every) {
    const row = y * stride;
    const gRow = Math.floor(y / cell) * cols;
    for (let x = 1; x < w - 2; x += every) {
      const i = row + x * 3;
      const r = data[i];
      const g = data[i + 1];
      const b = data[i + 2];
      const luma = (77 * r + 150 * g + 29 * b) >> 8;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      const chroma = max - min;
      const j = i + 3;
      const k = i + stride;
      const r1 = data[j];
      const g1 = data[j + 1];
      const b1 = data[j + 2];
      const flatX = absLe(r - r1) && absLe(g - g1) && absLe(b - b1);
      if (flatX && absLe(r - data[k]) && absLe(g - data[k + 1]) && absLe(b - data[k + 2])) flat++;
      const nextY = (77 * r1 + 150 * g1 + 29 * b1) >> 8;
      const step = nextY > luma ? nextY - luma : luma - nextY;
      if (step >= STRONG_EDGE) {
        edges++;
        // The same edge seen over three pixels: a drawn edge has made (nearly) all its change in
        // the one step; an optical one is still rising on either side.
        const p = i - 3;
        const q = j + 3;
        const prevY = (77 * data[p] + 150 * data[p + 1] + 29 * data[p + 2]) >> 8;
        const next2 = (77 * data[q] + 150 * data[q + 1] + 29 * data[q + 2]) >> 8;
        const span = next2 > prevY ? next2 - prevY : prevY - next2;
        if (step >= 0.8 * span) sharp++;
      }
      lumaHist[luma]++;
      colours[((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4)]++;
      chromaSum += chroma;
      const c = gRow + cellOfX[x];
      gLuma[c] += luma;
      gChroma[c] += chroma;
      gTexture[c] += step;
      gCount[c]++;
      n++;
    }
  }
  // Most frequent first (a typed array sorts numerically, several times faster than a comparator).
  const sorted = colours.slice().sort().reverse();
  let top8 = 0;
  for (let i = 0; i < 8; i++) top8 += sorted[i];
  let covered = 0;
  let palette95 = 0;
  while (covered < 0.95 * n && palette95 < sorted.length) covered += sorted[palette95++];
  const percentile = (p: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += lumaHist[v];
      if (acc >= p * n) return v;
    }
    return 255;
  };
  let lumaSum = 0;
  for (let v = 0; v < 256; v++) lumaSum += v * lumaHist[v];
  const mean = (sum: Uint32Array) =>
    Array.from(sum, (s, c) => (gCount[c] ? Math.round(s / gCount[c]) : 0));
  return {
    width: w,
    height: h,
    meanLuma: round(lumaSum / n),
    p5: percentile(0.05),
    p50: percentile(0.5),
    p95: percentile(0.95),
    p99: percentile(0.99),
    meanChroma: round(chromaSum / n / 255, 3),
    flatFraction: round(flat / n, 3),
    edgeFraction: round(edges / n, 4),
    edgeSharpness: edges ? round(sharp / edges, 3) : 0,
    topColours: round(top8 / n, 3),
    palette95,
    grid: { cols, rows, luma: mean(gLuma), chroma: mean(gChroma), texture: mean(gTexture) },
  };
}

const absLe = (d: number) => d <= FLAT_STEP && d >= -FLAT_STEP;

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
