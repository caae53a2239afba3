// BlazeFace (MediaPipe "back" / full-range-256 variant shipped by Human) output decoding.
//
// Facts from the model and Human's decoder: input 256×256 RGB scaled to [-1, 1]; 896 anchors —
// a 16×16 grid (stride 16) with 2 anchors per cell, then an 8×8 grid (stride 32) with 6 per
// cell, anchor centre = (cell + 0.5)·stride; the graph emits the two groups as separate tensors.
// Per anchor: one logit, then 16 regressors in input pixels: centre offset (dx, dy), size (w, h)
// and six keypoints (x, y) relative to the anchor centre: subject's right eye, left eye, nose
// tip, mouth centre, right ear tragion, left ear tragion.

export const BLAZEFACE_INPUT = 256;

export interface RawFace {
  score: number;
  /** [x1, y1, x2, y2] in model-input pixels. */
  box: [number, number, number, number];
  keypoints: [number, number][];
}

export function blazefaceAnchors(size = BLAZEFACE_INPUT): Float32Array {
  const layers = [
    { stride: size / 16, perCell: 2 },
    { stride: size / 8, perCell: 6 },
  ];
  const out: number[] = [];
  for (const { stride, perCell } of layers) {
    const cells = Math.ceil(size / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        for (let k = 0; k < perCell; k++) out.push((gx + 0.5) * stride, (gy + 0.5) * stride);
      }
    }
  }
  return Float32Array.from(out);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Decodes anchors in order [group 512, group 384]: `logits` holds one value per anchor,
 * `regressors` 16 per anchor. Keeps faces with sigmoid(logit) ≥ minScore.
 */
export function decodeBlazeFace(
  logits: Float32Array,
  regressors: Float32Array,
  anchors: Float32Array,
  minScore: number,
): RawFace[] {
  const n = anchors.length / 2;
  if (logits.length !== n || regressors.length !== n * 16)
    throw new Error('BlazeFace outputs do not match the anchor count');
  const faces: RawFace[] = [];
  for (let i = 0; i < n; i++) {
    const score = sigmoid(logits[i]);
    if (score < minScore) continue;
    const ax = anchors[2 * i];
    const ay = anchors[2 * i + 1];
    const r = i * 16;
    const cx = regressors[r] + ax;
    const cy = regressors[r + 1] + ay;
    const w = regressors[r + 2];
    const h = regressors[r + 3];
    const keypoints: [number, number][] = [];
    for (let k = 0; k < 6; k++)
      keypoints.push([regressors[r + 4 + 2 * k] + ax, regressors[r + 5 + 2 * k] + ay]);
    faces.push({ score, box: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], keypoints });
  }
  return faces;
}
