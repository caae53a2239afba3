// Main-thread halves of the AI stages: what the detectors found replaces what a photo had.

import type { Repos } from '../../db/index.js';
import { recordDetectedFaces } from '../../people/detected-faces.js';
import type { Applied } from '../stage.js';
import type { FaceResult, ObjectResult } from '../worker-ai.js';

export function applyObjects(repos: Repos, photoId: string, objects: ObjectResult[]): void {
  repos.objects.replaceObjects(photoId, objects);
}

export function applyFaces(
  repos: Repos,
  photoId: string,
  faces: FaceResult[],
  done: Applied,
): void {
  recordDetectedFaces(
    repos,
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
    done.version,
    done.now,
  );
  // Names other programs gave are matched to the faces as they are now (when indexing is idle).
  repos.importedRegions.markPending(photoId);
}
