// New faces joining people through per-person summaries, and suggestions.

import { describe, expect, it } from 'vitest';
import { syntheticFaces } from '../../bench/people-synthetic.js';
import { clusterFaces } from '../../src/people/cluster.js';
import { PeopleIndex, type AssignContext } from '../../src/people/incremental.js';
import { rankSuggestions } from '../../src/people/suggestions.js';
import { PERSON_THRESHOLD } from '../../src/people/threshold.js';
import { NO_CONSTRAINTS } from '../../src/people/types.js';

const none: AssignContext = { peopleInPhoto: () => undefined, rejected: () => undefined };

function indexOf(
  result: ReturnType<typeof clusterFaces>,
  embeddings: Map<string, ArrayLike<number>>,
) {
  const index = new PeopleIndex();
  const personOf = new Map<string, number>();
  result.people.forEach((p, k) => {
    for (const f of p.faceIds) {
      index.add(k + 1, embeddings.get(f)!);
      personOf.set(f, k + 1);
    }
  });
  return { index, personOf };
}

describe('incremental assignment', () => {
  const { faces } = syntheticFaces({ identities: 40, faces: 2000, seed: 3 });
  const embeddings = new Map(faces.map((f) => [f.id, f.embedding]));
  const old = faces.slice(0, 1800);
  const fresh = faces.slice(1800);

  it('agrees with a full re-cluster for ≥ 97 % of new faces', () => {
    const { index } = indexOf(
      clusterFaces({ faces: old, constraints: NO_CONSTRAINTS }),
      embeddings,
    );
    const incremental = index.assign(fresh, none, PERSON_THRESHOLD);
    const full = clusterFaces({ faces, constraints: NO_CONSTRAINTS });
    const fullOf = new Map(full.people.flatMap((p, k) => p.faceIds.map((f) => [f, k] as const)));
    // Map each incremental person to the full-pass person holding most of its old faces.
    const oldFull = new Map<number, number>();
    const { personOf } = indexOf(
      clusterFaces({ faces: old, constraints: NO_CONSTRAINTS }),
      embeddings,
    );
    for (const [f, p] of personOf)
      if (!oldFull.has(p) && fullOf.has(f)) oldFull.set(p, fullOf.get(f)!);
    let agree = 0;
    for (const f of fresh) {
      const m = incremental.get(f.id);
      const inFull = fullOf.get(f.id);
      if ((m === undefined && inFull === undefined) || (m && oldFull.get(m.personId) === inFull))
        agree++;
    }
    expect(agree / fresh.length).toBeGreaterThanOrEqual(0.97);
  });

  it('decides a batch independently of its order, one face per person per photo', () => {
    const { index } = indexOf(
      clusterFaces({ faces: old, constraints: NO_CONSTRAINTS }),
      embeddings,
    );
    const { index: again } = indexOf(
      clusterFaces({ faces: old, constraints: NO_CONSTRAINTS }),
      embeddings,
    );
    // All new faces in two photos: each person may take at most one face per photo.
    const batch = fresh.map((f, i) => ({ ...f, photoId: `p${i % 2}` }));
    const a = index.assign(batch, none, PERSON_THRESHOLD);
    const b = again.assign([...batch].reverse(), none, PERSON_THRESHOLD);
    expect([...a].sort()).toEqual([...b].sort());
    for (const photo of ['p0', 'p1']) {
      const people = batch
        .filter((f) => f.photoId === photo && a.has(f.id))
        .map((f) => a.get(f.id)!.personId);
      expect(new Set(people).size).toBe(people.length);
    }
  });

  it('respects rejections and people already in the photo', () => {
    const index = new PeopleIndex();
    index.add(1, faces[0].embedding);
    const twin = { id: 'new', photoId: 'x', embedding: faces[0].embedding };
    expect(index.assign([twin], none, PERSON_THRESHOLD).get('new')?.personId).toBe(1);
    const rejecting: AssignContext = {
      peopleInPhoto: () => undefined,
      rejected: () => new Set([1]),
    };
    expect(index.assign([{ ...twin, id: 'n2' }], rejecting, PERSON_THRESHOLD).size).toBe(0);
    const occupied: AssignContext = {
      peopleInPhoto: () => new Set([1]),
      rejected: () => undefined,
    };
    expect(index.assign([{ ...twin, id: 'n3' }], occupied, PERSON_THRESHOLD).size).toBe(0);
  });
});

describe('suggestions', () => {
  it('ranks unnamed people and lone faces near the person, skipping mostly rejected groups', () => {
    const { faces, identity } = syntheticFaces({ identities: 3, faces: 60, seed: 2, skew: 0 });
    const index = new PeopleIndex();
    const ofIdentity = (k: number) => faces.filter((_, i) => identity[i] === k);
    // Identity 0 split in two "people" (1 named, 2 unnamed); identity 1 is person 3.
    ofIdentity(0).forEach((f, i) => index.add(i % 2 ? 2 : 1, f.embedding));
    ofIdentity(1).forEach((f) => index.add(3, f.embedding));
    const lone = ofIdentity(2)
      .slice(0, 1)
      .concat(ofIdentity(0).slice(0, 1))
      .map((f) => ({ ...f, id: `lone-${f.id}` }));
    const ranked = rankSuggestions({
      index,
      target: 1,
      people: [
        { personId: 2, rejectedShare: 0 },
        { personId: 3, rejectedShare: 0 },
      ],
      faces: lone,
    });
    // The other half of identity 0 and its lone face; never identity 1 or 2.
    expect(ranked.map((s) => (s.kind === 'person' ? s.personId : s.faceId)).sort()).toEqual(
      [2, lone[1].id].sort(),
    );
    expect(ranked.every((s, i) => i === 0 || s.distance >= ranked[i - 1].distance)).toBe(true);
    const after = rankSuggestions({
      index,
      target: 1,
      people: [{ personId: 2, rejectedShare: 1 }],
      faces: [],
    });
    expect(after).toEqual([]);
  });
});
