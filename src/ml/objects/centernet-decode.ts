// CenterNet output decoding, done outside the graph (the model is cut at its heads).
//
// Facts from the model graph: the heatmap is a per-class sigmoid on a 128×128 grid over the 512²
// input (stride 4); a detection is a local maximum of its class map within a 3×3 window; the
// size head gives four distances (left, top, right, bottom) in input pixels (already ×16 in the
// graph) from the cell's anchor point (col·4, row·4) — no sub-cell offset head.

export interface CenterNetPeak {
  classIndex: number;
  score: number;
  /** [x1, y1, x2, y2] in model-input pixels. */
  box: [number, number, number, number];
}

export interface HeatmapShape {
  classes: number;
  height: number;
  width: number;
  /** Input pixels per grid cell. */
  stride: number;
}

/**
 * Peaks ≥ `threshold` of a planar heatmap [classes][h][w] with sizes [4][h][w].
 * A cell is a peak when no 3×3 neighbour is strictly greater (ties all survive, as in the graph's
 * max-pool equality test). Returns at most `maxPeaks`, best first.
 */
export function decodeCenterNet(
  heat: Float32Array,
  wh: Float32Array,
  s: HeatmapShape,
  threshold: number,
  maxPeaks = 100,
): CenterNetPeak[] {
  const { classes, height: H, width: W, stride } = s;
  if (heat.length !== classes * H * W || wh.length !== 4 * H * W)
    throw new Error('CenterNet output sizes do not match the heatmap shape');
  const plane = H * W;
  const peaks: CenterNetPeak[] = [];
  // One flat pass per class plane: almost every cell is far below the threshold, so the cheap
  // comparison comes first and coordinates are only worked out for candidates.
  for (let c = 0; c < classes; c++) {
    const base = c * plane;
    for (let cell = 0; cell < plane; cell++) {
      const v = heat[base + cell];
      if (v < threshold) continue;
      const y = (cell / W) | 0;
      const x = cell - y * W;
      let isPeak = true;
      for (let dy = -1; dy <= 1 && isPeak; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= H) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= W || (dx === 0 && dy === 0)) continue;
          if (heat[base + yy * W + xx] > v) {
            isPeak = false;
            break;
          }
        }
      }
      if (!isPeak) continue;
      const cx = x * stride;
      const cy = y * stride;
      peaks.push({
        classIndex: c,
        score: v,
        box: [
          cx - wh[cell],
          cy - wh[plane + cell],
          cx + wh[2 * plane + cell],
          cy + wh[3 * plane + cell],
        ],
      });
    }
  }
  peaks.sort((a, b) => b.score - a.score);
  return peaks.slice(0, maxPeaks);
}
