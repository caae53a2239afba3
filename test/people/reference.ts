// A deliberately naive average-linkage clustering (every pair, every step, explicit means of
// pairwise distances) to check the fast engine against. O(n³): small inputs only.

export interface RefPoint {
  v: Float32Array;
  photo: number;
  label: number;
}

const dist = (a: Float32Array, b: Float32Array) => {
  let d = 0;
  for (let k = 0; k < a.length; k++) d += a[k] * b[k];
  return 1 - d;
};

/** Returns the clusters (lists of point indices) after merging up to `threshold`. */
export function naiveAverageLinkage(points: RefPoint[], threshold: number): number[][] {
  let clusters = points.map((_, i) => [i]);
  const labelOf = (c: number[]) => c.map((i) => points[i].label).find((l) => l >= 0) ?? -1;
  const photos = (c: number[]) => new Set(c.map((i) => points[i].photo).filter((p) => p >= 0));
  // The engine's rules, spelled out: different labels never merge; a labelled side is checked as
  // its whole person (every cluster carrying the label), an unlabelled side as itself.
  const allowed = (a: number[], b: number[]) => {
    const [la, lb] = [labelOf(a), labelOf(b)];
    if (la >= 0 && lb >= 0) return la === lb;
    const side = (c: number[], l: number) =>
      l >= 0 ? clusters.filter((x) => labelOf(x) === l).flat() : c;
    const pa = photos(side(a, la));
    for (const p of photos(side(b, lb))) if (pa.has(p)) return false;
    return true;
  };
  for (;;) {
    let best: [number, number] | null = null;
    let bestD = Infinity;
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        if (!allowed(clusters[x], clusters[y])) continue;
        let s = 0;
        for (const i of clusters[x])
          for (const j of clusters[y]) s += dist(points[i].v, points[j].v);
        const d = s / (clusters[x].length * clusters[y].length);
        if (d < bestD) {
          bestD = d;
          best = [x, y];
        }
      }
    }
    if (!best || bestD > threshold) break;
    const [x, y] = best;
    const merged = [...clusters[x], ...clusters[y]].sort((p, q) => p - q);
    clusters = clusters.filter((_, k) => k !== x && k !== y);
    clusters.push(merged);
  }
  return clusters.map((c) => c.sort((p, q) => p - q)).sort((p, q) => p[0] - q[0]);
}
