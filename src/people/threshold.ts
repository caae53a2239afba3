// [Note: the one threshold] Every "is this the same person?" decision in Picto — consolidation,
// a new face joining a person, low-quality faces attaching, find-by-face — uses PERSON_THRESHOLD,
// an average-linkage cosine distance between a face (or group of faces) and a person. One number
// means a face cannot be "Alice" for the indexer and "nobody" for search.
//
// Calibrated on corpus/faces: the most confident face of each single-subject photo, the three
// near-duplicates left out (87 faces / 26 people; 127 / 34 with the 40 small grey face-api
// crops). Sweeping the cut in steps of 0.0025 with this engine (test/people/calibration.test.ts,
// which fails if the shipped value leaves the plateau):
//   0.050–0.075  pairwise precision 1.000 on both sets; BCubed F1 0.978→1.000 (no crops) and
//                0.925→0.994 (with crops), rising with the cut;
//   0.0775+      precision falls to 0.949 / 0.964 (two look-alike people merge).
// 0.07 keeps two steps of margin below that cliff (precision errors cost the user more than
// recall errors: a wrong merge must be untangled face by face, a split is one click to merge or
// a suggestion to confirm), with F1 1.000 / 0.984. It agrees with the pair distances measured in
// ml/faces/similarity.ts.

/** Average-linkage cosine distance at or below which faces are the same person. */
export const PERSON_THRESHOLD = 0.07;

/**
 * Faces below this combined quality (ml/faces/quality.ts: size × sharpness × detector score)
 * never start a person: a tiny, blurred background face would otherwise become a "person" of one
 * stranger, or glue two real people together. They still join a person they are close to.
 */
export const SEED_QUALITY = 0.3;

/** Good faces needed before a group becomes a person by itself (a face seen once is no one yet). */
export const MIN_PERSON_FACES = 2;

/**
 * Suggestions look a little beyond the threshold: they are questions to the user, ranked by
 * distance, not decisions. Derived from the one threshold, never tuned on its own.
 */
export const SUGGESTION_THRESHOLD = PERSON_THRESHOLD * 1.5;
