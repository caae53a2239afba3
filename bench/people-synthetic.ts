// Synthetic face descriptors for scale tests: no real faces needed, and any library size.
//
// [Note: realistic spread] Real dlib descriptors (128-d, L2-normalised) of our photos sit in a
// narrow cone (the mean descriptor has norm 0.915), same-person cosine distances have median
// 0.035 and 95th percentile 0.063, different-person distances 1st percentile 0.095 and median
// 0.166 (measured on corpus/faces). This generator reproduces that: identity centres are the
// common direction plus an anisotropic Gaussian (variance falling as 1/k^0.8 over the 128 axes,
// so a few directions carry most of the difference between people, as in real descriptors);
// faces are their centre plus isotropic noise whose scale varies per face (lognormal), because
// some photos of a person are simply harder. With the defaults: same median 0.034, p95 0.061;
// different p1 0.105, median 0.163; mean norm 0.913. Low-quality faces get 1.6× the noise.
//
// Faces are grouped into photos of 1–4 distinct identities, so same-photo constraints are
// exercised, and identities are Zipf-sized (a few people in thousands of photos, most in few),
// like a family library.

import type { FaceInput } from '../src/people/types.js';
import { mulberry32 } from '../src/shared/random.js';

export interface SyntheticOptions {
  identities: number;
  faces: number;
  seed?: number;
  dim?: number;
  /** Zipf exponent of identity sizes (0 = all equal). */
  skew?: number;
  /** Share of faces below the seeding quality. */
  lowQualityShare?: number;
}

export interface SyntheticFaces {
  faces: FaceInput[];
  /** True identity of each face (same order as faces). */
  identity: Int32Array;
}

const SPREAD = {
  between: 0.4,
  within: 0.185,
  spectrum: 0.8,
  faceSigma: 0.24,
  lowQualityNoise: 1.6,
};

function gaussian(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function normalise(v: Float64Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const k = 1 / Math.sqrt(s);
  return Float32Array.from(v, (x) => x * k);
}

export function syntheticFaces(opts: SyntheticOptions): SyntheticFaces {
  const dim = opts.dim ?? 128;
  const u = mulberry32(opts.seed ?? 1);
  const g = gaussian(u);
  const spectrum = Float64Array.from({ length: dim }, (_, k) => (k + 1) ** -SPREAD.spectrum);
  const total = spectrum.reduce((a, b) => a + b, 0);
  const scale = spectrum.map((l) => Math.sqrt(l / total));

  const common = Float64Array.from({ length: dim }, g);
  const cn = Math.hypot(...common);
  common.forEach((x, k) => (common[k] = x / cn));
  const centres = Array.from({ length: opts.identities }, () =>
    normalise(common.map((c, k) => c + SPREAD.between * scale[k] * g())),
  );

  // Zipf sizes, at least one face each.
  const skew = opts.skew ?? 0.7;
  const weights = Array.from({ length: opts.identities }, (_, k) => (k + 1) ** -skew);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / wsum) * opts.faces)));
  for (
    let k = 0, extra = opts.faces - sizes.reduce((a, b) => a + b, 0);
    extra > 0;
    k = (k + 1) % sizes.length, extra--
  )
    sizes[k]++;

  const identity = new Int32Array(opts.faces);
  let start = 0;
  sizes.forEach((size, k) => {
    identity.fill(k, start, Math.min(opts.faces, start + size));
    start += size;
  });
  // Shuffle (Fisher–Yates) so photos mix identities.
  for (let i = identity.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [identity[i], identity[j]] = [identity[j], identity[i]];
  }

  const lowShare = opts.lowQualityShare ?? 0.1;
  const faces: FaceInput[] = [];
  let photo = 0;
  let inPhoto: number[] = [];
  let photoSize = 1;
  const perAxisWithin = Math.sqrt(1 / dim) * SPREAD.within;
  for (let i = 0; i < opts.faces; i++) {
    const who = identity[i];
    // Start a new photo when full or when this identity is already in it.
    if (inPhoto.length >= photoSize || inPhoto.includes(who)) {
      photo++;
      inPhoto = [];
      const r = u();
      photoSize = r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4;
    }
    inPhoto.push(who);
    const low = u() < lowShare;
    const noise =
      perAxisWithin * Math.exp(SPREAD.faceSigma * g()) * (low ? SPREAD.lowQualityNoise : 1);
    const c = centres[who];
    const v = new Float64Array(dim);
    for (let k = 0; k < dim; k++) v[k] = c[k] + noise * g();
    faces.push({
      id: `f${String(i).padStart(7, '0')}`,
      photoId: `p${photo}`,
      embedding: normalise(v),
      quality: low ? 0.05 + 0.2 * u() : 0.3 + 0.7 * u(),
    });
  }
  return { faces, identity };
}
