// Version strings of what each indexing stage's models produce, readable without loading any
// runtime (the main thread uses them to find photos indexed by an older model).
import { MODELS, modelVersion } from './registry.js';

export function objectsStageVersion(): string {
  return modelVersion(MODELS.centernet);
}

export function facesStageVersion(): string {
  return [MODELS.blazeface, MODELS.faceLandmarks68, MODELS.faceDescriptor]
    .map(modelVersion)
    .join('|');
}
