// Clustering quality on the real corpus at the shipped threshold (issue 5 targets): the most
// confident face of each single-subject photo in corpus/faces, near-duplicates left out.

import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFaces } from '../../src/people/cluster.js';
import { PERSON_THRESHOLD } from '../../src/people/threshold.js';
import { NO_CONSTRAINTS, type FaceInput } from '../../src/people/types.js';
import { hasCorpus } from '../helpers/corpus.js';
import { mulberry32 as uniform } from '../../src/shared/random.js';
import { allFaces, corpusFaces, primaryFaces, type CorpusPhoto } from './corpus-faces.js';
import { scoreClustering } from './metrics.js';

function clusterAndScore(items: { face: FaceInput; identity: string }[]) {
  const result = clusterFaces({ faces: items.map((x) => x.face), constraints: NO_CONSTRAINTS });
  const personOf = new Map<string, number>();
  result.people.forEach((p, k) => p.faceIds.forEach((f) => personOf.set(f, k)));
  const scores = scoreClustering(
    items.map((x) => personOf.get(x.face.id) ?? null),
    items.map((x) => x.identity),
  );
  return { result, scores, personOf };
}

const fmt = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${k} ${v.toFixed(3)}`)
    .join(', ');

describe.skipIf(!hasCorpus)(`people quality on corpus/faces @ ${PERSON_THRESHOLD}`, () => {
  let photos: CorpusPhoto[];
  beforeAll(async () => {
    photos = await corpusFaces();
  });

  it('photos without the face-api crops: pairwise precision ≥ 0.99, BCubed F1 ≥ 0.97', () => {
    const items = primaryFaces(photos, { includeCrops: false });
    const { scores, result } = clusterAndScore(items);
    console.log(
      `without crops (${items.length} faces, ${new Set(items.map((x) => x.identity)).size} people): ${fmt({ ...scores })}; ${result.people.length} people, ${result.unassigned.length} alone`,
    );
    expect(items.length).toBe(87);
    expect(scores.pairwisePrecision).toBeGreaterThanOrEqual(0.99);
    expect(scores.bcubedF1).toBeGreaterThanOrEqual(0.97);
  });

  it('with the 40 small grey crops: pairwise precision ≥ 0.95, BCubed F1 ≥ 0.85', () => {
    const items = primaryFaces(photos, { includeCrops: true });
    const { scores, result } = clusterAndScore(items);
    console.log(
      `with crops (${items.length} faces): ${fmt({ ...scores })}; ${result.people.length} people, ${result.unassigned.length} alone`,
    );
    expect(items.length).toBe(127);
    expect(scores.pairwisePrecision).toBeGreaterThanOrEqual(0.95);
    expect(scores.bcubedF1).toBeGreaterThanOrEqual(0.85);
  });

  it('every face of the corpus: shuffling the input changes nothing; one face per person per photo', () => {
    const faces = allFaces(photos);
    const reference = clusterFaces({ faces, constraints: NO_CONSTRAINTS });
    for (const seed of [1, 2, 3, 4, 5]) {
      const u = uniform(seed);
      const order = faces
        .map((f) => ({ f, k: u() }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.f);
      const again = clusterFaces({ faces: order, constraints: NO_CONSTRAINTS });
      expect(again.people).toEqual(reference.people);
      expect(again.unassigned).toEqual(reference.unassigned);
    }
    const photoOf = new Map(faces.map((f) => [f.id, f.photoId]));
    for (const p of reference.people) {
      const inPhotos = p.faceIds.map((f) => photoOf.get(f));
      expect(new Set(inPhotos).size).toBe(inPhotos.length);
    }
    console.log(
      `all ${faces.length} faces: ${reference.people.length} people, ${reference.unassigned.length} alone, ${reference.stats.totalMs} ms`,
    );
  });
});
