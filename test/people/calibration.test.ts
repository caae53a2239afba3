// [Note: calibrating the threshold] Sweeps the average-linkage cut over corpus/faces and checks
// that the shipped PERSON_THRESHOLD sits inside the range where every issue target holds, with
// at least two steps of margin on each side: a descriptor or detector change that shifts the
// distances makes this test fail before it quietly degrades everyone's people.

import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFaces } from '../../src/people/cluster.js';
import { PERSON_THRESHOLD } from '../../src/people/threshold.js';
import { NO_CONSTRAINTS, type FaceInput } from '../../src/people/types.js';
import { hasCorpus } from '../helpers/corpus.js';
import { corpusFaces, primaryFaces, type CorpusPhoto } from './corpus-faces.js';
import { scoreClustering, type Scores } from './metrics.js';

const STEP = 0.0025;
const SWEEP = Array.from({ length: 17 }, (_, k) => Math.round((0.05 + k * STEP) * 1e4) / 1e4);

function score(items: { face: FaceInput; identity: string }[], threshold: number): Scores {
  const result = clusterFaces({
    faces: items.map((x) => x.face),
    constraints: NO_CONSTRAINTS,
    options: { threshold },
  });
  const personOf = new Map<string, number>();
  result.people.forEach((p, k) => p.faceIds.forEach((f) => personOf.set(f, k)));
  return scoreClustering(
    items.map((x) => personOf.get(x.face.id) ?? null),
    items.map((x) => x.identity),
  );
}

describe.skipIf(!hasCorpus)('threshold calibration on corpus/faces', () => {
  let photos: CorpusPhoto[];
  beforeAll(async () => {
    photos = await corpusFaces();
  });

  it(`the shipped threshold ${PERSON_THRESHOLD} lies inside the plateau where every target holds`, () => {
    const plain = primaryFaces(photos, { includeCrops: false });
    const crops = primaryFaces(photos, { includeCrops: true });
    const rows: string[] = ['   T     | no crops: P     F1   | with crops: P     F1   | targets'];
    const passing: number[] = [];
    for (const t of SWEEP) {
      const a = score(plain, t);
      const b = score(crops, t);
      const ok =
        a.pairwisePrecision >= 0.99 &&
        a.bcubedF1 >= 0.97 &&
        b.pairwisePrecision >= 0.95 &&
        b.bcubedF1 >= 0.85;
      if (ok) passing.push(t);
      rows.push(
        `  ${t.toFixed(4)} |   ${a.pairwisePrecision.toFixed(3)}  ${a.bcubedF1.toFixed(3)}   |   ${b.pairwisePrecision.toFixed(3)}  ${b.bcubedF1.toFixed(3)}    | ${ok ? 'ok' : '-'}`,
      );
    }
    console.log(rows.join('\n'));
    expect(passing).toContain(PERSON_THRESHOLD);
    // Two passing steps on each side: the cut is not on the edge of a cliff.
    expect(passing.filter((t) => t < PERSON_THRESHOLD).length).toBeGreaterThanOrEqual(2);
    expect(passing.filter((t) => t > PERSON_THRESHOLD).length).toBeGreaterThanOrEqual(2);
  });
});
