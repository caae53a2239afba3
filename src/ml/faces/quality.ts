// [Note: face quality] Clustering should lean on faces it can trust and ignore junk (tiny
// background faces, motion blur, doubtful detections). Each factor maps to 0..1 with a linear ramp
// between "useless" and "good", and the overall quality is their product, so one bad factor is
// enough to mark a face as junk. The ramps come from a degradation experiment on 30 deepface
// portraits: shrinking or blurring a face and measuring how far its descriptor moves from the
// clean one (cosine distance; same-person pairs sit at a median 0.035, the cut is 0.07).
//   face size  64 px → 0.003, 48 → 0.009, 36 → 0.016, 28 → 0.030, 22 → 0.042, 16 → 0.064
//   chip blur  ≥ 80 → 0.001, 40–80 → 0.004, 20–40 → 0.008, < 20 → 0.022 (p90 0.037)
// Detector scores between the threshold (0.7) and 0.9 hold most false faces (animal faces,
// clocks), so the score ramp spans that range.

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
  sizePx: [24, 56] as const,
  // log10 of the Laplacian variance: 15 → 1.18, 60 → 1.78
  logBlur: [1.18, 1.78] as const,
  score: [0.65, 0.9] as const,
};

export function faceQuality(sizePx: number, blur: number, score: number): FaceQuality {
  const s = ramp(sizePx, ...QUALITY_RAMPS.sizePx);
  const b = ramp(Math.log10(Math.max(blur, 1)), ...QUALITY_RAMPS.logBlur);
  const d = ramp(score, ...QUALITY_RAMPS.score);
  // Floor each factor at 0.05 so the product still ranks faces instead of collapsing to 0.
  const overall = Math.max(0.05, s) * Math.max(0.05, b) * Math.max(0.05, d);
  return { sizePx, blur, score, overall: Math.round(overall * 1000) / 1000 };
}
