// Where the landmark net looks. face-api's 68-point net expects a square crop around the whole
// face, roughly upright. BlazeFace boxes are tighter (brows to chin) and its keypoints give the
// eye line, so we crop a square `LANDMARK_CROP_SCALE` × the box around its centre, rotated by the
// eye-line angle; the net's 0..1 outputs are mapped back through the same transform.

import { apply, cropTransform, type Affine, type Point } from '../image/affine.js';

export const LANDMARK_SIZE = 112;
export const LANDMARK_CROP_SCALE = 1.25;

export interface FaceSeed {
  /** [x, y, w, h] in image pixels. */
  box: [number, number, number, number];
  /** Subject's right eye and left eye (image pixels). */
  rightEye: Point;
  leftEye: Point;
}

/** Crop (output 112² → image) transform for the landmark net. */
export function landmarkCrop(seed: FaceSeed, scale = LANDMARK_CROP_SCALE): Affine {
  const [x, y, w, h] = seed.box;
  const side = Math.max(w, h) * scale;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const angle = Math.atan2(seed.leftEye[1] - seed.rightEye[1], seed.leftEye[0] - seed.rightEye[0]);
  return cropTransform(
    [cx - side / 2, cy - side / 2, side, side],
    LANDMARK_SIZE,
    LANDMARK_SIZE,
    angle,
  );
}

/** 136 net outputs (x, y in 0..1 of the crop) → 68 image points. */
export function landmarksToImage(
  values: Float32Array | number[],
  crop: Affine,
  offset = 0,
): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < 68; i++) {
    pts.push(
      apply(crop, [
        values[offset + 2 * i] * LANDMARK_SIZE,
        values[offset + 2 * i + 1] * LANDMARK_SIZE,
      ]),
    );
  }
  return pts;
}

/** Seed for a second landmark pass: the box and eye centres implied by a first set of landmarks. */
export function seedFromLandmarks(pts: Point[]): FaceSeed {
  const mean = (from: number, to: number): Point => {
    let sx = 0;
    let sy = 0;
    for (let i = from; i < to; i++) {
      sx += pts[i][0];
      sy += pts[i][1];
    }
    return [sx / (to - from), sy / (to - from)];
  };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [px, py] of pts) {
    x1 = Math.min(x1, px);
    y1 = Math.min(y1, py);
    x2 = Math.max(x2, px);
    y2 = Math.max(y2, py);
  }
  // 68-point scheme: 36–41 = subject's right eye, 42–47 = left eye.
  return { box: [x1, y1, x2 - x1, y2 - y1], rightEye: mean(36, 42), leftEye: mean(42, 48) };
}
