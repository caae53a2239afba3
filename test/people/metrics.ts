// Clustering scores against identity labels. Unassigned faces count as clusters of their own
// (a face left alone is never a false merge, but it is a missed one).

export interface Scores {
  /** Of the pairs put together, the share that are the same person. */
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** predicted[i] = cluster key of item i (null = alone); truth[i] = its identity. */
export function scoreClustering(
  predicted: readonly (string | number | null)[],
  truth: readonly string[],
): Scores {
  const n = truth.length;
  const key = predicted.map((p, i) => (p === null ? `alone:${i}` : `c:${p}`));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = truth[i] === truth[j];
      const together = key[i] === key[j];
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    let inCluster = 0;
    let inTruth = 0;
    let both = 0;
    for (let j = 0; j < n; j++) {
      const c = key[j] === key[i];
      const t = truth[j] === truth[i];
      if (c) inCluster++;
      if (t) inTruth++;
      if (c && t) both++;
    }
    bp += both / inCluster;
    br += both / inTruth;
  }
  const pairwisePrecision = tp + fp ? tp / (tp + fp) : 1;
  const pairwiseRecall = tp + fn ? tp / (tp + fn) : 1;
  return {
    pairwisePrecision,
    pairwiseRecall,
    pairwiseF1: f1(pairwisePrecision, pairwiseRecall),
    bcubedPrecision: bp / n,
    bcubedRecall: br / n,
    bcubedF1: f1(bp / n, br / n),
  };
}
