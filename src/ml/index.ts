// Public face of the ML module: the only file other modules import.
//
//   const analyzer = await createAnalyzer({ threads: 1 });   // one per worker thread
//   const { objects, faces, timings } = await analyzer.analyze(rawImage);
//   groupsForLabel('dog')  // ['animal']
//   modelStatus()          // which models are usable, and why not
//
// All models run offline on onnxruntime (CPU); they are converted at build time from npm
// packages (scripts/provision-models.ts) and hash-checked at load.

import { modelStates, type ModelState } from './model-store.js';
import { defaultModelsDir } from './paths.js';

export {
  createAnalyzer,
  FACE_THRESHOLD,
  OBJECT_THRESHOLD,
  type Analysis,
  type Analyzer,
  type AnalyzerOptions,
  type DetectOptions,
} from './analyzer.js';
export {
  COCO_LABELS,
  GROUP_TAGS,
  groupsForLabel,
  labelsForGroup,
  type GroupTag,
} from './labels.js';
export { modelProblem, type ModelProblem, type ModelState } from './model-store.js';
export { faceDistance } from './faces/similarity.js';
export { iou, type Box } from './nms.js';
export { resultVersions } from './versions.js';
export { emptyTimings as emptyStageTimings } from './types.js';
export type {
  DetectedFace,
  DetectedObject,
  FaceQuality,
  Runtime,
  Stage,
  StageTimings,
} from './types.js';

export interface ModelStatus {
  /** True when every model is available. */
  ready: boolean;
  /** What the app can do with the models present. */
  features: { objects: boolean; faces: boolean };
  models: ModelState[];
}

/**
 * Which models are usable and why not (missing / corrupt / stale file, with the fix). Cheap to
 * call repeatedly: hashes are cached per file until it changes. Never throws for missing models.
 */
export function modelStatus(opts: { modelsDir?: string } = {}): ModelStatus {
  const models = modelStates(opts.modelsDir ?? defaultModelsDir());
  const ok = (id: string) => models.some((m) => m.id === id && m.available);
  return {
    ready: models.every((m) => m.available),
    features: {
      objects: ok('centernet'),
      faces: ok('blazeface') && ok('faceLandmarks68') && ok('faceDescriptor'),
    },
    models,
  };
}
