// 2-D affine transforms and the least-squares similarity fit used for face alignment.
// Convention: continuous pixel coordinates, pixel (i, j) covers [i, i+1) × [j, j+1), so its
// centre is (i + 0.5, j + 0.5). Every crop in this module is "output coords → source coords".

/** x' = a·x + b·y + tx, y' = c·x + d·y + ty */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
}

export type Point = [number, number];

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0 };

export function apply(m: Affine, p: Point): Point {
  return [m.a * p[0] + m.b * p[1] + m.tx, m.c * p[0] + m.d * p[1] + m.ty];
}

/** m1 ∘ m2: first m2, then m1. */
export function compose(m1: Affine, m2: Affine): Affine {
  return {
    a: m1.a * m2.a + m1.b * m2.c,
    b: m1.a * m2.b + m1.b * m2.d,
    c: m1.c * m2.a + m1.d * m2.c,
    d: m1.c * m2.b + m1.d * m2.d,
    tx: m1.a * m2.tx + m1.b * m2.ty + m1.tx,
    ty: m1.c * m2.tx + m1.d * m2.ty + m1.ty,
  };
}

export function invert(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c;
  if (Math.abs(det) < 1e-12) throw new Error('affine transform is singular');
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, tx: -(a * m.tx + b * m.ty), ty: -(c * m.tx + d * m.ty) };
}

/** Source pixels per output pixel (geometric mean of the two axes' scale). */
export const scaleOf = (m: Affine): number => Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));

/**
 * The output → source transform of a crop: the rect `src` (x, y, w, h in source pixels) mapped
 * onto an outW × outH output, rotated around the rect's centre so that the output's x axis runs
 * along the source direction (cos angle, sin angle). With `angle` = the angle of a face's eye
 * line (atan2 of left-to-right eye vector), the face comes out upright.
 */
export function cropTransform(
  src: [number, number, number, number],
  outW: number,
  outH: number,
  angle = 0,
): Affine {
  const [x, y, w, h] = src;
  const sx = w / outW;
  const sy = h / outH;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = x + w / 2;
  const cy = y + h / 2;
  // output → centred output → scaled → rotated → translated to the crop centre
  const a = cos * sx;
  const b = -sin * sy;
  const c = sin * sx;
  const d = cos * sy;
  return {
    a,
    b,
    c,
    d,
    tx: cx - a * (outW / 2) - b * (outH / 2),
    ty: cy - c * (outW / 2) - d * (outH / 2),
  };
}

/**
 * Least-squares similarity transform (rotation, uniform scale, translation; no reflection)
 * taking `from[i]` onto `to[i]` — the closed-form 2-D case of Umeyama's method.
 */
export function fitSimilarity(from: Point[], to: Point[]): Affine {
  const n = from.length;
  if (n < 2 || n !== to.length) throw new Error('fitSimilarity needs ≥ 2 matching point pairs');
  let mfx = 0;
  let mfy = 0;
  let mtx = 0;
  let mty = 0;
  for (let i = 0; i < n; i++) {
    mfx += from[i][0];
    mfy += from[i][1];
    mtx += to[i][0];
    mty += to[i][1];
  }
  mfx /= n;
  mfy /= n;
  mtx /= n;
  mty /= n;
  // With p = from − mean, q = to − mean: minimise Σ|s·R·p − q|². In complex form q ≈ z·p with
  // z = s·e^{iθ} = Σ conj(p)·q / Σ|p|².
  let re = 0;
  let im = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i][0] - mfx;
    const py = from[i][1] - mfy;
    const qx = to[i][0] - mtx;
    const qy = to[i][1] - mty;
    re += px * qx + py * qy;
    im += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm < 1e-12) throw new Error('fitSimilarity: source points coincide');
  const a = re / norm;
  const c = im / norm;
  return { a, b: -c, c, d: a, tx: mtx - (a * mfx - c * mfy), ty: mty - (c * mfx + a * mfy) };
}
