// Main-thread halves of the AI stages: what the detectors found replaces what a photo had.

import type { Repos } from '../../db/index.js';
import type { FaceInput } from '../../db/repos/faces.js';
import { recordDetectedFaces } from '../../people/detected-faces.js';
import type { Applied } from '../stage.js';
import type { FaceResult, ObjectResult } from '../worker-ai.js';

export function applyObjects(repos: Repos, photoId: string, objects: ObjectResult[]): void {
  repos.objects.replaceObjects(photoId, objects);
}

/**
 * A detection (a photo's, or a video's frames') replaces the item's faces, keeping the ids and
 * people of faces found again. Only the fields a face row stores are passed on: a result that
 * passed its stage's check may still carry others (the schemas' objects allow extra properties).
 */
export function recordFaces(
  repos: Repos,
  photoId: string,
  faces: readonly (FaceResult & { timeMs?: number })[],
  done: Applied,
): void {
  recordDetectedFaces(
    repos,
    photoId,
    faces.map((f): FaceInput => ({
      box: f.box,
      score: f.score,
      quality: f.quality,
      sizePx: f.sizePx,
      blur: f.blur,
      landmarks: f.landmarks,
      embedding: f.embedding,
      timeMs: f.timeMs,
    })),
    done.version,
    done.now,
  );
}

export function applyFaces(
  repos: Repos,
  photoId: string,
  faces: FaceResult[],
  done: Applied,
): void {
  recordFaces(repos, photoId, faces, done);
  // Names other programs gave are matched to the faces as they are now (when indexing is idle).
  repos.importedRegions.markPending(photoId);
}
