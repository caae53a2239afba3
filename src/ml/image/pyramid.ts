// [Note: pyramid sampling] Every model input here is a resampled region of the photo: the
// letterboxed 512² CenterNet input, the 256² BlazeFace inputs (whole image and tiles), the
// rotated 112² landmark crop and the aligned 150² descriptor chip. Plain bilinear sampling
// aliases badly when it shrinks by more than 2× (a 1440 px photo → 256 px is 5.6×), and the
// detectors then see jagged edges they were not trained on. Like dlib's chip extraction, we
// build a 2×2 box-filter pyramid once per photo and sample each input bilinearly from the level
// whose resolution is just above what the output needs, so one step never shrinks more than 2×.
// These loops run on every photo, so they are written for speed: channels unrolled, and
// axis-aligned sampling (letterbox, tiles) precomputes its column and row taps.

import type { RawImage } from '../../media/types.js';
import { scaleOf, type Affine } from './affine.js';

export interface PyramidLevel {
  /** RGB interleaved, 8 bit. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Source pixels per pixel of this level (1, 2, 4, …). */
  factor: number;
}

export type Pyramid = PyramidLevel[];

function halve(prev: PyramidLevel): PyramidLevel {
  const w = prev.width >> 1;
  const h = prev.height >> 1;
  const out = new Uint8Array(w * h * 3);
  const src = prev.data;
  const stride = prev.width * 3;
  let o = 0;
  for (let y = 0; y < h; y++) {
    let s0 = 2 * y * stride;
    let s1 = s0 + stride;
    for (let x = 0; x < w; x++) {
      out[o] = (src[s0] + src[s0 + 3] + src[s1] + src[s1 + 3] + 2) >> 2;
      out[o + 1] = (src[s0 + 1] + src[s0 + 4] + src[s1 + 1] + src[s1 + 4] + 2) >> 2;
      out[o + 2] = (src[s0 + 2] + src[s0 + 5] + src[s1 + 2] + src[s1 + 5] + 2) >> 2;
      s0 += 6;
      s1 += 6;
      o += 3;
    }
  }
  return { data: out, width: w, height: h, factor: prev.factor * 2 };
}

/** Halves the image repeatedly (2×2 box average) until the long side is ≤ `minLongSide`. */
export function buildPyramid(img: RawImage, minLongSide = 128): Pyramid {
  if (img.data.length !== img.width * img.height * 3) {
    throw new Error(
      `RawImage data length ${img.data.length} does not match ${img.width}×${img.height}×3`,
    );
  }
  const levels: Pyramid = [{ data: img.data, width: img.width, height: img.height, factor: 1 }];
  for (;;) {
    const prev = levels[levels.length - 1];
    if (Math.max(prev.width, prev.height) <= minLongSide || Math.min(prev.width, prev.height) < 4)
      break;
    levels.push(halve(prev));
  }
  return levels;
}

/** Pixel value mapping applied while sampling: out = value·mul + add, per channel. */
export interface ValueMap {
  mul: number;
  add: number;
  /** Value written where the sample falls outside the image (after mapping). */
  fill: number;
}

/** 0..255 RGB, grey outside. */
export const RGB_255: ValueMap = { mul: 1, add: 0, fill: 127.5 };

/** The coarsest level whose factor ≤ `scale` (source pixels per output pixel). */
export function levelFor(pyr: Pyramid, scale: number): PyramidLevel {
  let level = pyr[0];
  for (const l of pyr) if (l.factor <= scale * 1.0001) level = l;
  return level;
}

/**
 * Samples `outW × outH` pixels into planar float RGB (C, H, W) written into `out` at `offset`.
 * `m` maps output continuous coordinates to source (level-0) continuous coordinates.
 * Outside the image the sample blends towards `fill`, so crops that leave the photo get a soft,
 * neutral border rather than smeared edge pixels.
 */
export function sampleAffine(
  pyr: Pyramid,
  m: Affine,
  outW: number,
  outH: number,
  map: ValueMap,
  out: Float32Array,
  offset = 0,
): void {
  const level = levelFor(pyr, scaleOf(m));
  if (m.b === 0 && m.c === 0) sampleAxisAligned(level, m, outW, outH, map, out, offset);
  else sampleGeneral(level, m, outW, outH, map, out, offset);
}

/** The two ways sampleAffine samples (same arguments as it): along the axes, or any affine. */
type Sampler = (
  level: PyramidLevel,
  m: Affine,
  outW: number,
  outH: number,
  map: ValueMap,
  out: Float32Array,
  offset: number,
) => void;

/** Bilinear taps along one axis: left index, its weight, and whether each tap is inside. */
function axisTaps(n: number, scale: number, shift: number, factor: number, size: number) {
  const i0 = new Int32Array(n);
  const w0 = new Float32Array(n);
  const in0 = new Uint8Array(n);
  const in1 = new Uint8Array(n);
  for (let o = 0; o < n; o++) {
    const x = (scale * (o + 0.5) + shift) / factor - 0.5;
    const x0 = Math.floor(x);
    i0[o] = x0;
    w0[o] = 1 - (x - x0);
    in0[o] = x0 >= 0 && x0 < size ? 1 : 0;
    in1[o] = x0 + 1 >= 0 && x0 + 1 < size ? 1 : 0;
  }
  return { i0, w0, in0, in1 };
}

const sampleAxisAligned: Sampler = (level, m, outW, outH, map, out, offset) => {
  const { data: src, width: W, height: H, factor } = level;
  const cols = axisTaps(outW, m.a, m.tx, factor, W);
  const rows = axisTaps(outH, m.d, m.ty, factor, H);
  const plane = outW * outH;
  const { mul, add, fill } = map;
  const fillRaw = (fill - add) / mul;
  // Letterbox padding is a large share of most inputs: columns and rows entirely outside the
  // image are filled directly instead of going through the per-pixel edge blend.
  let firstIn = 0;
  while (firstIn < outW && !(cols.in0[firstIn] & cols.in1[firstIn])) firstIn++;
  let lastIn = outW - 1;
  while (lastIn >= firstIn && !(cols.in0[lastIn] & cols.in1[lastIn])) lastIn--;
  const outside = (o: number) => !cols.in0[o] && !cols.in1[o];
  for (let oy = 0; oy < outH; oy++) {
    const rowStart = offset + oy * outW;
    if (!rows.in0[oy] && !rows.in1[oy]) {
      for (let c = 0; c < 3; c++) out.fill(fill, rowStart + c * plane, rowStart + c * plane + outW);
      continue;
    }
    const y0 = rows.i0[oy];
    const wy0 = rows.w0[oy];
    const rowOk = rows.in0[oy] & rows.in1[oy];
    for (let ox = 0; ox < outW; ox++) {
      const o = rowStart + ox;
      const inside = rowOk === 1 && ox >= firstIn && ox <= lastIn;
      if (!inside && outside(ox)) {
        out[o] = fill;
        out[o + plane] = fill;
        out[o + 2 * plane] = fill;
      } else {
        blend(src, W, H, cols.i0[ox], y0, cols.w0[ox], wy0, inside, fillRaw, map, out, o, plane);
      }
    }
  }
};

const sampleGeneral: Sampler = (level, m, outW, outH, map, out, offset) => {
  const { data: src, width: W, height: H, factor } = level;
  const plane = outW * outH;
  const { mul, add } = map;
  const fillRaw = (map.fill - add) / mul;
  for (let oy = 0; oy < outH; oy++) {
    let o = offset + oy * outW;
    for (let ox = 0; ox < outW; ox++, o++) {
      const x = (m.a * (ox + 0.5) + m.b * (oy + 0.5) + m.tx) / factor - 0.5;
      const y = (m.c * (ox + 0.5) + m.d * (oy + 0.5) + m.ty) / factor - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const wx0 = 1 - (x - x0);
      const wy0 = 1 - (y - y0);
      const inside = x0 >= 0 && y0 >= 0 && x0 + 1 < W && y0 + 1 < H;
      blend(src, W, H, x0, y0, wx0, wy0, inside, fillRaw, map, out, o, plane);
    }
  }
};

/**
 * One sample of both samplers, at source pixel (x0, y0) with left and top weights wx0 and wy0,
 * mapped and written to the three planes. When all four taps are `inside` the image, the plain
 * bilinear blend; else the slow path for samples touching the border, where taps outside the
 * image count as `fillRaw`. V8 inlines it (the same types at every call).
 */
function blend(
  src: Uint8Array,
  W: number,
  H: number,
  x0: number,
  y0: number,
  wx0: number,
  wy0: number,
  inside: boolean,
  fillRaw: number,
  { mul, add }: ValueMap,
  out: Float32Array,
  o: number,
  plane: number,
): void {
  let r = 0;
  let g = 0;
  let b = 0;
  if (inside) {
    const p00 = (y0 * W + x0) * 3;
    const p10 = p00 + W * 3;
    const w00 = wy0 * wx0;
    const w01 = wy0 * (1 - wx0);
    const w10 = (1 - wy0) * wx0;
    const w11 = (1 - wy0) * (1 - wx0);
    r = w00 * src[p00] + w01 * src[p00 + 3] + w10 * src[p10] + w11 * src[p10 + 3];
    g = w00 * src[p00 + 1] + w01 * src[p00 + 4] + w10 * src[p10 + 1] + w11 * src[p10 + 4];
    b = w00 * src[p00 + 2] + w01 * src[p00 + 5] + w10 * src[p10 + 2] + w11 * src[p10 + 5];
  } else {
    for (let k = 0; k < 4; k++) {
      const dx = k & 1;
      const dy = k >> 1;
      const w = (dx ? 1 - wx0 : wx0) * (dy ? 1 - wy0 : wy0);
      if (w === 0) continue;
      const xi = x0 + dx;
      const yi = y0 + dy;
      if (xi < 0 || yi < 0 || xi >= W || yi >= H) {
        r += w * fillRaw;
        g += w * fillRaw;
        b += w * fillRaw;
      } else {
        const p = (yi * W + xi) * 3;
        r += w * src[p];
        g += w * src[p + 1];
        b += w * src[p + 2];
      }
    }
  }
  out[o] = r * mul + add;
  out[o + plane] = g * mul + add;
  out[o + 2 * plane] = b * mul + add;
}
