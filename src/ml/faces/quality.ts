// [Note: face quality] Clustering should lean on faces it can trust and ignore junk (tiny
// background faces, motion blur, doubtful detections). Each factor maps to 0..1 with a soft ramp
// between "useless" and "good", and the overall quality is their product, so one bad factor is
// enough to mark a face as junk. Ramps were set on corpus/faces: chips of real faces at
// ≥ 80 px and detector score ≥ 0.9 embed reliably; below ~24 px and for Laplacian variance below
// ~20 on the aligned chip, descriptors of the same person drift apart.

export interface FaceQuality {
  /** Face size: side of the detection box, in photo pixels. */
  sizePx: number;
  /** Laplacian variance of the aligned grey chip (higher = sharper). */
  blur: number;
  /** Detector confidence 0..1. */
  score: number;
  /** Combined 0..1. */
  overall: number;
}

const ramp = (v: number, lo: number, hi: number): number =>
  Math.min(1, Math.max(0, (v - lo) / (hi - lo)));

export const QUALITY_RAMPS = {
  sizePx: [24, 80] as const,
  // log10 of the Laplacian variance: 20 → 1.3, 200 → 2.3
  logBlur: [1.3, 2.3] as const,
  score: [0.6, 0.9] as const,
};

export function faceQuality(sizePx: number, blur: number, score: number): FaceQuality {
  const s = ramp(sizePx, ...QUALITY_RAMPS.sizePx);
  const b = ramp(Math.log10(Math.max(blur, 1)), ...QUALITY_RAMPS.logBlur);
  const d = ramp(score, ...QUALITY_RAMPS.score);
  // Floor each factor at 0.05 so the product still ranks faces instead of collapsing to 0.
  const overall = Math.max(0.05, s) * Math.max(0.05, b) * Math.max(0.05, d);
  return { sizePx, blur, score, overall: Math.round(overall * 1000) / 1000 };
}
