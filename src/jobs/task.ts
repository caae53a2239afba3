// The plain-data contract between the runner (main thread) and the workers. Everything here must
// survive structured clone (typed arrays do): a remote worker would send the same shapes.

import type { StageName, StageResults } from './pipeline.js';

export interface PhotoTask {
  photoId: string;
  path: string;
  contentHash: string;
  /** Pending stages for this photo, run in one go on one decode. */
  stages: string[];
  thumbDir: string;
  /** Displayed size of the photo when already known (AI results are scaled to it). */
  width?: number | null;
  height?: number | null;
  /** Attempts its jobs have had (names a remote job: a retry is a new job, a re-publish is not). */
  attempt?: number;
}

export interface StageSuccess<T> {
  ok: true;
  version: string;
  data: T;
  ms: number;
}

export interface StageFailure {
  ok: false;
  /** Short machine-readable kind (corrupt, unsupported, missing-file, model-unavailable…). */
  code: string;
  error: string;
  /** Permanent failures (a corrupt file) are not retried; transient ones (file busy) are. */
  permanent: boolean;
  /** What could still be read (e.g. metadata of a file whose pixels are broken). */
  partial?: unknown;
  ms: number;
}

export type StageOutcome<T> = StageSuccess<T> | StageFailure;

/** Each stage's outcome typed by its name: `outcomes.faces` holds what the faces stage made. */
export type StageOutcomes = { [K in StageName]?: StageOutcome<StageResults[K]> };

export interface PhotoTaskResult {
  photoId: string;
  outcomes: StageOutcomes;
  ms: number;
}
