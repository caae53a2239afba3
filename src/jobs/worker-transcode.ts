// The transcode stage's work: a browser-playable copy of a video in the data directory. Imports
// only the video core (no model runtime): the transcode lane runs it on the main thread.

import path from 'node:path';

import type { GrowingFile } from '../media/video/growing-file.js';
import { videoFilePaths } from '../media/video/preview-clip.js';
import { probeFile } from '../media/video/probe.js';
import { transcodeVideo } from '../media/video/transcode.js';
import type { FileWorkResult } from './stage.js';
import type { PhotoTask } from './task.js';

export interface TranscodeOutcome {
  bytes: number;
  ms: number;
  speed: number | null;
  mode: string;
}

/** Where a video's browser copy lives: `<data>/videos/<content hash>.mp4` (next to thumbs/). */
export function transcodePath(thumbDir: string, contentHash: string): string {
  return videoFilePaths(path.join(path.dirname(thumbDir), 'videos'), contentHash).browserCopy;
}

export interface TranscodeControl {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  nice?: number;
  /** the copy as it is written, playable while it grows */
  onOutput?: (growing: GrowingFile) => void;
  onSpawn?: (pid: number) => void;
}

export async function transcodeForBrowser(
  task: PhotoTask,
  control: TranscodeControl = {},
): Promise<FileWorkResult<TranscodeOutcome>> {
  const probe = await probeFile(task.path, control.signal);
  const r = await transcodeVideo(task.path, transcodePath(task.thumbDir, task.contentHash), probe, {
    onProgress: control.onProgress,
    signal: control.signal,
    nice: control.nice,
    onOutput: control.onOutput,
    onSpawn: control.onSpawn,
  });
  return { data: { bytes: r.bytes, ms: r.ms, speed: r.speed, mode: r.plan.video } };
}
