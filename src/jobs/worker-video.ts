// Worker halves of the video stages (pipeline.ts): the `video` stage (probe, metadata, poster →
// the same thumbnail and preview files a photo gets), `video-ai` (sampled frames through the same
// object and face models). The transcode stage's half is worker-transcode.ts.

import { isMediaError, PictoError } from '../shared/errors.js';
import type { MediaResult, VideoInfo } from '../media/types.js';
import { probeFile, probeVideo, sampleFrames, writePoster } from '../media/video/index.js';
import type { FileWorkResult } from './stage.js';
import type { PhotoTask } from './task.js';
import {
  mergeFaces,
  mergeObjects,
  type FrameAnalysis,
  type VideoAiResult,
} from './video-frames.js';
import { detectFaces, detectObjects } from './worker-ai.js';

export interface VideoResult extends MediaResult {
  video: VideoInfo;
  posterTimeMs: number;
}

export async function processVideo(task: PhotoTask): Promise<FileWorkResult<VideoResult>> {
  const probed = await probeVideo(task.path);
  let poster;
  try {
    poster = await writePoster(task.path, probed.probe, task.thumbDir, task.contentHash);
  } catch (err) {
    // Listed with its metadata and the reason, like a photo whose pixels are broken.
    if (!isMediaError(err)) throw err;
    const { metadata, warnings, timings } = probed;
    throw new PictoError(err.code, err.message, {
      cause: err,
      detail: { metadata, warnings, timings },
    });
  }
  const { metadata } = probed;
  return {
    data: {
      metadata,
      thumb: poster.thumb,
      preview: poster.preview,
      phash: poster.phash,
      warnings: probed.warnings,
      timings: {
        ...probed.timings,
        ...poster.timings,
        total: probed.timings.total + poster.timings.total,
      },
      video: metadata.video,
      posterTimeMs: poster.posterTimeMs,
    },
    frame: { width: metadata.width, height: metadata.height },
  };
}

export async function analyzeVideo(task: PhotoTask): Promise<FileWorkResult<VideoAiResult>> {
  const t0 = performance.now();
  const probe = await probeFile(task.path);
  const frame = {
    width: task.width ?? probe.video.displayWidth,
    height: task.height ?? probe.video.displayHeight,
  };
  const frames: FrameAnalysis[] = [];
  let decodeMs = 0;
  let analyseMs = 0;
  let t = performance.now();
  for await (const f of sampleFrames(task.path, probe)) {
    const t1 = performance.now();
    decodeMs += t1 - t;
    frames.push({
      timeMs: f.timeMs,
      objects: await detectObjects(f.image, frame),
      faces: await detectFaces(f.image, frame),
    });
    t = performance.now();
    analyseMs += t - t1;
  }
  return {
    data: {
      objects: mergeObjects(frames),
      faces: mergeFaces(frames),
      frames: frames.length,
      timings: { frames: decodeMs, analyse: analyseMs, total: performance.now() - t0 },
    },
  };
}
