// [Note: blur measure] Variance of the 4-neighbour Laplacian over the central part of the
// aligned grey chip. Taken on the aligned chip, every face is measured at the same scale
// (150 px, brows-to-mouth ≈ 100 px), so the value compares across photos; the border is left out
// because it holds background and padding. Sharp faces score in the hundreds, soft ones < 30.

/** Laplacian variance of a planar RGB chip (C, H, W; 0..255) over its central `inner` fraction. */
export function laplacianVariance(
  planar: Float32Array,
  width: number,
  height: number,
  inner = 0.6,
  offset = 0,
): number {
  const plane = width * height;
  const grey = new Float32Array(plane);
  for (let i = 0; i < plane; i++) {
    grey[i] =
      0.299 * planar[offset + i] +
      0.587 * planar[offset + plane + i] +
      0.114 * planar[offset + 2 * plane + i];
  }
  const x0 = Math.max(1, Math.round((width * (1 - inner)) / 2));
  const y0 = Math.max(1, Math.round((height * (1 - inner)) / 2));
  const x1 = Math.min(width - 1, width - x0);
  const y1 = Math.min(height - 1, height - y0);
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const lap = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - 4 * grey[i];
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}
