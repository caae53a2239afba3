// The plain-data contract between the runner (main thread) and the workers.

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
}

export interface StageSuccess {
  ok: true;
  version: string;
  data: unknown;
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

export type StageOutcome = StageSuccess | StageFailure;

export interface PhotoTaskResult {
  photoId: string;
  outcomes: Record<string, StageOutcome>;
  ms: number;
}
