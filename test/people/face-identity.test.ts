// Which face a new detection is: pure matching on small hand-made boxes.

import { describe, expect, it } from 'vitest';
import { faceId, matchDetectedFaces, type PreviousFace } from '../../src/people/identity.js';

const old = (id: string, box: [number, number, number, number], personId: number | null) =>
  ({ id, box, personId, createdAt: '2024-01-01' }) satisfies PreviousFace;

describe('matchDetectedFaces', () => {
  it('a face overlapping an old one keeps its id, person and creation time', () => {
    const previous = [old('a', [0, 0, 100, 100], 7), old('b', [200, 0, 100, 100], null)];
    const matched = matchDetectedFaces(
      'p1',
      [{ box: [205, 5, 100, 100] }, { box: [4, 2, 98, 100] }],
      previous,
      'now',
    );
    expect(matched.map((m) => [m.id, m.personId, m.createdAt])).toEqual([
      ['b', null, '2024-01-01'],
      ['a', 7, '2024-01-01'],
    ]);
  });

  it('too little overlap (IoU < 0.5) is a new face with an id from photo and box', () => {
    const [m] = matchDetectedFaces(
      'p1',
      [{ box: [60, 0, 100, 100] }],
      [old('a', [0, 0, 100, 100], 7)],
      'now',
    );
    expect(m).toMatchObject({
      id: faceId('p1', [60, 0, 100, 100]),
      personId: null,
      createdAt: 'now',
    });
  });

  it('an old face is inherited once; faces with the same rounded box get distinct ids', () => {
    const matched = matchDetectedFaces(
      'p1',
      [0, 0.2, 0.1, 0.3].map((x) => ({
        box: [x, 0, 100, 100] as [number, number, number, number],
      })),
      [old('a', [0, 0, 100, 100], 3)],
      'now',
    );
    expect(matched[0].id).toBe('a');
    expect(new Set(matched.map((m) => m.id)).size).toBe(4);
    expect(matched[1].id).toBe(faceId('p1', [0.2, 0, 100, 100]));
    expect(matched[2].id).toBe(faceId('p1', [1.1, 0, 100, 100]));
    expect(matched[3].id).toBe(faceId('p1', [2.3, 0, 100, 100]));
  });
});
