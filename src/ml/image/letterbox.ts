// Letterboxing: fit an image into a square model input keeping its aspect ratio, centred, with
// the rest filled with a neutral grey. Pure math, shared by CenterNet and BlazeFace.

import type { Affine } from './affine.js';

export interface Letterbox {
  /** Model-input pixels per source pixel. */
  scale: number;
  /** Offset of the scaled image inside the model input. */
  padX: number;
  padY: number;
  /** Size of the scaled image inside the model input. */
  width: number;
  height: number;
}

export function letterbox(srcW: number, srcH: number, size: number): Letterbox {
  if (srcW <= 0 || srcH <= 0) throw new Error(`cannot letterbox an empty ${srcW}×${srcH} image`);
  const scale = size / Math.max(srcW, srcH);
  const width = srcW * scale;
  const height = srcH * scale;
  return { scale, padX: (size - width) / 2, padY: (size - height) / 2, width, height };
}

/** A box in model-input pixels [x1, y1, x2, y2] → source pixels [x, y, w, h], clipped to the source. */
export function unletterboxBox(
  lb: Letterbox,
  box: [number, number, number, number],
  srcW: number,
  srcH: number,
): [number, number, number, number] {
  const x1 = Math.min(Math.max((box[0] - lb.padX) / lb.scale, 0), srcW);
  const y1 = Math.min(Math.max((box[1] - lb.padY) / lb.scale, 0), srcH);
  const x2 = Math.min(Math.max((box[2] - lb.padX) / lb.scale, 0), srcW);
  const y2 = Math.min(Math.max((box[3] - lb.padY) / lb.scale, 0), srcH);
  return [x1, y1, x2 - x1, y2 - y1];
}

/** A point in model-input pixels → source pixels (not clipped). */
export function unletterboxPoint(lb: Letterbox, p: [number, number]): [number, number] {
  return [(p[0] - lb.padX) / lb.scale, (p[1] - lb.padY) / lb.scale];
}

/**
 * Model-input pixels → source pixels: the transform `sampleAffine` fills the model input with.
 * `origin` is where the letterboxed region starts in the source (a crop of it; 0, 0 for all of it).
 */
export function letterboxToSource(lb: Letterbox, originX = 0, originY = 0): Affine {
  return {
    a: 1 / lb.scale,
    b: 0,
    c: 0,
    d: 1 / lb.scale,
    tx: originX - lb.padX / lb.scale,
    ty: originY - lb.padY / lb.scale,
  };
}
