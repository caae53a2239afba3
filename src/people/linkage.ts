// Constrained average-linkage agglomerative clustering over a sparse neighbour graph.
//
// [Note: why this is exact average linkage] Agglomerative clustering repeatedly merges the
// closest pair of clusters until the closest pair is farther than the threshold T. With average
// linkage and unit vectors the distance of two clusters is 1 − (ΣA·ΣB)/(|A||B|) (vectors.ts), so
// clusters carry sums, not members. Two clusters can only be within T if some pair of their faces
// is within T, i.e. if an edge of the ε-graph joins them (neighbours.ts); so only adjacent
// clusters are ever compared, and memory stays O(n + edges), never n × n.
//
// [Note: nearest neighbours and lower bounds] Each cluster remembers its nearest allowed
// neighbour; a heap orders clusters by that distance. Average linkage is "reducible": a merged
// cluster is never closer to a third cluster than the nearer of its two parts was, and the
// constraints (cluster-constraints.ts) only ever forbid more. So a remembered nearest distance
// stays a LOWER BOUND of the truth after anything else merges, and it is exact while neither end
// changed. When the heap yields a cluster whose neighbour died, grew or became forbidden, it is
// refreshed and pushed back instead of merged. The pair that merges is thus always the globally
// closest allowed pair, as in the textbook algorithm (Müllner's "generic" variant); ties break
// on the smaller index, so the result depends on the input set in canonical order only.
//
// [Note: the big-cluster problem] A person with thousands of photos grows by absorbing small
// clusters one at a time, and its neighbour list holds hundreds of clusters. Recomputing all those
// distances at every absorption (one dot product each) made a 100k-face library quadratic in its
// largest person. Instead each cluster keeps, per neighbour, the distance measured when either
// last changed: exact, or a lower bound. For s = r ∪ o average linkage gives
//   d(s, y) = (|r|·d(r, y) + |o|·d(o, y)) / |s|            (Lance–Williams)
// and every distance is ≥ 0, so a part that never measured y contributes at least 0: the big
// part's knowledge carries over as a tight lower bound at no cost. A merge computes a dot product
// only where the parts that knew y hold less than half the mass (a weak bound). Finding the
// nearest neighbour then takes the smallest entry, measures it exactly if it is only a bound, and
// repeats until the smallest entry is exact: a handful of dot products, not hundreds.

import { ClusterConstraints, type ConstraintInput } from './cluster-constraints.js';
import type { NeighbourGraph } from './neighbours.js';
import { PairHeap } from './pair-heap.js';
import { addF64, addRowF32, averageDistance, dotF32, dotF64, dotF64F32 } from './vectors.js';

export interface LinkagePoints extends ConstraintInput {
  /** n L2-normalised rows of dim values, canonical order. */
  m: Float32Array;
  n: number;
  dim: number;
  graph: NeighbourGraph;
  /** 1 = takes part in agglomeration (good quality or confirmed); others may only join later. */
  active: Uint8Array;
}

/** A cluster's neighbours and its distance to each: exact, or a lower bound. */
interface NeighbourList {
  ids: number[];
  /** Generation of the neighbour when measured; a later one means it changed since. */
  gens: number[];
  dist: number[];
  exact: number[];
}

export class ConstrainedLinkage {
  private readonly parent: Int32Array;
  private readonly count: Int32Array;
  readonly constraints: ClusterConstraints;
  /** Sums of merged clusters (a singleton's sum is its own row of m). */
  private readonly sums: (Float64Array | undefined)[];
  private readonly lists: (NeighbourList | undefined)[];
  /** Exact distance along each graph edge between active faces (aligned with graph.targets). */
  private readonly edgeDist: Float64Array;
  /** Bumps whenever a cluster's content changes. */
  private readonly gen: Int32Array;
  /** Bumps whenever a cluster's heap entry is superseded. */
  private readonly ver: Int32Array;
  private readonly nnOf: Int32Array;
  private readonly nnGen: Int32Array;
  private readonly mark: Int32Array;
  private token = 0;
  private readonly heap = new PairHeap();
  // Scratch for merges: what each part knew about a neighbour (NaN = nothing).
  private readonly knownR: Float64Array;
  private readonly knownO: Float64Array;
  private readonly exactR: Uint8Array;
  private readonly exactO: Uint8Array;
  merges = 0;
  dots = 0;

  constructor(private readonly p: LinkagePoints) {
    const { n } = p;
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.count = new Int32Array(n).fill(1);
    this.constraints = new ClusterConstraints(p, this.count);
    this.sums = new Array(n);
    this.lists = new Array(n);
    this.edgeDist = new Float64Array(p.graph.targets.length).fill(NaN);
    this.gen = new Int32Array(n);
    this.ver = new Int32Array(n);
    this.nnOf = new Int32Array(n).fill(-1);
    this.nnGen = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.knownR = new Float64Array(n);
    this.knownO = new Float64Array(n);
    this.exactR = new Uint8Array(n);
    this.exactO = new Uint8Array(n);
  }

  /** Agglomerates until the closest allowed pair is farther than threshold. */
  run(threshold: number): void {
    const { n, active, graph } = this.p;
    const { offsets, targets } = graph;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const j = targets[k];
        if (j < i || !active[j]) continue;
        const d = 1 - this.dot(i, j);
        this.edgeDist[k] = d;
        this.edgeDist[indexInRow(targets, offsets[j], offsets[j + 1], i)] = d;
      }
    }
    for (let i = 0; i < n; i++) if (active[i]) this.refresh(i, threshold);
    const top = new Float64Array(5);
    while (this.heap.size) {
      this.heap.pop(top);
      const [d, x, , v] = top;
      if (this.parent[x] !== x || v !== this.ver[x]) continue;
      if (d > threshold) break;
      const y = this.nnOf[x];
      if (
        this.parent[y] !== y ||
        this.gen[y] !== this.nnGen[x] ||
        this.constraints.conflict(x, y)
      ) {
        this.refresh(x, threshold);
        continue;
      }
      this.refresh(this.merge(x, y, threshold), threshold);
    }
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  sizeOf(root: number): number {
    return this.count[root];
  }

  labelOf(root: number): number {
    return this.constraints.label[root];
  }

  /** Average-linkage distance between face i (any, active or not) and cluster root. */
  distanceToCluster(i: number, root: number): number {
    const { m, dim } = this.p;
    const s = this.sums[root];
    return averageDistance(
      s ? dotF64F32(s, m, i, dim) : dotF32(m, i, root, dim),
      1,
      this.count[root],
    );
  }

  /** Adds a face that took no part in agglomeration to a cluster (its sum is left as is). */
  attach(i: number, root: number): void {
    this.parent[i] = root;
    this.constraints.join(i, root);
  }

  private dot(a: number, b: number): number {
    this.dots++;
    const { m, dim } = this.p;
    const sa = this.sums[a];
    const sb = this.sums[b];
    if (sa && sb) return dotF64(sa, sb, dim);
    if (sa) return dotF64F32(sa, m, b, dim);
    if (sb) return dotF64F32(sb, m, a, dim);
    return dotF32(m, a, b, dim);
  }

  private exactDistance(a: number, b: number): number {
    return averageDistance(this.dot(a, b), this.count[a], this.count[b]);
  }

  /** The neighbour list of a cluster; a single face's is built from its graph row. */
  private listOf(root: number): NeighbourList {
    let list = this.lists[root];
    if (!list) {
      list = { ids: [], gens: [], dist: [], exact: [] };
      const { offsets, targets } = this.p.graph;
      for (let k = offsets[root]; k < offsets[root + 1]; k++) {
        if (Number.isNaN(this.edgeDist[k])) continue;
        list.ids.push(targets[k]);
        list.gens.push(0);
        list.dist.push(this.edgeDist[k]);
        list.exact.push(1);
      }
      this.lists[root] = list;
    }
    return list;
  }

  /** Finds root's nearest allowed neighbour (exactly) and queues root if within threshold. */
  private refresh(root: number, threshold: number): void {
    const list = this.listOf(root);
    // Compact: current roots only, once each; re-measure neighbours that changed since.
    const token = ++this.token;
    this.mark[root] = token;
    let w = 0;
    for (let k = 0; k < list.ids.length; k++) {
      const id = list.ids[k];
      const y = this.find(id);
      if (this.mark[y] === token) continue;
      this.mark[y] = token;
      list.ids[w] = y;
      if (y !== id || this.gen[y] !== list.gens[k]) {
        list.gens[w] = this.gen[y];
        list.dist[w] = this.exactDistance(root, y);
        list.exact[w] = 1;
      } else {
        list.gens[w] = list.gens[k];
        list.dist[w] = list.dist[k];
        list.exact[w] = list.exact[k];
      }
      w++;
    }
    list.ids.length = list.gens.length = list.dist.length = list.exact.length = w;

    // Smallest entry; measure it if only a bound, drop it if forbidden, until it is exact.
    let best = -1;
    for (;;) {
      best = -1;
      for (let k = 0; k < list.ids.length; k++) {
        if (
          best < 0 ||
          list.dist[k] < list.dist[best] ||
          (list.dist[k] === list.dist[best] && list.ids[k] < list.ids[best])
        )
          best = k;
      }
      if (best < 0 || list.dist[best] > threshold) break;
      const y = list.ids[best];
      if (this.constraints.conflict(root, y)) {
        removeAt(list, best);
        continue;
      }
      if (!list.exact[best]) {
        list.dist[best] = this.exactDistance(root, y);
        list.exact[best] = 1;
        continue;
      }
      break;
    }
    this.ver[root]++;
    if (best >= 0 && list.dist[best] <= threshold) {
      const y = list.ids[best];
      this.nnOf[root] = y;
      this.nnGen[root] = this.gen[y];
      this.heap.push(list.dist[best], root, 0, this.ver[root], 0);
    } else {
      this.nnOf[root] = -1;
    }
  }

  /** Notes what cluster `root` measured about each current neighbour (by root) in known/exact. */
  private gather(
    root: number,
    other: number,
    token: number,
    around: number[],
    known: Float64Array,
    exact: Uint8Array,
  ): void {
    const list = this.listOf(root);
    for (let k = 0; k < list.ids.length; k++) {
      const id = list.ids[k];
      const y = this.find(id);
      if (y === root || y === other) continue;
      if (this.mark[y] !== token) {
        this.mark[y] = token;
        around.push(y);
        this.knownR[y] = NaN;
        this.knownO[y] = NaN;
        this.exactR[y] = 0;
        this.exactO[y] = 0;
      }
      // Only a measurement of y as it is now counts; a neighbour that merged since is unknown.
      if (y === id && this.gen[y] === list.gens[k]) {
        known[y] = list.dist[k];
        exact[y] = list.exact[k];
      }
    }
  }

  /** Merges clusters a and b; returns the surviving root. */
  private merge(a: number, b: number, threshold: number): number {
    this.merges++;
    const { m, dim } = this.p;
    const [r, o] =
      this.count[a] > this.count[b] || (this.count[a] === this.count[b] && a < b) ? [a, b] : [b, a];
    const token = ++this.token;
    const around: number[] = [];
    this.gather(r, o, token, around, this.knownR, this.exactR);
    this.gather(o, r, token, around, this.knownO, this.exactO);

    this.constraints.merge(r, o);
    this.parent[o] = r;
    let sum = this.sums[r];
    if (!sum) {
      sum = new Float64Array(dim);
      addRowF32(sum, m, r, dim);
      this.sums[r] = sum;
    }
    const other = this.sums[o];
    if (other) addF64(sum, other, dim);
    else addRowF32(sum, m, o, dim);
    this.sums[o] = undefined;
    const [cr, co] = [this.count[r], this.count[o]];
    const cs = cr + co;
    this.count[r] = cs;
    this.gen[r]++;
    this.lists[o] = undefined;

    // Combine what the parts knew (see the note on the big-cluster problem).
    const list: NeighbourList = { ids: [], gens: [], dist: [], exact: [] };
    for (const y of around) {
      const [vr, vo] = [this.knownR[y], this.knownO[y]];
      const knownMass = (Number.isNaN(vr) ? 0 : cr) + (Number.isNaN(vo) ? 0 : co);
      let d = ((Number.isNaN(vr) ? 0 : cr * vr) + (Number.isNaN(vo) ? 0 : co * vo)) / cs;
      let exact = knownMass === cs && this.exactR[y] === 1 && this.exactO[y] === 1;
      if (!exact && d <= threshold && 2 * knownMass < cs) {
        d = this.exactDistance(r, y);
        exact = true;
      }
      list.ids.push(y);
      list.gens.push(this.gen[y]);
      list.dist.push(d);
      list.exact.push(exact ? 1 : 0);
    }
    this.lists[r] = list;
    return r;
  }
}

function removeAt(list: NeighbourList, k: number): void {
  const last = list.ids.length - 1;
  list.ids[k] = list.ids[last];
  list.gens[k] = list.gens[last];
  list.dist[k] = list.dist[last];
  list.exact[k] = list.exact[last];
  list.ids.length = list.gens.length = list.dist.length = list.exact.length = last;
}

/** Position of value v in the sorted slice targets[lo, hi) (it must be there). */
function indexInRow(targets: Int32Array, lo: number, hi: number, v: number): number {
  hi--;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid] < v) lo = mid + 1;
    else if (targets[mid] > v) hi = mid - 1;
    else return mid;
  }
  throw new Error(`graph is not symmetric: ${v} missing`);
}
