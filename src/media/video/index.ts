// Front door of the video core: probe, poster, frames for the AI, browser copies, Live Photo
// pairing. Every function takes a path and plain data and returns plain data (workers can run
// them); every per-file problem is a MediaError with a code (media/types.ts MediaErrorCode).

import { readMetadata } from '../metadata.js';

export { videoTools, configureVideoTools, resetVideoTools, ensureExecutable } from './tools.js';
export type { VideoTool, VideoTools, ToolName, ToolSource } from './tools.js';
export { probeVideo, videoFormatName } from './metadata.js';
export type { ProbeVideoResult } from './metadata.js';
export { probeFile } from './probe.js';
export { playableInBrowser, playbackVerdict } from './playback.js';
export type { PlaybackVerdict } from './playback.js';
export { grabFrame, frameSize } from './frames.js';
export type { VideoFrame, GrabOptions } from './frames.js';
export { choosePoster, writePoster, frameStats, isGoodPoster, posterCandidates } from './poster.js';
export type { PosterFrame, PosterResult, FrameStats } from './poster.js';
export { sampleFrames, sampleTimes, SAMPLE_INTERVAL_MS, MAX_SAMPLED_FRAMES } from './ai-frames.js';
export type { SampleOptions } from './ai-frames.js';
export { transcodeVideo, transcodeTimeout } from './transcode.js';
export type { TranscodeOptions, TranscodeResult } from './transcode.js';
export { planTranscode, targetSize } from './transcode-args.js';
export type { TranscodePlan } from './transcode-args.js';
export { isVideoCandidate, VIDEO_EXTENSIONS } from './formats.js';
export { isAbortError, renice } from './run.js';
export { GrowingFile } from './growing-file.js';
export type { GrowingState } from './growing-file.js';
export {
  makePreviewClip,
  previewStartMs,
  videoFilePaths,
  PREVIEW_CLIP_MS,
} from './preview-clip.js';
export type * from './types.js';

/** The Live Photo id of a still (HEIC/JPEG from an iPhone), or null. Same as readMetadata's. */
export async function stillContentIdentifier(filePath: string): Promise<string | null> {
  return (await readMetadata(filePath)).contentIdentifier ?? null;
}
