// Faces "of useful size": big enough in the frame to be someone the photo is of, not a passer-by.

import type { FaceSignal, Signals } from './types.js';

/**
 * [Note: useful faces] A face counts when its box side is at least 4 % of the frame's short side
 * and 20 px in the photo (BlazeFace boxes run brows to chin, so a head is ~1.6× that), with the
 * detector sure of it (score ≥ 0.75). Crowds in the background and faces on posters fall below.
 */
export const USEFUL_FACE_SIDE = 0.04;
const USEFUL_FACE_PX = 20;
const USEFUL_FACE_SCORE = 0.75;

export interface SizedFace {
  face: FaceSignal;
  /** Box side as a fraction of the frame's short side. */
  side: number;
  /** Box side as a fraction of the frame's size, √(w·h). */
  size: number;
}

/** The useful faces, largest first; null while faces are not known. */
export function usefulFaces(s: Signals): SizedFace[] | null {
  if (!s.faces) return null;
  const w = s.meta.width ?? s.pixels?.width ?? 0;
  const h = s.meta.height ?? s.pixels?.height ?? 0;
  if (!w || !h) return [];
  const short = Math.min(w, h);
  const frame = Math.sqrt(w * h);
  return s.faces
    .map((face) => {
      // Boxes are square in pixels; take the mean of both sides in pixels.
      const px = (face.box[2] * w + face.box[3] * h) / 2;
      return { face, side: px / short, size: px / frame, px };
    })
    .filter(
      (f) =>
        f.side >= USEFUL_FACE_SIDE && f.px >= USEFUL_FACE_PX && f.face.score >= USEFUL_FACE_SCORE,
    )
    .sort((a, b) => b.side - a.side)
    .map(({ face, side, size }) => ({ face, side, size }));
}
