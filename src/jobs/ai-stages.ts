import { facesStageVersion, objectsStageVersion } from '../ml/versions.js';
import { registerStage, type StageDef } from './stages.js';

// The AI stages run after the media stage of the same photo (same task, same decode) and only
// for photos in folders with AI switched on.
export const OBJECTS_STAGE: StageDef = {
  name: 'objects',
  version: objectsStageVersion(),
  ai: true,
  priority: 5,
};

export const FACES_STAGE: StageDef = {
  name: 'faces',
  version: facesStageVersion(),
  ai: true,
  priority: 5,
};

registerStage(OBJECTS_STAGE);
registerStage(FACES_STAGE);
