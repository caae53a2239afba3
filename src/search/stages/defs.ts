import type { StageDef } from '../../jobs/stages.js';

// Stages of search and discovery. Their worker halves live in worker.ts, the main-thread halves
// (writing results) in main.ts.

/** Similarity signature for the duplicate finder: on the media stage's decode, ≈ 3–10 ms. */
export const SIMILARITY_STAGE: StageDef = {
  name: 'similarity',
  version: 'similarity@1',
  ai: false,
  priority: 9,
};
