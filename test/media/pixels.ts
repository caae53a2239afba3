// Pixel comparison helpers for the media tests.

import sharp from 'sharp';

import { orientRawImage } from '../../src/media/orientation.js';
import type { RawImage } from '../../src/media/types.js';

/** Decodes any image file or buffer sharp reads to RGB (no orientation applied). */
export async function decodeRgb(input: string | Buffer): Promise<RawImage> {
  const { data, info } = await sharp(input)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: 3 };
}

/** Resamples to exactly width×height (aspect ignored) so two renderings can be compared. */
export async function resampled(img: RawImage, width: number, height: number): Promise<RawImage> {
  const { data } = await sharp(img.data, {
    raw: { width: img.width, height: img.height, channels: 3 },
  })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width, height, channels: 3 };
}

/** Mean absolute difference per channel value, 0–255. Both images must have the same size. */
export function meanAbsDiff(a: RawImage, b: RawImage): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('size mismatch');
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

export interface UprightVerdict {
  /** difference to the upright reference */
  diff: number;
  /** smallest difference to any wrong orientation of the reference with the same aspect */
  nearestWrong: number;
}

/**
 * Compares `candidate` with `reference` and with every wrong way of turning the reference
 * (the 7 other elements of the dihedral group), all at 64 px on the long side.
 */
export async function uprightVerdict(
  candidate: RawImage,
  reference: RawImage,
): Promise<UprightVerdict> {
  const small = async (img: RawImage) => {
    const scale = 64 / Math.max(img.width, img.height);
    return resampled(
      img,
      Math.max(8, Math.round(img.width * scale)),
      Math.max(8, Math.round(img.height * scale)),
    );
  };
  const cand = await small(candidate);
  const ref = await small(reference);
  const { width: w, height: h } = cand;
  const diff = meanAbsDiff(cand, await resampled(ref, w, h));
  let nearestWrong = Infinity;
  for (let o = 2; o <= 8; o++) {
    const turned = orientRawImage(ref, o);
    // a wrong turn that changes the aspect ratio is wrong by its size alone
    const sameShape = turned.width >= turned.height === w >= h;
    if (!sameShape && turned.width !== turned.height) continue;
    nearestWrong = Math.min(nearestWrong, meanAbsDiff(cand, await resampled(turned, w, h)));
  }
  return { diff, nearestWrong };
}
