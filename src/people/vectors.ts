// Vector arithmetic for 128-d face descriptors, on flat typed arrays (row i of a matrix starts at
// i * dim). Descriptors are L2-normalised, so cosine distance is 1 − dot.
//
// [Note: average linkage is a dot product of sums] For unit vectors the mean cosine distance
// between every face of cluster A and every face of cluster B is
//   (1/|A||B|) Σ_a Σ_b (1 − a·b) = 1 − (ΣA/|A|)·(ΣB/|B|)
// so a cluster is summarised exactly by the SUM of its descriptors and its size: merging adds
// sums, and the average-linkage distance between any two clusters (a face is a cluster of one)
// costs one 128-d dot product. Everything in src/people leans on this identity: consolidation,
// incremental assignment and suggestions all compare the same per-person summaries.

// [Note: monomorphic kernels] V8 compiles a function for the array types it has seen; one dot
// product called with Float32Array and Float64Array rows runs several times slower than one
// function per type pair. Hence three kernels with the same body. Four accumulators break the
// dependency chain (V8 does not vectorise). Rows are 128 wide; any width divisible by 4 works.

/** Row i · row j of one float32 matrix. */
export function dotF32(m: Float32Array, i: number, j: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let p = i * dim, q = j * dim, end = p + dim; p < end; p += 4, q += 4) {
    s0 += m[p] * m[q];
    s1 += m[p + 1] * m[q + 1];
    s2 += m[p + 2] * m[q + 2];
    s3 += m[p + 3] * m[q + 3];
  }
  return s0 + s1 + s2 + s3;
}

/** Row i of float32 matrix a · row j of float32 matrix b. */
export function dotF32Rows(
  a: Float32Array,
  i: number,
  b: Float32Array,
  j: number,
  dim: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let p = i * dim, q = j * dim, end = p + dim; p < end; p += 4, q += 4) {
    s0 += a[p] * b[q];
    s1 += a[p + 1] * b[q + 1];
    s2 += a[p + 2] * b[q + 2];
    s3 += a[p + 3] * b[q + 3];
  }
  return s0 + s1 + s2 + s3;
}

/** A float64 vector (a cluster sum) · row j of a float32 matrix. */
export function dotF64F32(a: Float64Array, m: Float32Array, j: number, dim: number): number {
  return dotRowF64F32(a, 0, m, j, dim);
}

/** Row i of a float64 matrix (cluster sums) · row j of a float32 matrix. */
export function dotRowF64F32(
  a: Float64Array,
  i: number,
  m: Float32Array,
  j: number,
  dim: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let p = i * dim, q = j * dim, end = p + dim; p < end; p += 4, q += 4) {
    s0 += a[p] * m[q];
    s1 += a[p + 1] * m[q + 1];
    s2 += a[p + 2] * m[q + 2];
    s3 += a[p + 3] * m[q + 3];
  }
  return s0 + s1 + s2 + s3;
}

/** Two float64 vectors (cluster sums). */
export function dotF64(a: Float64Array, b: Float64Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let p = 0; p < dim; p += 4) {
    s0 += a[p] * b[p];
    s1 += a[p + 1] * b[p + 1];
    s2 += a[p + 2] * b[p + 2];
    s3 += a[p + 3] * b[p + 3];
  }
  return s0 + s1 + s2 + s3;
}

/** Packs descriptors into one row-major matrix. */
export function packRows(vectors: readonly ArrayLike<number>[], dim: number): Float32Array {
  if (dim % 4) throw new Error(`descriptor width ${dim} is not a multiple of 4`);
  const m = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim)
      throw new Error(`descriptor ${i} has ${v.length} values, expected ${dim}`);
    m.set(v, i * dim);
  });
  return m;
}

/** Adds row j of a float32 matrix into a float64 vector. */
export function addRowF32(dst: Float64Array, m: Float32Array, j: number, dim: number): void {
  for (let k = 0, q = j * dim; k < dim; k++, q++) dst[k] += m[q];
}

/** Adds one float64 vector into another. */
export function addF64(dst: Float64Array, src: Float64Array, dim: number): void {
  for (let k = 0; k < dim; k++) dst[k] += src[k];
}

/** Average-linkage (mean cosine) distance between two clusters given their sums and sizes. */
export function averageDistance(dot: number, countA: number, countB: number): number {
  return 1 - dot / (countA * countB);
}
