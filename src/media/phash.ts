// 64-bit DCT perceptual hash: 32×32 grey → 2-D DCT-II → the 8×8 lowest frequencies, one bit each
// for "above the median". Survives resizing, recompression and mild colour changes; a different
// photo flips about half the bits. Compare with hammingDistance().

import type { RawImage } from './types.js';

const N = 32;
const LOW = 8;

/** cos((2x+1)uπ / 2N) for u < LOW (only the low frequencies are ever needed), x < N */
const COS: Float64Array = (() => {
  const t = new Float64Array(LOW * N);
  for (let u = 0; u < LOW; u++) {
    for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  }
  return t;
})();

/**
 * Area-averaged 32×32 luma (BT.601 weights) of an RGB image: every sampled pixel counts once, so
 * there is no aliasing from a large image and no dependence on the caller's resampler. Large images
 * are sampled on a grid (every 2nd/3rd… pixel) so that each cell still averages ≥ ~100 pixels:
 * the hash is the same to within a bit and it costs a few milliseconds instead of twenty.
 */
export function greyThumb32(img: RawImage): Float64Array {
  const { width: W, height: H, data } = img;
  const step = Math.max(1, Math.floor(Math.min(W, H) / (N * 10)));
  const sums = new Float64Array(N * N);
  const counts = new Float64Array(N * N);
  // The columns of cell column c are x < colEnd[c] (cells are consecutive runs of columns): a
  // row's pixels are summed per cell in a local and added once. Every term is an integer, so the
  // sums are exact whatever the order: the same values as pixel by pixel into the cells.
  const colEnd = new Int32Array(N);
  for (let x = 0; x < W; x++) colEnd[Math.min(N - 1, Math.floor((x * N) / W))] = x + 1;
  for (let c = 1; c < N; c++) colEnd[c] = Math.max(colEnd[c], colEnd[c - 1]);
  const stride = 3 * step;
  for (let y = 0; y < H; y += step) {
    const rowBase = Math.min(N - 1, Math.floor((y * N) / H)) * N;
    let x = 0;
    let p = y * W * 3;
    for (let c = 0; c < N; c++) {
      const end = colEnd[c];
      let s = 0;
      let n = 0;
      for (; x < end; x += step, p += stride) {
        // integer BT.601 weights ×256
        s += 77 * data[p] + 150 * data[p + 1] + 29 * data[p + 2];
        n++;
      }
      sums[rowBase + c] += s;
      counts[rowBase + c] += n;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] = counts[i] > 0 ? sums[i] / counts[i] / 256 : 0;
  return sums;
}

/** Rows pass of lowDct, reused: the duplicate signature takes 71 DCTs a photo. */
const ROWS = new Float64Array(N * LOW);

/**
 * The LOW×LOW lowest-frequency DCT-II coefficients of an N×N block (row-major, u = vertical).
 *
 * [Note: eight sums at once] Each coefficient is a chain of 32 dependent additions; one chain at a
 * time waits on the adder's latency. The eight frequencies of a row (or column) are summed side by
 * side instead, each still term by term in the same order, so every coefficient is bit for bit the
 * sum it was (no reassociation) at about a third of the time. `out` may be passed to reuse it.
 */
export function lowDct(grey: Float64Array, out = new Float64Array(LOW * LOW)): Float64Array {
  // rows first: tmp[y][v] = Σx grey[y][x]·cos_v(x)
  const tmp = ROWS;
  for (let y = 0; y < N; y++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const row = y * N;
    for (let x = 0; x < N; x++) {
      const g = grey[row + x];
      s0 += g * COS[x];
      s1 += g * COS[N + x];
      s2 += g * COS[2 * N + x];
      s3 += g * COS[3 * N + x];
      s4 += g * COS[4 * N + x];
      s5 += g * COS[5 * N + x];
      s6 += g * COS[6 * N + x];
      s7 += g * COS[7 * N + x];
    }
    const t = y * LOW;
    tmp[t] = s0;
    tmp[t + 1] = s1;
    tmp[t + 2] = s2;
    tmp[t + 3] = s3;
    tmp[t + 4] = s4;
    tmp[t + 5] = s5;
    tmp[t + 6] = s6;
    tmp[t + 7] = s7;
  }
  for (let u = 0; u < LOW; u++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const cu = u * N;
    for (let y = 0; y < N; y++) {
      const c = COS[cu + y];
      const t = y * LOW;
      s0 += tmp[t] * c;
      s1 += tmp[t + 1] * c;
      s2 += tmp[t + 2] * c;
      s3 += tmp[t + 3] * c;
      s4 += tmp[t + 4] * c;
      s5 += tmp[t + 5] * c;
      s6 += tmp[t + 6] * c;
      s7 += tmp[t + 7] * c;
    }
    const o = u * LOW;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
  }
  return out;
}

/** 64 bits (MSB first, row-major over the 8×8 coefficients) as 16 lower-case hex chars. */
export function hashFromCoefficients(coeffs: Float64Array): string {
  const sorted = Array.from(coeffs).sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) v = (v << 1) | (coeffs[nibble * 4 + b] > median ? 1 : 0);
    hex += v.toString(16);
  }
  return hex;
}

export function phash(img: RawImage): string {
  return hashFromCoefficients(lowDct(greyThumb32(img)));
}

/** Number of differing bits between two 16-hex-char hashes (0 = same picture, ~32 = unrelated). */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== 16 || b.length !== 16) throw new Error('phash values must be 16 hex chars');
  let d = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i], 16) ^ parseInt(b[i], 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
