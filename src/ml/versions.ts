// Version strings of what each indexing stage produces, readable without loading any runtime: the
// main thread compares them with stored results to re-index exactly what an older version made.
import { MODELS, modelVersion } from './registry.js';

/**
 * Bump when post-processing changes results without a model change: thresholds, decoding,
 * tiling or merging rules, alignment, quality formula.
 */
export const POSTPROCESSING_REVISION = {
  // 2: CenterNet's letterbox padding is black, as in training ([Note: CenterNet padding]).
  objects: 2,
  faces: 1,
};

export function resultVersions(): { objects: string; faces: string } {
  return {
    objects: `objects/${POSTPROCESSING_REVISION.objects} ${modelVersion(MODELS.centernet)}`,
    faces:
      `faces/${POSTPROCESSING_REVISION.faces} ${modelVersion(MODELS.blazeface)} ` +
      `${modelVersion(MODELS.faceLandmarks68)} ${modelVersion(MODELS.faceDescriptor)}`,
  };
}
