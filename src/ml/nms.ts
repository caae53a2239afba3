// Intersection-over-union and greedy non-maximum suppression on [x, y, w, h] boxes.

export type Box = [number, number, number, number];

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a[0], b[0]);
  const y1 = Math.max(a[1], b[1]);
  const x2 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y2 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Greedy NMS: visits candidates by descending score and keeps one unless it overlaps a kept one
 * by more than `iouThreshold`. With `groupOf`, only candidates of the same group suppress each
 * other (per-class NMS). Returns the kept items, best first. Ties keep input order (stable).
 */
export function nms<T extends { box: Box; score: number }>(
  items: T[],
  iouThreshold: number,
  groupOf?: (t: T) => string | number,
): T[] {
  const order = items.map((_, i) => i).sort((i, j) => items[j].score - items[i].score || i - j);
  const kept: T[] = [];
  for (const i of order) {
    const cand = items[i];
    const g = groupOf?.(cand);
    const suppressed = kept.some(
      (k) => (groupOf ? groupOf(k) === g : true) && iou(k.box, cand.box) > iouThreshold,
    );
    if (!suppressed) kept.push(cand);
  }
  return kept;
}
