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
  /** Size of the neighbour when measured. */
  sizes: number[];
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
  /** Scratch: where a neighbour sits in the list being compacted. */
  private readonly slot: Int32Array;
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
    this.slot = new Int32Array(n);
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
      list = { ids: [], gens: [], sizes: [], dist: [], exact: [] };
      const { offsets, targets } = this.p.graph;
      for (let k = offsets[root]; k < offsets[root + 1]; k++) {
        if (Number.isNaN(this.edgeDist[k])) continue;
        list.ids.push(targets[k]);
        list.gens.push(0);
        list.sizes.push(1);
        list.dist.push(this.edgeDist[k]);
        list.exact.push(1);
      }
      this.lists[root] = list;
    }
    return list;
  }

  /** Finds root's nearest allowed neighbour (exactly) and queues root if within threshold. */
  private refresh(root: number, threshold: number): void {
    if (!this.lists[root] && this.refreshSingle(root, threshold)) return;
    const list = this.listOf(root);
    // Compact to current roots, once each. A neighbour that grew since it was measured keeps a
    // lower bound: it still contains what was measured, and the rest adds distances ≥ 0.
    const token = ++this.token;
    this.mark[root] = token;
    let w = 0;
    for (let k = 0; k < list.ids.length; k++) {
      const id = list.ids[k];
      const y = this.find(id);
      const fresh = y === id && this.gen[y] === list.gens[k];
      const d = fresh ? list.dist[k] : (list.dist[k] * list.sizes[k]) / this.count[y];
      const exact = fresh ? list.exact[k] : 0;
      if (this.mark[y] === token) {
        // Seen already under another old id: keep the better knowledge.
        const at = this.slot[y];
        if (!list.exact[at] && (exact || d > list.dist[at])) {
          list.dist[at] = d;
          list.exact[at] = exact;
        }
        continue;
      }
      this.mark[y] = token;
      this.slot[y] = w;
      list.ids[w] = y;
      list.gens[w] = this.gen[y];
      list.sizes[w] = this.count[y];
      list.dist[w] = d;
      list.exact[w] = exact;
      w++;
    }
    truncate(list, w);

    // The nearest allowed neighbour: the best exact entry, then every bound that could beat it
    // is measured (in one pass: bounds above the running best cannot win). Forbidden neighbours
    // are dropped for good.
    let best = -1;
    let dropped = false;
    const beats = (k: number) =>
      best < 0 ||
      list.dist[k] < list.dist[best] ||
      (list.dist[k] === list.dist[best] && list.ids[k] < list.ids[best]);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < w; k++) {
        if (list.dist[k] > threshold || list.exact[k] !== (pass === 0 ? 1 : 0) || !beats(k))
          continue;
        if (this.constraints.conflict(root, list.ids[k])) {
          list.dist[k] = Infinity;
          dropped = true;
          continue;
        }
        if (pass === 1) {
          list.dist[k] = this.exactDistance(root, list.ids[k]);
          list.exact[k] = 1;
          if (list.dist[k] > threshold || !beats(k)) continue;
        }
        best = k;
      }
    }
    this.ver[root]++;
    if (best >= 0) {
      const y = list.ids[best];
      this.nnOf[root] = y;
      this.nnGen[root] = this.gen[y];
      this.heap.push(list.dist[best], root, 0, this.ver[root], 0);
    } else {
      this.nnOf[root] = -1;
    }
    if (dropped) {
      let keep = 0;
      for (let k = 0; k < w; k++) {
        if (list.dist[k] === Infinity) continue;
        list.ids[keep] = list.ids[k];
        list.gens[keep] = list.gens[k];
        list.sizes[keep] = list.sizes[k];
        list.dist[keep] = list.dist[k];
        list.exact[keep] = list.exact[k];
        keep++;
      }
      truncate(list, keep);
    }
  }

  /**
   * refresh() for a single face whose neighbours are all unchanged (most faces, at the start):
   * straight from its graph row, no list built. Returns false when a neighbour changed.
   */
  private refreshSingle(root: number, threshold: number): boolean {
    const { offsets, targets } = this.p.graph;
    let best = -1;
    let bestD = Infinity;
    for (let k = offsets[root]; k < offsets[root + 1]; k++) {
      const d = this.edgeDist[k];
      if (Number.isNaN(d)) continue;
      const y = targets[k];
      if (this.parent[y] !== y || this.gen[y] !== 0) return false;
      if (d > threshold || d > bestD || (d === bestD && y > best)) continue;
      if (this.constraints.conflict(root, y)) continue;
      best = y;
      bestD = d;
    }
    this.ver[root]++;
    this.nnOf[root] = best;
    if (best >= 0) {
      this.nnGen[root] = 0;
      this.heap.push(bestD, root, 0, this.ver[root], 0);
    }
    return true;
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
    const note = (id: number, genAt: number, size: number, dist: number, isExact: number) => {
      const y = this.find(id);
      if (y === root || y === other) return;
      if (this.mark[y] !== token) {
        this.mark[y] = token;
        around.push(y);
        this.knownR[y] = NaN;
        this.knownO[y] = NaN;
        this.exactR[y] = 0;
        this.exactO[y] = 0;
      }
      // A measurement of y as it is now is used as is; one of a part of y is a lower bound.
      if (y === id && this.gen[y] === genAt) {
        if (!exact[y] || isExact) {
          known[y] = dist;
          exact[y] = isExact;
        }
      } else if (!exact[y]) {
        const bound = (dist * size) / this.count[y];
        if (Number.isNaN(known[y]) || bound > known[y]) known[y] = bound;
      }
    };
    const list = this.lists[root];
    if (list) {
      for (let k = 0; k < list.ids.length; k++) {
        note(list.ids[k], list.gens[k], list.sizes[k], list.dist[k], list.exact[k]);
      }
      return;
    }
    // A single face: its graph row, all measured exactly at the start (generation 0).
    const { offsets, targets } = this.p.graph;
    for (let k = offsets[root]; k < offsets[root + 1]; k++) {
      if (!Number.isNaN(this.edgeDist[k])) note(targets[k], 0, 1, this.edgeDist[k], 1);
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
    const list: NeighbourList = { ids: [], gens: [], sizes: [], dist: [], exact: [] };
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
      list.sizes.push(this.count[y]);
      list.dist.push(d);
      list.exact.push(exact ? 1 : 0);
    }
    this.lists[r] = list;
    return r;
  }
}

function truncate(list: NeighbourList, length: number): void {
  list.ids.length =
    list.gens.length =
    list.sizes.length =
    list.dist.length =
    list.exact.length =
      length;
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
