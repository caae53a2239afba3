import type { Repos } from '../../db/index.js';
import { FACES_STAGE, OBJECTS_STAGE } from '../ai-stages.js';
import type { StageOutcome } from '../task.js';
import type { FaceResult, ObjectResult } from '../worker-ai.js';
import { registerApplier } from './registry.js';

function applyObjects(repos: Repos, photoId: string, outcome: StageOutcome): void {
  if (!outcome.ok) return;
  repos.objects.replaceObjects(photoId, outcome.data as ObjectResult[]);
}

function applyFaces(repos: Repos, photoId: string, outcome: StageOutcome, now: string): void {
  if (!outcome.ok) return;
  const faces = outcome.data as FaceResult[];
  repos.faces.replaceFaces(
    photoId,
    faces.map((f) => ({
      box: f.box,
      score: f.score,
      quality: f.quality,
      sizePx: f.sizePx,
      blur: f.blur,
      landmarks: f.landmarks,
      embedding: f.embedding,
    })),
    outcome.version,
    now,
  );
}

registerApplier(OBJECTS_STAGE.name, applyObjects);
registerApplier(FACES_STAGE.name, applyFaces);
