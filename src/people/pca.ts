// Principal axes of face descriptors, for a cheap lower bound on distances.
//
// [Note: the projection bound] Projecting onto k orthonormal axes can only shorten a vector, so
// for unit descriptors x, y and their projections x', y':
//   |x' − y'|² ≤ |x − y|² = 2 · cosineDistance(x, y).
// If the projected gap already exceeds 2T the pair cannot be within T, and 16 numbers decided it
// instead of 128. Most pairs the neighbour search looks at are different people, whose
// descriptors differ mostly along the few directions where people differ most: the principal
// axes. So the bound rejects most of them at an eighth of the cost, and never wrongly.
//
// The axes come from a deterministic sample (every k-th descriptor in canonical order) and
// subspace iteration on the 128 × 128 covariance (multiply, re-orthonormalise, repeat). The bound
// only needs the axes to be orthonormal, never exactly principal, so a few dozen rounds do; the
// whole thing takes milliseconds.

/** The k principal axes (rows of a k × dim matrix) of n rows of m. */
export function principalAxes(
  m: Float32Array,
  n: number,
  dim: number,
  k: number,
  maxSample = 8192,
): Float64Array {
  const step = Math.max(1, Math.floor(n / maxSample));
  const mean = new Float64Array(dim);
  let count = 0;
  for (let i = 0; i < n; i += step, count++)
    for (let d = 0; d < dim; d++) mean[d] += m[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= Math.max(1, count);
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i += step) {
    for (let d = 0; d < dim; d++) row[d] = m[i * dim + d] - mean[d];
    for (let a = 0; a < dim; a++) {
      const ra = row[a];
      for (let b = a; b < dim; b++) cov[a * dim + b] += ra * row[b];
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) cov[a * dim + b] = cov[b * dim + a];
  // Subspace iteration from a fixed pseudo-random start (deterministic).
  let q = new Float64Array(k * dim);
  let seed = 0x9e3779b9;
  for (let i = 0; i < q.length; i++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    q[i] = seed / 4294967296 - 0.5;
  }
  orthonormaliseRows(q, k, dim);
  for (let round = 0; round < 40; round++) {
    const z = new Float64Array(k * dim);
    for (let r = 0; r < k; r++) {
      for (let a = 0; a < dim; a++) {
        let sum = 0;
        for (let b = 0; b < dim; b++) sum += cov[a * dim + b] * q[r * dim + b];
        z[r * dim + a] = sum;
      }
    }
    orthonormaliseRows(z, k, dim);
    q = z;
  }
  return q;
}

/** Modified Gram–Schmidt on the rows of a k × dim matrix, in place. */
function orthonormaliseRows(q: Float64Array, k: number, dim: number): void {
  for (let r = 0; r < k; r++) {
    for (let s = 0; s < r; s++) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += q[r * dim + d] * q[s * dim + d];
      for (let d = 0; d < dim; d++) q[r * dim + d] -= dot * q[s * dim + d];
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += q[r * dim + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) q[r * dim + d] /= norm;
  }
}

/** Projects n rows of m onto the axes: an n × k float32 matrix. */
export function projectRows(
  m: Float32Array,
  n: number,
  dim: number,
  axes: Float64Array,
  k: number,
): Float32Array {
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let d = 0, p = i * dim, q = r * dim; d < dim; d++) s += m[p + d] * axes[q + d];
      out[i * k + r] = s;
    }
  }
  return out;
}
