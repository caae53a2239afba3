// Frames for the object and face models: the poster plus one frame every few seconds, capped, as
// working images (≤ WORK_SIZE, the size the analyzer is fed for photos). An async generator: one
// frame exists at a time, however long the video, and a consumer that stops early stops the work.
//
// [Note: frame sampling] A 30-s clip gets the poster plus 4 frames (one per 7.5-s slot, each the
// keyframe at or before the middle of its slot: keyframes decode alone and are the sharpest frames
// of a GOP); long videos are capped at 12 frames spread over their whole length, so a 2-hour film
// costs what a 90-s clip does. Frames whose keyframe lands within 1 s of one already given (long
// GOPs, the poster) are skipped rather than analysed twice. The slot length is set by cost:
// measured on grainy 30-s 1080p clips here, one frame costs ~0.31 s of CPU with Debian's ffmpeg
// (~0.1 s of it is just starting that dynamically linked binary; ~0.2 s with the static one) plus
// ~0.1 s in the analyzer, so 5-s slots (6 frames) put indexing at ~3 CPU-s per clip, just over the
// 1.5 s-on-2-cores target, and 7.5-s slots at ~2.2 CPU-s.

import type { RawImage } from '../types.js';
import { grabFrame, type VideoFrame } from './frames.js';
import type { VideoProbe } from './types.js';

export interface SampleOptions {
  /** one frame per this many ms (default 7500) */
  intervalMs?: number;
  /** at most this many frames besides the poster (default 12) */
  maxFrames?: number;
  /** long side of each frame (default WORK_SIZE) */
  maxSide?: number;
  /** the poster already decoded: given first, and not decoded again */
  poster?: { timeMs: number; image: RawImage };
  signal?: AbortSignal;
}

export const SAMPLE_INTERVAL_MS = 7500;
export const MAX_SAMPLED_FRAMES = 12;
/** Two frames closer than this show the same moment. */
const SAME_MOMENT_MS = 1000;

/** The times to sample: the middle of `n` equal slots, n = duration / interval, capped. */
export function sampleTimes(
  durationMs: number | null,
  intervalMs = SAMPLE_INTERVAL_MS,
  maxFrames = MAX_SAMPLED_FRAMES,
): number[] {
  if (durationMs === null || durationMs <= 0) return [0];
  const n = Math.max(1, Math.min(maxFrames, Math.ceil(durationMs / intervalMs)));
  const slot = durationMs / n;
  return Array.from({ length: n }, (_, i) => Math.round(slot * (i + 0.5)));
}

export async function* sampleFrames(
  filePath: string,
  probe: VideoProbe,
  options: SampleOptions = {},
): AsyncGenerator<VideoFrame> {
  const given: number[] = [];
  const seen = (t: number) => given.some((g) => Math.abs(g - t) < SAME_MOMENT_MS);
  if (options.poster) {
    given.push(options.poster.timeMs);
    yield { timeMs: options.poster.timeMs, image: options.poster.image };
  }
  for (const t of sampleTimes(probe.durationMs, options.intervalMs, options.maxFrames)) {
    if (options.signal?.aborted) return;
    if (options.poster && Math.abs(options.poster.timeMs - t) < SAME_MOMENT_MS) continue;
    const frame = await grabFrame(filePath, probe, t, {
      accurate: false,
      maxSide: options.maxSide,
      signal: options.signal,
    });
    if (!frame || seen(frame.timeMs)) continue;
    given.push(frame.timeMs);
    yield frame;
  }
}
