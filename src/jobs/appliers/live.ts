// Pairs a still and a short MOV into one Live Photo when either half is indexed
// ([Note: Live Photo pairing] in library/live-photo.ts has the rule).

import type { Repos } from '../../db/index.js';
import { pairLivePhotos, stemOf, type PairCandidate } from '../../library/live-photo.js';
import { awaitsPairing } from '../../db/repos/videos.js';

/** Links the photo to its other half if one is in the catalogue; true when it did. */
export function linkLivePhoto(repos: Repos, photoId: string, now: string): boolean {
  const photo = repos.photos.get(photoId);
  // A MOV held back for this decision ([Note: a MOV waits for its pairing]) is not paired yet.
  if (!photo || (photo.live_of && !awaitsPairing(photo)) || photo.motion_id) return false;
  const stems = repos.locations
    .forPhoto(photoId)
    .map((l) => stemOf(l.path))
    .filter((s): s is string => s !== null);
  const rows = repos.videos.pairCandidates(photo.content_id, stems);
  const items: PairCandidate[] = rows
    .filter((r) => r.id === photoId || ((!r.live_of || awaitsPairing(r)) && !r.motion_id))
    .filter((r) => r.kind !== 'live')
    .map((r) => ({
      id: r.id,
      path: r.path,
      kind: r.kind === 'video' ? 'video' : 'still',
      contentIdentifier: r.content_id,
      durationMs: r.duration_ms,
    }));
  const pair = pairLivePhotos(items).find((p) => p.stillId === photoId || p.videoId === photoId);
  if (!pair || pair.stillId === pair.videoId) return false;
  const motion = rows.find((r) => r.id === pair.videoId);
  repos.videos.link(pair.stillId, pair.videoId, motion?.duration_ms ?? null, now);
  return true;
}
