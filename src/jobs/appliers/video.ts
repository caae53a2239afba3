// Main-thread halves of the video stages: what the worker read goes to the catalogue.

import type { Repos } from '../../db/index.js';
import type { Applied } from '../stage.js';
import type { StageFailure } from '../task.js';
import type { VideoAiResult } from '../video-frames.js';
import type { TranscodeOutcome } from '../worker-transcode.js';
import type { VideoResult } from '../worker-video.js';
import { applyObjects, recordFaces } from './ai.js';
import { linkLivePhoto } from './live.js';
import { applyMedia, mediaFailed } from './media.js';

/** The transcode stage's queue position: below every indexing stage ([Note: Videos in the catalogue]). */
export const TRANSCODE_PRIORITY = 0;
/** A transcode someone is waiting for (GET /api/photos/{id}/video answered 202). */
export const TRANSCODE_URGENT = 1000;
/** Frames through the models: below the photo AI stages (5), so photos are tagged first. */
export const VIDEO_AI_PRIORITY = 4;

/**
 * Metadata, poster thumbnails and the video columns; a video the browser cannot play gets its
 * transcode queued; a short MOV may be the motion of a still already in the catalogue. A video
 * of its own (not a Live Photo's motion) in a folder with AI on gets its frames analysed
 * (`queuedBy` of video-ai: the MOV of a Live Photo costs no model run).
 */
export function applyVideo(
  repos: Repos,
  photoId: string,
  result: VideoResult,
  done: Applied,
): void {
  applyMedia(repos, photoId, result, done);
  const v = result.video;
  const photo = repos.photos.get(photoId);
  const keep = photo?.transcode === 'done' || photo?.transcode === 'running';
  repos.videos.applyVideo(
    photoId,
    {
      duration_ms: v.durationMs,
      fps: v.fps,
      video_codec: v.videoCodec,
      audio_codec: v.audioCodec,
      playable: v.playable ? 1 : 0,
      transcode: v.playable ? 'none' : keep ? photo!.transcode! : 'pending',
      content_id: result.metadata.contentIdentifier ?? null,
    },
    done.now,
  );
  if (!v.playable && !keep) repos.jobs.enqueue(photoId, 'transcode', done.now, TRANSCODE_PRIORITY);
  // A MOV held back for this ([Note: a MOV waits for its pairing]) is a motion now, or not one.
  if (!linkLivePhoto(repos, photoId, done.now)) repos.videos.release(photoId, done.now);
  if (!repos.photos.get(photoId)?.live_of)
    repos.jobs.enqueueIfAi(photoId, 'video-ai', done.now, VIDEO_AI_PRIORITY);
}

/** As media's; a MOV held back for its pairing that cannot be read for good shows as it is. */
export function videoFailed(
  repos: Repos,
  photoId: string,
  failure: StageFailure,
  at: { gaveUp: boolean; now: string },
): void {
  mediaFailed(repos, photoId, failure, at);
  if (at.gaveUp) repos.videos.release(photoId, at.now);
}

/** Tags and faces of the sampled frames; a Live Photo's motion keeps none (its still has them). */
export function applyVideoAi(
  repos: Repos,
  photoId: string,
  result: VideoAiResult,
  done: Applied,
): void {
  if (repos.photos.get(photoId)?.live_of) return;
  applyObjects(repos, photoId, result.objects);
  recordFaces(repos, photoId, result.faces, done);
}

export function applyTranscode(
  repos: Repos,
  photoId: string,
  _result: TranscodeOutcome,
  done: Applied,
): void {
  repos.videos.setTranscode(photoId, 'done', done.now);
}

export function transcodeFailed(
  repos: Repos,
  photoId: string,
  _failure: StageFailure,
  at: { gaveUp: boolean; now: string },
): void {
  repos.videos.setTranscode(photoId, at.gaveUp ? 'failed' : 'pending', at.now);
}
