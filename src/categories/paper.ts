// The paper-like region of a photo, found on the statistics grid: the largest connected patch of
// bright, low-saturation cells (holes filled, for the ink), and how much of it text covers.

import type { StatsGrid } from './image-stats.js';

export interface PaperRegion {
  /** Cells in the region (after holes are filled), row-major indices. */
  cells: Set<number>;
  /** Fraction of the frame it covers. */
  area: number;
  /** Bounding box as fractions of the frame: x, y, w, h. */
  box: [number, number, number, number];
  /**
   * Length over width of the region whatever its tilt: √(λ1/λ2) of its second moments (1.41
   * for an A4 sheet, 3 and more for a till receipt).
   */
  elongation: number;
}

/**
 * [Note: paper-like] A cell is paper-like when it is bright for this photo (at least 60 % of the
 * brightest cells' level and above 110: a sheet under a lamp's falloff is still the brightest
 * thing on the table) and nearly grey (colourfulness at most 18 % of its brightness: white,
 * cream or grey paper, not a beige wall in sunlight or a blue sky). Text makes cells darker and
 * edgy; enclosed cells are therefore part of the sheet whatever they look like.
 */
export function paperRegion(grid: StatsGrid): PaperRegion | null {
  const { cols, rows, luma, chroma } = grid;
  const n = cols * rows;
  const bright = [...luma].sort((a, b) => b - a)[Math.floor(n * 0.05)] ?? 0;
  const minLuma = Math.max(110, 0.6 * bright);
  const paper = new Uint8Array(n);
  for (let i = 0; i < n; i++) paper[i] = luma[i] >= minLuma && chroma[i] <= 0.18 * luma[i] ? 1 : 0;

  // Holes: non-paper cells the outside cannot reach through non-paper cells.
  const outside = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = i % cols;
    const y = (i - x) / cols;
    if ((x === 0 || y === 0 || x === cols - 1 || y === rows - 1) && !paper[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  }
  flood(
    stack,
    cols,
    rows,
    (j) => !paper[j] && !outside[j],
    (j) => (outside[j] = 1),
  );
  for (let i = 0; i < n; i++) if (!paper[i] && !outside[i]) paper[i] = 1;

  // The largest 4-connected patch of paper.
  const seen = new Uint8Array(n);
  let best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!paper[i] || seen[i]) continue;
    const patch = [i];
    seen[i] = 1;
    flood(
      [i],
      cols,
      rows,
      (j) => paper[j] === 1 && !seen[j],
      (j) => {
        seen[j] = 1;
        patch.push(j);
      },
    );
    if (patch.length > best.length) best = patch;
  }
  if (!best.length) return null;
  let x0 = cols;
  let y0 = rows;
  let x1 = 0;
  let y1 = 0;
  for (const i of best) {
    const x = i % cols;
    const y = (i - x) / cols;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + 1);
    y1 = Math.max(y1, y + 1);
  }
  return {
    cells: new Set(best),
    area: best.length / n,
    box: [x0 / cols, y0 / rows, (x1 - x0) / cols, (y1 - y0) / rows],
    elongation: elongation(best, cols),
  };
}

/** √(λ1/λ2) of the cells' covariance (the grid's cells are square: see imageStats). */
function elongation(cells: number[], cols: number): number {
  let mx = 0;
  let my = 0;
  for (const i of cells) {
    mx += i % cols;
    my += Math.floor(i / cols);
  }
  mx /= cells.length;
  my /= cells.length;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const i of cells) {
    const dx = (i % cols) - mx;
    const dy = Math.floor(i / cols) - my;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  const mean = (xx + yy) / 2;
  const spread = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  const small = mean - spread;
  return small > 0 ? Math.sqrt((mean + spread) / small) : cells.length > 1 ? Infinity : 1;
}

function flood(
  stack: number[],
  cols: number,
  rows: number,
  open: (j: number) => boolean,
  visit: (j: number) => void,
): void {
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % cols;
    const next = [x > 0 ? i - 1 : -1, x < cols - 1 ? i + 1 : -1, i - cols, i + cols];
    for (const j of next) {
      if (j < 0 || j >= cols * rows || !open(j)) continue;
      visit(j);
      stack.push(j);
    }
  }
}

/** Sub-cells per cell side when text boxes are laid on the grid. */
const FINE = 4;

export interface TextOnPaper {
  /** Fraction of the region's area under text boxes. */
  coverage: number;
  /** Text lines whose centre lies in the region. */
  lines: number;
}

/** How much of the region the text boxes (fractions of the frame) cover. */
export function textOnPaper(
  region: PaperRegion,
  grid: StatsGrid,
  boxes: [number, number, number, number][],
): TextOnPaper {
  const fw = grid.cols * FINE;
  const fh = grid.rows * FINE;
  const mask = new Uint8Array(fw * fh);
  let lines = 0;
  for (const [x, y, w, h] of boxes) {
    const cx = Math.floor((x + w / 2) * grid.cols);
    const cy = Math.floor((y + h / 2) * grid.rows);
    if (region.cells.has(cy * grid.cols + cx)) lines++;
    const fx0 = Math.max(0, Math.floor(x * fw));
    const fy0 = Math.max(0, Math.floor(y * fh));
    const fx1 = Math.min(fw, Math.ceil((x + w) * fw));
    const fy1 = Math.min(fh, Math.ceil((y + h) * fh));
    for (let fy = fy0; fy < fy1; fy++) mask.fill(1, fy * fw + fx0, fy * fw + fx1);
  }
  let covered = 0;
  for (const c of region.cells) {
    const gx = c % grid.cols;
    const gy = (c - gx) / grid.cols;
    for (let dy = 0; dy < FINE; dy++) {
      const row = (gy * FINE + dy) * fw + gx * FINE;
      for (let dx = 0; dx < FINE; dx++) covered += mask[row + dx];
    }
  }
  return { coverage: covered / (region.cells.size * FINE * FINE), lines };
}
