// group and portrait: what the faces say.

import { percent, round } from './evidence.js';
import { usefulFaces } from './face-size.js';
import type { Signals, Verdict } from './types.js';

export const GROUP_DEFINITION = 'Three or more people: at least three faces of useful size.';

export const PORTRAIT_DEFINITION =
  'One person close up: one large face (its box side at least a quarter of the frame’s size, ' +
  'the square root of its area) and no other face half as large.';

/**
 * A portrait's face box side is at least this fraction of the frame's size (√(w·h): a wide frame
 * must not make a small face look large against its short side). Judged against portraits and
 * half-length shots labelled by eye: portraits measure 0.26 and up, people small in the frame
 * up to 0.29 (one) and 0.25 (one).
 */
export const PORTRAIT_FACE_SIZE = 0.25;
/** A second face this large against the first makes it a photo of two. */
const SECOND_FACE = 0.5;

export function groupVerdict(s: Signals): Verdict | null {
  const faces = usefulFaces(s);
  if (!faces) return null;
  const n = faces.length;
  if (n < 3)
    return { score: round(0.1 * n), reason: n ? `${n} face${n > 1 ? 's' : ''}` : 'no faces' };
  return { score: round(Math.min(0.95, 0.7 + 0.05 * (n - 3))), reason: `${n} faces` };
}

export function portraitVerdict(s: Signals): Verdict | null {
  const faces = usefulFaces(s);
  if (!faces) return null;
  if (!faces.length) return { score: 0, reason: 'no faces' };
  const [first, second] = faces;
  // Two faces alike, or a group (where a close face is one of several people): not a portrait.
  if ((second && second.side >= SECOND_FACE * first.side) || faces.length >= 3)
    return { score: 0.1, reason: `${faces.length} faces` };
  if (first.size < PORTRAIT_FACE_SIZE)
    return { score: round(first.size), reason: `one face, ${percent(first.size)} of the frame` };
  return {
    score: round(Math.min(0.97, 0.65 + (first.size - PORTRAIT_FACE_SIZE))),
    reason: `one large face (${percent(first.size)} of the frame)`,
  };
}
