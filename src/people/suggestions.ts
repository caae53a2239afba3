// "Is this also Alice?" For a named person, rank the groups clustering could not attach to her
// (unnamed people, which consolidation keeps apart because their average distance is above the
// threshold, or because a constraint was in the way) and faces left alone, by the same
// average-linkage distance everything else uses. The user confirms or rejects them in bulk; a
// rejection is stored per face (service.ts), so a rejected group never comes back, and the next
// pass treats it as a cannot-link.

import type { Match, NewFace, PeopleIndex } from './incremental.js';
import { SUGGESTION_THRESHOLD } from './threshold.js';

export type Suggestion =
  | { kind: 'person'; personId: number; distance: number; faceCount: number }
  /** `imported`: another program named the face so (people/imported-names.ts). */
  | { kind: 'face'; faceId: string; distance: number; imported?: boolean };

export interface SuggestionInput {
  /** Summaries of every person (the target included). */
  index: PeopleIndex;
  target: number;
  /** Unnamed people that may be the target, with the share of their faces rejected for it. */
  people: readonly { personId: number; rejectedShare: number }[];
  /** Faces in no person, minus those rejected for the target. */
  faces: readonly NewFace[];
  maxDistance?: number;
  limit?: number;
}

export function rankSuggestions(input: SuggestionInput): Suggestion[] {
  const max = input.maxDistance ?? SUGGESTION_THRESHOLD;
  const out: Suggestion[] = [];
  const targetMean = input.index.meanOf(input.target);
  if (!targetMean) return out;
  for (const p of input.people) {
    // A group the user mostly said "no" to is not asked about again.
    if (p.personId === input.target || p.rejectedShare >= 0.5) continue;
    const d = input.index.distanceBetween(input.target, p.personId);
    if (d <= max)
      out.push({
        kind: 'person',
        personId: p.personId,
        distance: d,
        faceCount: input.index.countOf(p.personId),
      });
  }
  for (const f of input.faces) {
    let dot = 0;
    for (let k = 0; k < targetMean.length; k++) dot += f.embedding[k] * targetMean[k];
    const d = 1 - dot;
    if (d <= max) out.push({ kind: 'face', faceId: f.id, distance: d });
  }
  const key = (s: Suggestion) => (s.kind === 'person' ? `p${s.personId}` : `f${s.faceId}`);
  out.sort((a, b) => a.distance - b.distance || (key(a) < key(b) ? -1 : 1));
  return out.slice(0, input.limit ?? 200);
}

/** The people a face (or a query descriptor) is closest to, for find-by-face. */
export function whoIsThis(
  index: PeopleIndex,
  embedding: ArrayLike<number>,
  threshold: number,
): Match | null {
  return index.nearest(embedding, threshold)[0] ?? null;
}
