import { resultVersions } from '../ml/index.js';
import { registerStage, type StageDef } from './stages.js';

// The AI stages run after the media stage of the same photo (same task, same decode) and only
// for photos in folders with AI switched on. Their versions name the models and the
// post-processing that made a result, so a change re-indexes exactly the photos it affects.
const versions = resultVersions();

export const OBJECTS_STAGE: StageDef = {
  name: 'objects',
  version: versions.objects,
  ai: true,
  priority: 5,
};

export const FACES_STAGE: StageDef = {
  name: 'faces',
  version: versions.faces,
  ai: true,
  priority: 5,
};

registerStage(OBJECTS_STAGE);
registerStage(FACES_STAGE);
