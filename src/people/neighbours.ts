// The candidate graph: which faces are close enough that clustering should ever compare their
// clusters. Average linkage merges two clusters only when their MEAN pairwise distance is ≤ T,
// which needs at least one pair of faces at ≤ T; so clustering only ever has to look along edges of
// the "ε-graph" (pairs at distance ≤ T). Building that graph is the only step that could be
// quadratic, and it is where scale is won or lost.
//
// [Note: neighbour search] Small libraries (≤ exactBelow faces) compare every pair: exact, and
// cheaper than any index at that size (a projection bound, pca.ts, skips most pairs at 1/8 of
// the cost). Larger ones use a random-projection forest: each tree splits the faces recursively
// at the median along the direction between two faces drawn from the node (in the space of the
// 16 principal axes, where people differ most), down to leaves of ≤ leafSize faces, and faces
// sharing a leaf are compared. A face lands in the same leaf as most of its look-alikes in at
// least one of several trees; clustering only needs each person's faces CONNECTED, not every
// pair, so a few trees suffice (test/people/linkage.test.ts checks the result against the exact
// graph). Every face keeps at most maxDegree neighbours, the nearest: a person with 20,000 faces
// must not cost 20,000² edges. Memory is O(n · maxDegree).
//
// Determinism: the only randomness is a PRNG with a fixed seed, drawing positions in the
// caller's canonical order, so the same set of faces always gives the same graph.

import { principalAxes, projectRows } from './pca.js';
import { dotF32, dotF64F32 } from './vectors.js';
import { mulberry32 } from '../shared/random.js';

export interface NeighbourOptions {
  /** Cosine distance beyond which two faces are never neighbours (the clustering threshold). */
  radius: number;
  /** Neighbours kept per face (the nearest). */
  maxDegree: number;
  /** Below this many faces every pair is compared. */
  exactBelow: number;
  trees: number;
  leafSize: number;
  /** Principal axes for the projection bound (pca.ts) and the tree splits; 0 = off. */
  projectionDims: number;
  seed: number;
}

export const DEFAULT_NEIGHBOURS: Omit<NeighbourOptions, 'radius'> = {
  maxDegree: 8,
  exactBelow: 3000,
  trees: 6,
  leafSize: 48,
  projectionDims: 16,
  seed: 0x5eed_f00d,
};

/** Symmetric adjacency in CSR form: neighbours of i are targets[offsets[i] .. offsets[i+1]). */
export interface NeighbourGraph {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Bounded nearest-neighbour lists, one per face, flat in two typed arrays. */
class NearestLists {
  readonly ids: Int32Array;
  readonly dists: Float32Array;
  readonly counts: Int32Array;
  /** Distance of the worst kept neighbour once a list is full, else the radius. */
  private readonly worst: Float32Array;

  constructor(
    private readonly n: number,
    private readonly k: number,
    private readonly radius: number,
  ) {
    this.ids = new Int32Array(n * k).fill(-1);
    this.dists = new Float32Array(n * k);
    this.counts = new Int32Array(n);
    this.worst = new Float32Array(n).fill(radius);
  }

  offer(i: number, j: number, d: number): void {
    if (d > this.worst[i]) return;
    const base = i * this.k;
    const c = this.counts[i];
    for (let p = base; p < base + c; p++) if (this.ids[p] === j) return;
    if (c < this.k) {
      this.ids[base + c] = j;
      this.dists[base + c] = d;
      this.counts[i] = c + 1;
      if (c + 1 === this.k) this.worst[i] = this.maxDist(base);
      return;
    }
    // Full: replace the farthest; ties keep the smaller index so the result is order-free.
    let far = base;
    for (let p = base + 1; p < base + this.k; p++) {
      if (
        this.dists[p] > this.dists[far] ||
        (this.dists[p] === this.dists[far] && this.ids[p] > this.ids[far])
      )
        far = p;
    }
    if (d === this.dists[far] && j > this.ids[far]) return;
    this.ids[far] = j;
    this.dists[far] = d;
    this.worst[i] = this.maxDist(base);
  }

  private maxDist(base: number): number {
    let m = 0;
    for (let p = base; p < base + this.k; p++) if (this.dists[p] > m) m = this.dists[p];
    return m;
  }

  /** Symmetric CSR: an edge kept by either end is an edge of both. */
  toGraph(): NeighbourGraph {
    const { n, k } = this;
    const degree = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let p = i * k; p < i * k + this.counts[i]; p++) {
        degree[i]++;
        degree[this.ids[p]]++;
      }
    }
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
    const raw = new Int32Array(offsets[n]);
    const fill = offsets.slice(0, n);
    for (let i = 0; i < n; i++) {
      for (let p = i * k; p < i * k + this.counts[i]; p++) {
        const j = this.ids[p];
        raw[fill[i]++] = j;
        raw[fill[j]++] = i;
      }
    }
    // Sort and de-duplicate each row (an edge kept by both ends appears twice).
    const out = new Int32Array(raw.length);
    const outOffsets = new Int32Array(n + 1);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const row = raw.subarray(offsets[i], offsets[i + 1]).sort();
      outOffsets[i] = w;
      for (let p = 0; p < row.length; p++) if (p === 0 || row[p] !== row[p - 1]) out[w++] = row[p];
    }
    outOffsets[n] = w;
    return { offsets: outOffsets, targets: out.slice(0, w) };
  }
}

/**
 * Reorders keys[lo..hi] (and perm alongside) so that keys[nth] is the value a full sort would put
 * there, smaller-or-equal keys before it and greater-or-equal after (Hoare's selection,
 * median-of-three pivots: deterministic).
 */
function selectNth(
  keys: Float64Array,
  perm: Int32Array,
  lo: number,
  hi: number,
  nth: number,
): void {
  const swap = (i: number, j: number) => {
    const k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    const p = perm[i];
    perm[i] = perm[j];
    perm[j] = p;
  };
  while (hi > lo) {
    const midIdx = (lo + hi) >> 1;
    if (keys[midIdx] < keys[lo]) swap(midIdx, lo);
    if (keys[hi] < keys[lo]) swap(hi, lo);
    if (keys[hi] < keys[midIdx]) swap(hi, midIdx);
    const pivot = keys[midIdx];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) swap(i++, j--);
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}

function sameRow(m: Float32Array, a: number, b: number, dim: number): boolean {
  for (let k = 0; k < dim; k++) if (m[a * dim + k] !== m[b * dim + k]) return false;
  return true;
}

/** One random-projection tree; calls leaf(perm, lo, hi) for each leaf. */
function randomProjectionTree(
  m: Float32Array,
  n: number,
  dim: number,
  leafSize: number,
  rand: (n: number) => number,
  leaf: (perm: Int32Array, lo: number, hi: number) => void,
): void {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const side = new Float64Array(n);
  const normal = new Float64Array(dim);
  const stack: number[] = [0, n];
  while (stack.length) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    const size = hi - lo;
    if (size <= leafSize) {
      leaf(perm, lo, hi);
      continue;
    }
    // Split along the direction between two faces of this node (as Annoy does): it follows the
    // data, so tight groups of one person tend to fall on one side.
    const a = perm[lo + rand(size)];
    let b = perm[lo + rand(size)];
    for (let tries = 0; tries < 8 && (b === a || sameRow(m, a, b, dim)); tries++) {
      b = perm[lo + rand(size)];
    }
    for (let k = 0; k < dim; k++) normal[k] = m[a * dim + k] - m[b * dim + k];
    for (let p = lo; p < hi; p++) side[p] = dotF64F32(normal, m, perm[p], dim);
    // Split at the median projection, not the midpoint: balanced trees are log2(n / leafSize)
    // deep, and every level costs one pass over the faces.
    const mid = lo + (size >> 1);
    selectNth(side, perm, lo, hi - 1, mid);
    stack.push(lo, mid, mid, hi);
  }
}

/**
 * Graph of faces within `radius` cosine distance of each other (at most maxDegree per face, the
 * nearest). `m` holds n L2-normalised rows of `dim` values in canonical order.
 */
export function buildNeighbourGraph(
  m: Float32Array,
  n: number,
  dim: number,
  opts: NeighbourOptions,
): NeighbourGraph {
  const lists = new NearestLists(n, opts.maxDegree, opts.radius);
  const k = Math.min(opts.projectionDims, dim) & ~3; // the kernels take multiples of 4
  // Below a few hundred faces comparing everything is cheaper than finding the axes.
  const proj = k > 0 && n > 400 ? projectRows(m, n, dim, principalAxes(m, n, dim, k), k) : null;
  // Squared projected gap beyond which a pair cannot be within the radius (tiny slack for
  // float32 rounding: the bound must never reject a true neighbour).
  const maxGap = 2 * opts.radius + 1e-5;
  const measure = (i: number, j: number) => {
    const d = 1 - dotF32(m, i, j, dim);
    lists.offer(i, j, d);
    lists.offer(j, i, d);
  };
  // Every pair of a small library: the projection bound (pca.ts) rejects most at 1/8 of the cost.
  const compare = (i: number, j: number) => {
    if (proj) {
      let g = 0;
      for (let p = i * k, q = j * k, end = p + k; p < end; p++, q++) {
        const x = proj[p] - proj[q];
        g += x * x;
      }
      if (g > maxGap) return;
    }
    measure(i, j);
  };
  if (n <= opts.exactBelow) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) compare(i, j);
    return lists.toGraph();
  }
  const uniform = mulberry32(opts.seed);
  const rand = (n: number) => Math.floor(uniform() * n);
  // Trees split on the projections when there are any: the principal axes are where people
  // differ, and splitting 16 numbers is 8× cheaper than 128. Leaf-mates are then close along
  // those axes, so the projection bound would reject almost nothing there: measure directly.
  const [splitM, splitDim] = proj ? [proj, k] : [m, dim];
  for (let t = 0; t < opts.trees; t++) {
    randomProjectionTree(splitM, n, splitDim, opts.leafSize, rand, (perm, lo, hi) => {
      for (let p = lo; p < hi; p++) for (let q = p + 1; q < hi; q++) measure(perm[p], perm[q]);
    });
  }
  return lists.toGraph();
}
