// Plain-data results of the ML module (structured-clone safe: they cross worker boundaries).

export type Runtime = 'onnxruntime' | 'tfjs-wasm';

/** Pipeline stages, each backed by one model. */
export type Stage = 'objects' | 'faceDetect' | 'faceLandmarks' | 'faceEmbed';

export interface DetectedObject {
  /** COCO class name, e.g. "dog" (see groupsForLabel for "animal"). */
  label: string;
  score: number;
  /** x, y, w, h in input-image pixels. */
  box: [number, number, number, number];
}

export interface FaceQuality {
  /** Side of the face box in input-image pixels. */
  sizePx: number;
  /** Laplacian variance of the aligned grey 150² chip (higher = sharper; < ~20 is blurry). */
  blur: number;
  /** Detector score 0..1. */
  score: number;
  /** Combined 0..1; clustering can skip faces below ~0.3. */
  overall: number;
}

export interface DetectedFace {
  /** x, y, w, h in input-image pixels (BlazeFace box: brows to chin, square). */
  box: [number, number, number, number];
  score: number;
  /** 68 points (iBUG/dlib order) in input-image pixels. */
  landmarks: [number, number][];
  quality: FaceQuality;
  /** dlib 128-d face descriptor, L2-normalised. Compare with cosine distance (1 − dot). */
  embedding: Float32Array;
}

/** Milliseconds per stage for one call (the benchmark reads these). */
export interface StageTimings {
  /** Image pyramid shared by all stages. */
  prepareMs: number;
  objectsMs: number;
  faceDetectMs: number;
  /** Landmark net (two passes) + alignment crops. */
  landmarksMs: number;
  embeddingMs: number;
}

export const emptyTimings = (): StageTimings => ({
  prepareMs: 0,
  objectsMs: 0,
  faceDetectMs: 0,
  landmarksMs: 0,
  embeddingMs: 0,
});
