// Playing videos: what GET /api/photos/{id}/video and /video/preview send
// ([Note: The video contract] in shared/video-api.ts).

import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';

import type { Repos } from '../db/index.js';
import type { PhotoRow } from '../db/repos/photos.js';
import { makePreviewClip, videoFilePaths } from '../media/video/preview-clip.js';
import { PictoError } from '../shared/errors.js';
import type { VideoPending } from '../shared/video-api.js';
import { contentVersion } from '../shared/routes/urls.js';

/** A transcode as it is written ([Note: live transcode] in media/video/growing-file.ts). */
export interface GrowingVideo {
  waitFor(bytes: number, timeoutMs: number): Promise<number>;
  follow(start?: number): Readable;
  slice(start: number, end: number): Readable;
}

/** The transcode queue as this service sees it (jobs/transcoder.ts). */
export interface TranscodeQueue {
  progress(photoId: string): number | undefined;
  prioritize(photoId: string): void;
  /** the transcode of this video as it is written, once it runs (waits up to waitMs for that) */
  growing(photoId: string, waitMs: number): Promise<GrowingVideo | undefined>;
}

/**
 * How long an open waits for the video's transcode to start before answering 202: the opened
 * video goes first ([Note: the opened video goes first]), so it usually starts well within this.
 */
const START_WAIT_MS = 2500;

export interface VideoFile {
  path: string;
  mime: string;
  version: string;
}

export type VideoStream =
  | ({ ready: true } & VideoFile)
  /** the transcode as it is being made: play it while it grows (no seeking past what exists) */
  | { ready: 'growing'; mime: string; output: GrowingVideo; progress: number }
  | ({ ready: false } & VideoPending);

export interface VideoFilesDeps {
  repos: Repos;
  videosDir: string;
  queue: TranscodeQueue;
}

// A playable QuickTime or 3GP file is H.264/AAC in ISO BMFF: browsers take it as MP4.
const PLAYABLE_MIME: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/mp4',
  '3gp': 'video/mp4',
  webm: 'video/webm',
};

export class VideoFiles {
  private readonly making = new Map<string, Promise<void>>();

  constructor(private readonly deps: VideoFilesDeps) {}

  /** The movie of a photo: itself for a video, the MOV for a Live Photo; 404 for a still. */
  movieOf(id: string): PhotoRow {
    const { photos } = this.deps.repos;
    const photo = photos.get(id);
    if (!photo) throw new PictoError('not-found', `no photo with id ${id}`);
    const movie = photo.kind === 'live' && photo.motion_id ? photos.get(photo.motion_id) : photo;
    if (!movie || movie.kind !== 'video') {
      throw new PictoError('not-found', 'this photo has no video');
    }
    return movie;
  }

  private original(movie: PhotoRow): string {
    const location = this.deps.repos.locations.forPhoto(movie.id)[0];
    if (!location) throw new PictoError('not-found', 'the video has no file in the library');
    return location.path;
  }

  /**
   * What a browser plays now: the original, the finished transcode, or the transcode as it is
   * being made (the video moves to the front of the queue and this waits a little for it to
   * start); else how far its transcode is.
   */
  async stream(id: string): Promise<VideoStream> {
    const movie = this.movieOf(id);
    if (movie.status === 'error') {
      throw new PictoError('corrupt', movie.error ?? 'the video cannot be read');
    }
    if (movie.status === 'pending') return { ready: false, state: 'pending', progress: 0 };
    const version = contentVersion(movie.content_hash);
    if (movie.playable === 1) {
      const mime = PLAYABLE_MIME[movie.format ?? ''] ?? movie.mime ?? 'video/mp4';
      return { ready: true, path: this.original(movie), mime, version };
    }
    const copy = videoFilePaths(this.deps.videosDir, movie.content_hash).browserCopy;
    if (movie.transcode === 'done' && (await exists(copy))) {
      return { ready: true, path: copy, mime: 'video/mp4', version };
    }
    if (movie.transcode === 'failed') {
      const job = this.deps.repos.jobs
        .stagesForPhoto(movie.id)
        .find((j) => j.stage === 'transcode');
      throw new PictoError(
        'corrupt',
        `the video could not be made playable: ${job?.last_error ?? 'transcoding failed'}`,
      );
    }
    if (movie.transcode === 'done') {
      // The copy was deleted behind Picto's back: make it again.
      this.deps.repos.jobs.enqueue(movie.id, 'transcode', new Date().toISOString(), 0);
      this.deps.repos.videos.setTranscode(movie.id, 'pending', new Date().toISOString());
    }
    this.deps.queue.prioritize(movie.id);
    const output = await this.deps.queue.growing(movie.id, START_WAIT_MS);
    if (output) {
      const progress = this.deps.queue.progress(movie.id) ?? 0;
      return { ready: 'growing', mime: 'video/mp4', output, progress };
    }
    // Finished while this waited (a short video, or one only copied into MP4).
    const now = this.deps.repos.photos.get(movie.id);
    if (now?.transcode === 'done' && (await exists(copy))) {
      return { ready: true, path: copy, mime: 'video/mp4', version };
    }
    const progress = this.deps.queue.progress(movie.id);
    return progress === undefined
      ? { ready: false, state: 'pending', progress: 0 }
      : { ready: false, state: 'running', progress };
  }

  /** The hover preview clip, made on the first request and kept. */
  async preview(id: string): Promise<VideoFile> {
    const movie = this.movieOf(id);
    if (movie.status === 'error') {
      throw new PictoError('corrupt', movie.error ?? 'the video cannot be read');
    }
    if (movie.status === 'pending')
      throw new PictoError('not-ready', 'the video is not indexed yet');
    const target = videoFilePaths(this.deps.videosDir, movie.content_hash).previewClip;
    const version = contentVersion(movie.content_hash);
    if (!(await exists(target))) {
      let job = this.making.get(target);
      if (!job) {
        const input = this.original(movie);
        // The probe reads metadata with exiftool and sharp: loaded at first use, not with the app.
        job = import('../media/video/probe.js')
          .then(({ probeFile }) => probeFile(input))
          .then((probe) => makePreviewClip(input, target, probe))
          .then(() => undefined)
          .finally(() => this.making.delete(target));
        this.making.set(target, job);
      }
      await job;
    }
    return { path: target, mime: 'video/mp4', version };
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}
