import { describe, expect, it } from 'vitest';
import { PeopleIndex } from '../../src/people/incremental.js';
import { likenessOf, rankSimilar } from '../../src/people/similar.js';
import { PERSON_THRESHOLD, SUGGESTION_THRESHOLD } from '../../src/people/threshold.js';

/** A unit vector at `cos` to the first axis (so the distance between them is 1 - cos). */
function at(cos: number, axis = 1): Float32Array {
  const v = new Float32Array(128);
  v[0] = cos;
  v[axis] = Math.sqrt(1 - cos * cos);
  return v;
}

describe('merge candidates by likeness', () => {
  it('reads a distance against the one threshold', () => {
    expect(likenessOf(PERSON_THRESHOLD)).toBe('likely');
    expect(likenessOf(PERSON_THRESHOLD + 0.001)).toBe('maybe');
    expect(likenessOf(SUGGESTION_THRESHOLD + 0.001)).toBe('unlikely');
    expect(likenessOf(null)).toBe('unlikely');
    // Mostly said not to be this person: whatever the faces look like.
    expect(likenessOf(0.01, 0.6)).toBe('unlikely');
  });

  it('lists every other person, likeliest first, then nearest, faceless last', () => {
    const index = new PeopleIndex();
    index.add(1, at(1));
    index.add(1, at(1));
    index.add(2, at(0.97, 2)); // distance 0.03: likely
    index.add(3, at(0.91, 3)); // 0.09: maybe
    index.add(4, at(0.2, 4)); // far
    index.add(5, at(0.99, 5)); // near, but its faces were rejected for 1
    index.add(6, at(0.95, 6)); // 0.05: likely
    const ranked = rankSimilar(index, 1, [
      { personId: 1, rejectedShare: 0 },
      { personId: 2, rejectedShare: 0 },
      { personId: 3, rejectedShare: 0 },
      { personId: 4, rejectedShare: 0 },
      { personId: 5, rejectedShare: 1 },
      { personId: 6, rejectedShare: 0 },
      { personId: 7, rejectedShare: 0 }, // named, no faces
    ]);
    expect(ranked.map((r) => [r.personId, r.likeness])).toEqual([
      [2, 'likely'],
      [6, 'likely'],
      [3, 'maybe'],
      [5, 'unlikely'],
      [4, 'unlikely'],
      [7, 'unlikely'],
    ]);
    expect(ranked[0].distance).toBeCloseTo(0.03, 4);
    expect(ranked.at(-1)!.distance).toBeNull();
  });
});
