// panorama: a wide view stitched or cropped by the camera, or a photo sphere.

import { isCameraPhoto } from './camera.js';
import { round } from './evidence.js';
import { screenshotVerdict } from './screenshot.js';
import { MIN_SCORE, type Signals, type Verdict } from './types.js';

export const PANORAMA_DEFINITION =
  'A camera photo at least twice as wide as it is high (a vertical one: 2.5 times as high as ' +
  'wide) and at least 2000 px long, or one marked as a panorama or photo sphere by XMP GPano tags.';

export const PANORAMA_ASPECT = 2;
/**
 * [Note: panorama shape] Upright photos of one standing person are often cropped to 2:1 or a
 * little more; upright panoramas are taller. And a panorama is stitched from several frames, so
 * it is long: smaller wide images are crops and banners.
 */
export const VERTICAL_PANORAMA_ASPECT = 2.5;
export const PANORAMA_MIN_LONG_SIDE = 2000;

export function panoramaVerdict(s: Signals): Verdict {
  const m = s.meta;
  if (m.panorama) {
    const what = m.panorama === 'equirectangular' ? 'photo sphere' : 'panorama';
    return {
      score: 0.95,
      reason: `${what} (GPano ${m.panorama === 'gpano' ? 'tags' : m.panorama})`,
    };
  }
  const w = m.width ?? s.pixels?.width ?? 0;
  const h = m.height ?? s.pixels?.height ?? 0;
  if (!w || !h) return { score: 0, reason: 'size unknown' };
  const aspect = Math.max(w, h) / Math.min(w, h);
  const shape = `${aspect.toFixed(1)}:1`;
  const needed = h > w ? VERTICAL_PANORAMA_ASPECT : PANORAMA_ASPECT;
  if (aspect < needed) return { score: 0.02, reason: `${shape} frame` };
  if (Math.max(w, h) < PANORAMA_MIN_LONG_SIDE)
    return { score: 0.3, reason: `${shape}, but only ${Math.max(w, h)} px long` };
  if (screenshotVerdict(s).score >= MIN_SCORE)
    return { score: 0.1, reason: `${shape}, a screenshot` };
  if (!isCameraPhoto(m)) return { score: 0.4, reason: `${shape}, but no camera EXIF` };
  return {
    score: round(Math.min(0.95, 0.7 + 0.25 * (aspect - needed))),
    reason: `${shape} camera photo`,
  };
}
