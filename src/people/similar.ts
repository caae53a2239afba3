// "Who else is Alice?" The merge dialog lists every person, nearest first: the same
// average-linkage distance clustering uses, read against the one threshold ([Note: the one
// threshold]) so the words the UI shows mean what clustering means. Pure: summaries in, order out.

import type { PeopleIndex } from './incremental.js';
import { PERSON_THRESHOLD, SUGGESTION_THRESHOLD } from './threshold.js';

/**
 * likely: as close as faces clustering puts together (kept apart only by a constraint, e.g. both
 * were named); maybe: within what suggestions ask about; unlikely: further, or most of its faces
 * were already said not to be the person.
 */
export type Likeness = 'likely' | 'maybe' | 'unlikely';

export interface SimilarPerson {
  personId: number;
  /** Average-linkage cosine distance; null when either has no face to compare. */
  distance: number | null;
  likeness: Likeness;
}

export function likenessOf(distance: number | null, rejectedShare = 0): Likeness {
  if (distance === null || rejectedShare >= 0.5) return 'unlikely';
  if (distance <= PERSON_THRESHOLD) return 'likely';
  return distance <= SUGGESTION_THRESHOLD ? 'maybe' : 'unlikely';
}

const RANK: Record<Likeness, number> = { likely: 0, maybe: 1, unlikely: 2 };

/** Every candidate, likeliest first, then nearest; people without faces last. */
export function rankSimilar(
  index: PeopleIndex,
  target: number,
  candidates: readonly { personId: number; rejectedShare: number }[],
): SimilarPerson[] {
  return candidates
    .filter((c) => c.personId !== target)
    .map((c) => {
      const d = index.distanceBetween(target, c.personId);
      const distance = Number.isFinite(d) ? Math.round(d * 1e4) / 1e4 : null;
      return { personId: c.personId, distance, likeness: likenessOf(distance, c.rejectedShare) };
    })
    .sort(
      (a, b) =>
        RANK[a.likeness] - RANK[b.likeness] ||
        (a.distance ?? Infinity) - (b.distance ?? Infinity) ||
        a.personId - b.personId,
    );
}
