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
  const colBin = new Int32Array(W);
  for (let x = 0; x < W; x++) colBin[x] = Math.min(N - 1, Math.floor((x * N) / W));
  for (let y = 0; y < H; y += step) {
    const rowBase = Math.min(N - 1, Math.floor((y * N) / H)) * N;
    const stride = 3 * step;
    for (let x = 0, p = y * W * 3; x < W; x += step, p += stride) {
      const bin = rowBase + colBin[x];
      // integer BT.601 weights ×256
      sums[bin] += 77 * data[p] + 150 * data[p + 1] + 29 * data[p + 2];
      counts[bin]++;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] = counts[i] > 0 ? sums[i] / counts[i] / 256 : 0;
  return sums;
}

/** The LOW×LOW lowest-frequency DCT-II coefficients of an N×N block (row-major, u = vertical). */
export function lowDct(grey: Float64Array): Float64Array {
  // rows first: tmp[y][v] = Σx grey[y][x]·cos_v(x)
  const tmp = new Float64Array(N * LOW);
  for (let y = 0; y < N; y++) {
    for (let v = 0; v < LOW; v++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += grey[y * N + x] * COS[v * N + x];
      tmp[y * LOW + v] = s;
    }
  }
  const out = new Float64Array(LOW * LOW);
  for (let u = 0; u < LOW; u++) {
    for (let v = 0; v < LOW; v++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += tmp[y * LOW + v] * COS[u * N + y];
      out[u * LOW + v] = s;
    }
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
