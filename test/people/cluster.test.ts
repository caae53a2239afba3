// The full pass on synthetic faces: order independence, the same-photo rule, quality gating,
// user constraints and stable person ids.

import { describe, expect, it } from 'vitest';
import { syntheticFaces } from '../../bench/people-synthetic.js';
import { mulberry32 as uniform } from '../../src/shared/random.js';
import { clusterFaces } from '../../src/people/cluster.js';
import { inheritPersonIds } from '../../src/people/identity.js';
import {
  NO_CONSTRAINTS,
  type ClusterResult,
  type FaceInput,
  type UserConstraints,
} from '../../src/people/types.js';

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const u = uniform(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const personOf = (r: ClusterResult) =>
  new Map(r.people.flatMap((p, k) => p.faceIds.map((f) => [f, k] as const)));

const unit = (xs: number[]) => {
  const v = Float32Array.from({ length: 128 }, (_, k) => xs[k] ?? 0);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('clusterFaces', () => {
  const { faces } = syntheticFaces({ identities: 40, faces: 1500, seed: 11 });

  it('gives the same people whatever order the faces arrive in', () => {
    const constraints: UserConstraints = {
      confirmed: new Map([
        [faces[3].id, 900],
        [faces[10].id, 901],
      ]),
      rejected: new Map([[faces[20].id, new Set([900])]]),
    };
    const reference = clusterFaces({ faces, constraints });
    expect(reference.people.length).toBeGreaterThan(30);
    for (const seed of [1, 2, 3]) {
      const again = clusterFaces({ faces: shuffled(faces, seed), constraints });
      expect(again.people).toEqual(reference.people);
      expect(again.unassigned).toEqual(reference.unassigned);
    }
  });

  it('also on the forest path (large libraries)', () => {
    const big = syntheticFaces({ identities: 80, faces: 4000, seed: 5 }).faces;
    const opts = { neighbours: { exactBelow: 0 } };
    const reference = clusterFaces({ faces: big, constraints: NO_CONSTRAINTS, ...opts });
    const again = clusterFaces({ faces: shuffled(big, 9), constraints: NO_CONSTRAINTS, ...opts });
    expect(again.people).toEqual(reference.people);
  });

  it('never puts two faces of one photo in one person', () => {
    // Twins: every photo holds two faces of the same identity.
    const twins: FaceInput[] = faces
      .slice(0, 600)
      .map((f, i) => ({ ...f, photoId: `twin-${Math.floor(i / 2)}` }));
    const copies = twins.map((f, i) => (i % 2 ? { ...f, embedding: twins[i - 1].embedding } : f));
    const result = clusterFaces({ faces: copies, constraints: NO_CONSTRAINTS });
    const byId = new Map(copies.map((f) => [f.id, f]));
    for (const p of result.people) {
      const photos = p.faceIds.map((id) => byId.get(id)!.photoId);
      expect(new Set(photos).size).toBe(photos.length);
    }
  });

  it('lets the user put two faces of one photo in one person', () => {
    const a = unit([1, 0.1]);
    const fs: FaceInput[] = [
      { id: 'a', photoId: 'p', embedding: a, quality: 1 },
      { id: 'b', photoId: 'p', embedding: a, quality: 1 },
    ];
    const confirmed = new Map([
      ['a', 5],
      ['b', 5],
    ]);
    const result = clusterFaces({ faces: fs, constraints: { confirmed, rejected: new Map() } });
    expect(result.people).toEqual([{ personId: 5, faceIds: ['a', 'b'] }]);
  });

  it('low-quality faces never seed a person but may join one', () => {
    const a = unit([1, 0.1]);
    const b = unit([0.1, 1]);
    const fs: FaceInput[] = [
      { id: 'good1', photoId: 'p1', embedding: a, quality: 0.9 },
      { id: 'good2', photoId: 'p2', embedding: a, quality: 0.9 },
      { id: 'blurry-joins', photoId: 'p3', embedding: a, quality: 0.05 },
      { id: 'blurry-x', photoId: 'p4', embedding: b, quality: 0.05 },
      { id: 'blurry-y', photoId: 'p5', embedding: b, quality: 0.05 },
    ];
    const result = clusterFaces({ faces: fs, constraints: NO_CONSTRAINTS });
    expect(result.people.map((p) => p.faceIds)).toEqual([['blurry-joins', 'good1', 'good2']]);
    expect(result.unassigned).toEqual(['blurry-x', 'blurry-y']);
  });

  it('keeps confirmed faces, never merges two confirmed people, honours rejections', () => {
    const a = unit([1, 0.1]);
    const fs: FaceInput[] = ['f1', 'f2', 'f3', 'f4', 'f5'].map((id, i) => ({
      id,
      photoId: `p${i}`,
      embedding: a,
      quality: 1,
    }));
    const constraints: UserConstraints = {
      confirmed: new Map([
        ['f1', 10],
        ['f2', 11], // the user says f2 is someone else, though it looks identical
      ]),
      rejected: new Map([['f3', new Set([10])]]),
    };
    const result = clusterFaces({ faces: fs, constraints });
    const of = personOf(result);
    const id = (f: string) => result.people[of.get(f)!].personId;
    expect(id('f1')).toBe(10);
    expect(id('f2')).toBe(11);
    expect(id('f3')).not.toBe(10);
    expect(of.get('f1')).not.toBe(of.get('f2'));
  });

  it('keeps person ids across a re-cluster with more faces', () => {
    const first = clusterFaces({ faces: faces.slice(0, 1000), constraints: NO_CONSTRAINTS });
    let next = 1;
    const previous = new Map<string, number>();
    for (const p of first.people) {
      const id = next++;
      for (const f of p.faceIds) previous.set(f, id);
    }
    const second = clusterFaces({ faces, constraints: NO_CONSTRAINTS, previous });
    // Every old person is still there under its id, holding (at least) most of its faces.
    const kept = second.people.filter((p) => p.personId !== null);
    expect(kept.length).toBe(first.people.length);
    for (const p of kept) {
      const old = [...previous].filter(([, id]) => id === p.personId).map(([f]) => f);
      const stay = old.filter((f) => p.faceIds.includes(f)).length;
      expect(stay / old.length).toBeGreaterThan(0.9);
    }
  });
});

describe('inheritPersonIds', () => {
  it('gives each old id to the cluster sharing most faces, labels first', () => {
    const previous = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['d', 2],
      ['e', 3],
    ]);
    const ids = inheritPersonIds(
      [
        { label: -1, faceIds: ['a', 'd'] },
        { label: -1, faceIds: ['b', 'c'] },
        { label: 3, faceIds: ['e'] },
        { label: -1, faceIds: ['z'] },
      ],
      previous,
      new Set([3]),
    );
    expect(ids).toEqual([2, 1, 3, null]);
  });
});
