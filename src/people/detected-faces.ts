import type { Repos } from '../db/index.js';
import type { FaceInput } from '../db/repos/faces.js';
import { matchDetectedFaces, type PreviousFace } from './identity.js';

/**
 * Replaces a photo's faces with a new detection, keeping the id and person of every face found
 * again (see [Note: stable face ids] in identity.ts). Returns the faces' ids in the given order.
 * Call inside a transaction.
 */
export function recordDetectedFaces(
  repos: Pick<Repos, 'faces'>,
  photoId: string,
  faces: readonly FaceInput[],
  version: string,
  now: string,
): string[] {
  const previous = repos.faces.facesForPhoto(photoId).map((o): PreviousFace => ({
    id: o.id,
    box: [o.x, o.y, o.w, o.h],
    personId: o.person_id,
    createdAt: o.created_at,
  }));
  const matched = matchDetectedFaces(photoId, faces, previous, now);
  repos.faces.replaceFaces(photoId, matched, version);
  return matched.map((m) => m.id);
}
