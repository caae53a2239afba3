// The fast engine (neighbour graph + constrained average linkage) against a naive O(n³)
// average-linkage clustering, on synthetic faces with the real distance spread.

import { describe, expect, it } from 'vitest';
import { syntheticFaces } from '../../bench/people-synthetic.js';
import { ConstrainedLinkage } from '../../src/people/linkage.js';
import { buildNeighbourGraph, DEFAULT_NEIGHBOURS } from '../../src/people/neighbours.js';
import { packRows } from '../../src/people/vectors.js';
import { naiveAverageLinkage } from './reference.js';

const T = 0.07;

function fastClusters(
  vectors: Float32Array[],
  photo: number[],
  label: number[],
  graphOpts = {},
): number[][] {
  const n = vectors.length;
  const m = packRows(vectors, 128);
  const graph = buildNeighbourGraph(m, n, 128, {
    ...DEFAULT_NEIGHBOURS,
    maxDegree: n,
    ...graphOpts,
    radius: T,
  });
  const link = new ConstrainedLinkage({
    m,
    n,
    dim: 128,
    graph,
    active: new Uint8Array(n).fill(1),
    photo: Int32Array.from(photo),
    label: Int32Array.from(label),
    rejected: new Map(),
  });
  link.run(T);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = link.find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  }
  return [...groups.values()].sort((p, q) => p[0] - q[0]);
}

describe('constrained average linkage equals the naive algorithm', () => {
  for (const seed of [1, 2, 3]) {
    it(`unconstrained, seed ${seed}`, () => {
      const { faces } = syntheticFaces({ identities: 12, faces: 90, seed, lowQualityShare: 0 });
      const v = faces.map((f) => f.embedding as Float32Array);
      const ref = naiveAverageLinkage(
        v.map((x) => ({ v: x, photo: -1, label: -1 })),
        T,
      );
      expect(
        fastClusters(
          v,
          v.map(() => -1),
          v.map(() => -1),
        ),
      ).toEqual(ref);
    });
  }

  it('with photos (cannot-link) and labels (confirmed faces)', () => {
    const { faces, identity } = syntheticFaces({
      identities: 10,
      faces: 80,
      seed: 7,
      lowQualityShare: 0,
    });
    const v = faces.map((f) => f.embedding as Float32Array);
    // Photos holding two faces of the SAME identity (twins, a mirror), so the constraint bites;
    // some faces confirmed for people 100 and 101.
    const photo = v.map(() => -1);
    const open = new Map<number, number>();
    identity.forEach((who, i) => {
      if (i % 3 === 0) return;
      if (open.has(who)) {
        photo[i] = photo[open.get(who)!];
        open.delete(who);
      } else {
        photo[i] = i;
        open.set(who, i);
      }
    });
    const label = v.map((_, i) => (i % 9 === 0 ? 100 : i % 13 === 0 ? 101 : -1));
    const ref = naiveAverageLinkage(
      v.map((x, i) => ({ v: x, photo: photo[i], label: label[i] })),
      T,
    );
    expect(fastClusters(v, photo, label)).toEqual(ref);
  });

  it('the forest graph gives the same clusters as the exact graph on a mid-size set', () => {
    const { faces } = syntheticFaces({ identities: 60, faces: 3000, seed: 4, lowQualityShare: 0 });
    const v = faces.map((f) => f.embedding as Float32Array);
    const none = v.map(() => -1);
    const exact = fastClusters(v, none, none, { exactBelow: Infinity, maxDegree: 20 });
    const forest = fastClusters(v, none, none, { exactBelow: 0, maxDegree: 20 });
    const key = (cs: number[][]) => new Map(cs.flatMap((c) => c.map((i) => [i, c[0]] as const)));
    const [a, b] = [key(exact), key(forest)];
    let same = 0;
    for (let i = 0; i < v.length; i++) if (a.get(i) === b.get(i)) same++;
    expect(same / v.length).toBeGreaterThan(0.995);
  });
});
