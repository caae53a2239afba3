// The similarity signature of a photo, computed in the indexing worker on the decoded image the
// media stage already holds (≈ 3 ms): what the duplicate finder compares.
//
// [Note: near-duplicates that a pHash misses] A 64-bit DCT pHash survives recompression and
// resizing, but a mirrored copy flips about half its bits and so does a crop: on corpus/faces the
// mirrored img11 and the cropped obama_partial_face are at distance 30 from their originals, as
// far as unrelated photos. So besides the hash of the whole picture we keep:
//   - its 64 low DCT coefficients: mirroring a picture negates exactly the coefficients of odd
//     horizontal frequency, so the mirror's hash is computed from them, no second decode;
//   - hashes of 70 sub-windows (left/right/top/bottom/centre strips and centre boxes, 45–90 %
//     of the picture in 5 % steps): a crop of another photo matches one of them.
// And a digest of the decoded pixels, which finds files with identical pictures but different
// bytes (metadata edited, re-saved losslessly).

import { createHash } from 'node:crypto';
import { lowDct } from '../../media/files.js';
import type { RawImage } from '../../media/types.js';

const N = 32;
const LOW = 8;
/** Working grey image: long side at most this (enough for 32×32 cells of a 45 % window). */
const GREY_MAX = 256;

export const WINDOW_FRACTIONS = [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
export const WINDOW_ANCHORS = [
  'left',
  'right',
  'hcentre',
  'top',
  'bottom',
  'vcentre',
  'centre',
] as const;
export const WINDOW_COUNT = WINDOW_FRACTIONS.length * WINDOW_ANCHORS.length;

export interface Signature {
  /** sha256 of the decoded working image (size + pixels). */
  pixels: string;
  /** 64 low DCT coefficients of the whole picture, scaled to int8 by the largest AC one. */
  dct: Int8Array;
  /** WINDOW_COUNT 64-bit hashes, 8 bytes each, window k = anchor k / 10, fraction k % 10. */
  windows: Uint8Array;
}

/** Geometry of window k in a unit square: [x, y, w, h]. */
export function windowBox(k: number): [number, number, number, number] {
  const f = WINDOW_FRACTIONS[k % WINDOW_FRACTIONS.length];
  const anchor = WINDOW_ANCHORS[Math.floor(k / WINDOW_FRACTIONS.length)];
  switch (anchor) {
    case 'left':
      return [0, 0, f, 1];
    case 'right':
      return [1 - f, 0, f, 1];
    case 'hcentre':
      return [(1 - f) / 2, 0, f, 1];
    case 'top':
      return [0, 0, 1, f];
    case 'bottom':
      return [0, 1 - f, 1, f];
    case 'vcentre':
      return [0, (1 - f) / 2, 1, f];
    case 'centre':
      return [(1 - f) / 2, (1 - f) / 2, f, f];
  }
}

/**
 * Scratch arrays of one signature, grown when a bigger picture comes: a signature is computed
 * synchronously, so one set per thread serves them all, and a photo no longer allocates ~1.5 MB
 * of short-lived typed arrays (the worker's garbage collector ran a full mark-compact every few
 * photos for them).
 */
let scratch = new Float64Array(0);
function scratchOf(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(length);
  return scratch;
}
let integral = new Float64Array(0);
const cellMeans = new Float64Array(N * N);
const dctOut = new Float64Array(LOW * LOW);

/**
 * Luma of the picture, area-averaged down to ≤ GREY_MAX px on the long side, as an integral image.
 * The integral lives in a reused array: valid until the next call.
 */
function integralGrey(img: RawImage): { I: Float64Array; w: number; h: number } {
  const scale = Math.min(1, GREY_MAX / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const sums = scratchOf(w * h);
  sums.fill(0, 0, w * h);
  const W = img.width;
  const H = img.height;
  // Columns of bin c are x < colEnd[c]: bins are consecutive runs of columns.
  const colEnd = new Int32Array(w);
  for (let x = 0; x < W; x++) colEnd[Math.min(w - 1, Math.floor((x * w) / W))] = x + 1;
  for (let c = 1; c < w; c++) colEnd[c] = Math.max(colEnd[c], colEnd[c - 1]);
  // Large images are sampled on a grid: every output pixel still averages many source pixels.
  const step = Math.max(1, Math.floor(Math.min(W / w, H / h) / 2));
  // A bin's sample count is (sampled rows in its row) × (sampled columns in its column): counted
  // per axis, not per pixel.
  const rowCount = new Float64Array(h);
  const colCount = new Float64Array(w);
  for (let x = 0, c = 0; x < W; x += step) {
    while (x >= colEnd[c]) c++;
    colCount[c]++;
  }
  const data = img.data;
  for (let y = 0; y < H; y += step) {
    const rowBin = Math.min(h - 1, Math.floor((y * h) / H));
    rowCount[rowBin]++;
    const row = rowBin * w;
    // A bin's sum is carried in a local over its columns, the additions in the same order as
    // pixel by pixel into the array: the same value, bit for bit.
    let x = 0;
    let p = y * W * 3;
    for (let c = 0; c < w; c++) {
      const end = colEnd[c];
      let acc = sums[row + c];
      for (; x < end; x += step, p += 3 * step) {
        acc += 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
      }
      sums[row + c] = acc;
    }
  }
  // Exactly this size, as it always was: a tiny picture's windows read past its end (undefined,
  // so NaN cells), never into an earlier picture's values.
  const size = (w + 1) * (h + 1);
  if (integral.length !== size) integral = new Float64Array(size);
  const I = integral;
  // Row 0 and column 0 are the zeros the sums start from.
  I.fill(0, 0, w + 1);
  for (let y = 0; y < h; y++) {
    let run = 0;
    I[(y + 1) * (w + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const count = rowCount[y] * colCount[x];
      run += count ? sums[i] / count : 0;
      I[(y + 1) * (w + 1) + x + 1] = I[y * (w + 1) + x + 1] + run;
    }
  }
  return { I, w, h };
}

/** Cell edges of a window side split in N: Math.round of the same expressions as before. */
const edgesA = new Int32Array(N);
const edgesB = new Int32Array(N);
const rowsA = new Int32Array(N);
const rowsB = new Int32Array(N);

function splitEdges(start: number, length: number, a: Int32Array, b: Int32Array): void {
  for (let i = 0; i < N; i++) {
    a[i] = Math.round(start + (i * length) / N);
    b[i] = Math.max(a[i] + 1, Math.round(start + ((i + 1) * length) / N));
  }
}

/**
 * N×N area means of a window given in grey-image pixels. The cell edges are computed once per
 * window side (71 windows a photo: 64 roundings instead of 4,096), the sums as before.
 */
function cells(
  I: Float64Array,
  w: number,
  x0: number,
  y0: number,
  ww: number,
  wh: number,
): Float64Array {
  // Reused: lowDct reads it before the next window's cells are taken.
  const out = cellMeans;
  const W1 = w + 1;
  splitEdges(x0, ww, edgesA, edgesB);
  splitEdges(y0, wh, rowsA, rowsB);
  for (let j = 0; j < N; j++) {
    const ya = rowsA[j];
    const yb = rowsB[j];
    const top = ya * W1;
    const bottom = yb * W1;
    for (let i = 0; i < N; i++) {
      const xa = edgesA[i];
      const xb = edgesB[i];
      const s = I[bottom + xb] - I[top + xb] - I[bottom + xa] + I[top + xa];
      out[j * N + i] = s / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

/** 64 bits "above the median" as two uint32 (bit 31 of hi = coefficient 0). */
export function hashBits(coeffs: ArrayLike<number>): [number, number] {
  const median = medianOf64(coeffs);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 32; i++) hi = (hi << 1) | (coeffs[i] > median ? 1 : 0);
  for (let i = 32; i < 64; i++) lo = (lo << 1) | (coeffs[i] > median ? 1 : 0);
  return [hi >>> 0, lo >>> 0];
}

const histogram = new Int32Array(256);

/**
 * Median of 64 values. Signatures are int8 (and their mirrors and turns too), so a histogram of
 * 256 counts finds it without sorting: the duplicate finder hashes every photo six times.
 */
function medianOf64(v: ArrayLike<number>): number {
  let ints = true;
  for (let i = 0; i < 64; i++) {
    const x = v[i];
    if (x !== Math.round(x) || x < -128 || x > 127) {
      ints = false;
      break;
    }
  }
  if (!ints) {
    const sorted = Float64Array.from(v).sort();
    return (sorted[31] + sorted[32]) / 2;
  }
  histogram.fill(0);
  for (let i = 0; i < 64; i++) histogram[v[i] + 128]++;
  let seen = 0;
  let a = 0;
  let b = 0;
  for (let k = 0; k < 256; k++) {
    const before = seen;
    seen += histogram[k];
    if (before <= 31 && seen > 31) a = k - 128;
    if (before <= 32 && seen > 32) {
      b = k - 128;
      break;
    }
  }
  return (a + b) / 2;
}

/** Coefficients of the horizontally mirrored picture: odd horizontal frequencies change sign. */
export function mirrored(dct: ArrayLike<number>): Float64Array {
  const out = new Float64Array(64);
  for (let k = 0; k < 64; k++) out[k] = (k % LOW) % 2 === 1 ? -dct[k] : dct[k];
  return out;
}

/**
 * Coefficients of the picture turned a quarter clockwise: the cell grid is transposed (u and v
 * swap) and the new horizontal axis runs backwards (odd horizontal frequencies change sign).
 * Turned twice it is the picture upside down.
 */
export function quarterTurn(dct: ArrayLike<number>): Float64Array {
  const out = new Float64Array(64);
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) out[u * LOW + v] = (v % 2 === 1 ? -1 : 1) * dct[v * LOW + u];
  }
  return out;
}

/** True when the picture had no structure (see FEATURELESS_AC). */
export function featureless(dct: ArrayLike<number>): boolean {
  for (let k = 1; k < 64; k++) if (dct[k] !== 0) return false;
  return true;
}

/** Pearson-like correlation of the AC coefficients (brightness left out): 1 = same structure. */
export function acCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 1; k < 64; k++) {
    ab += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Below this largest AC coefficient a picture has no structure to compare (a flat colour, a
 * blank page): about a 2-level luma step across the frame. Its coefficients are stored as zeros
 * and the finder leaves it out, or every blank image would be a "duplicate" of every other.
 */
const FEATURELESS_AC = 600;

/** Coefficients scaled to int8 by the largest AC one (brightness, the DC term, is clipped). */
export function quantize(coeffs: Float64Array): Int8Array {
  let maxAc = 0;
  for (let k = 1; k < 64; k++) maxAc = Math.max(maxAc, Math.abs(coeffs[k]));
  const out = new Int8Array(64);
  if (maxAc < FEATURELESS_AC) return out;
  for (let k = 0; k < 64; k++)
    out[k] = Math.max(-127, Math.min(127, Math.round((coeffs[k] / maxAc) * 127)));
  return out;
}

export function computeSignature(img: RawImage): Signature {
  const pixels = createHash('sha256')
    .update(`${img.width}x${img.height}:`)
    .update(img.data)
    .digest('hex');
  const { I, w, h } = integralGrey(img);
  const dct = quantize(lowDct(cells(I, w, 0, 0, w, h), dctOut));
  const windows = new Uint8Array(WINDOW_COUNT * 8);
  const view = new DataView(windows.buffer);
  for (let k = 0; k < WINDOW_COUNT; k++) {
    const [x, y, ww, wh] = windowBox(k);
    // Quantised like the whole picture's, so a crop's hash and a window's hash agree bit for bit.
    const [hi, lo] = hashBits(quantize(lowDct(cells(I, w, x * w, y * h, ww * w, wh * h), dctOut)));
    view.setUint32(k * 8, hi);
    view.setUint32(k * 8 + 4, lo);
  }
  return { pixels, dct, windows };
}
