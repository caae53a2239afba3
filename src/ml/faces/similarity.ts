// Comparing face descriptors. Descriptors are L2-normalised, so cosine distance is 1 − dot.
//
// On corpus/faces (130 single-subject photos, 36 people, all 8,385 pairs) same-person distances
// have median 0.035 and 95th percentile 0.063; different-person pairs start at 0.065 with 1st
// percentile 0.095. deepface's labelled pairs separate completely (same ≤ 0.066, different
// ≥ 0.082). The window is narrow: precision collapses above ~0.085 (docs/models.md). The cut
// Picto uses is the people module's PERSON_THRESHOLD (people/threshold.ts), calibrated there.

/** Cosine distance between two L2-normalised descriptors (0 = identical, 2 = opposite). */
export function faceDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length)
    throw new Error(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return 1 - dot;
}
