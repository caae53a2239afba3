// The poster frame: what a video's tile and viewer show before it plays.
//
// [Note: poster choice] Videos often open on black (a fade-in, a lens cap, a phone pulled out of a
// pocket) or on a flat blur while the camera focuses. Candidate times are tried in order: the first
// frame, then 1 s, 10 %, 25 % and 50 % of the duration. The first candidate whose frame is neither
// dark (mean luma < 28/255) nor blank (luma spread < 10/255), nor blown out (mean > 235) is the
// poster; Google Photos and Immich also show a frame near the start, and stopping at the first good
// one keeps the usual cost at one decode. If none passes (a night scene, a video of a white wall),
// the candidate with the highest score wins, so a dark video still gets its least dark frame
// rather than an error. The first frame is taken at its keyframe (cheap); later ones exactly at
// their time, since with long GOPs (250 frames is x264's default) the keyframe before 1 s would
// be the same black first frame again.

import { phash } from '../phash.js';
import { writePreview, writeThumbnail } from '../thumbnails.js';
import type { RawImage, ThumbnailInfo } from '../types.js';
import { grabFrame, noFrameError, type VideoFrame } from './frames.js';
import type { VideoProbe } from './types.js';

export interface FrameStats {
  /** mean luma, 0–255 */
  mean: number;
  /** standard deviation of luma, 0–128 */
  spread: number;
}

const DARK = 28;
const BRIGHT = 235;
const FLAT = 10;

/** Luma mean and spread over a grid of at most ~20 000 pixels (enough to tell black from a scene). */
export function frameStats(image: RawImage): FrameStats {
  const pixels = image.width * image.height;
  const step = Math.max(1, Math.floor(Math.sqrt(pixels / 20_000)));
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      const i = (y * image.width + x) * 3;
      const l = 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
      sum += l;
      sumSq += l * l;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  const spread = n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0;
  return { mean, spread };
}

export function isGoodPoster(s: FrameStats): boolean {
  return s.mean >= DARK && s.mean <= BRIGHT && s.spread >= FLAT;
}

/** For the fallback: detail counts most, then distance from black and white. */
export function posterScore(s: FrameStats): number {
  return s.spread + 0.25 * Math.min(s.mean, 255 - s.mean);
}

/** Candidate times in ms, in the order they are tried (duplicates and times past the end dropped). */
export function posterCandidates(durationMs: number | null): number[] {
  if (durationMs === null || durationMs <= 0) return [0, 1000, 3000];
  const last = Math.max(0, durationMs - 100);
  const times = [0, 1000, durationMs * 0.1, durationMs * 0.25, durationMs * 0.5]
    .map((t) => Math.round(Math.min(t, last)))
    .filter((t, i, all) => all.indexOf(t) === i);
  return times;
}

export interface PosterFrame extends VideoFrame {
  stats: FrameStats;
  /** how many candidates were decoded to find it */
  tried: number;
}

/**
 * The poster frame as an upright working image (≤ WORK_SIZE). Throws MediaError 'corrupt' when no
 * candidate decodes at all.
 */
export async function choosePoster(
  filePath: string,
  probe: VideoProbe,
  signal?: AbortSignal,
): Promise<PosterFrame> {
  let best: PosterFrame | null = null;
  let tried = 0;
  for (const [i, t] of posterCandidates(probe.durationMs).entries()) {
    const frame = await grabFrame(filePath, probe, t, { accurate: i > 0, signal });
    tried++;
    if (!frame) continue;
    const stats = frameStats(frame.image);
    if (isGoodPoster(stats)) return { ...frame, stats, tried };
    if (!best || posterScore(stats) > posterScore(best.stats)) best = { ...frame, stats, tried };
  }
  if (!best) throw noFrameError(probe);
  return { ...best, tried };
}

export interface PosterResult {
  thumb: ThumbnailInfo;
  preview: ThumbnailInfo;
  /** pHash of the poster, for duplicate finding like a photo's */
  phash: string;
  posterTimeMs: number;
  /** the poster itself, for the AI stages (one of the frames they analyse) */
  image: RawImage;
  timings: Record<string, number>;
}

/**
 * Poster → the same grid thumbnail and preview files a photo gets (thumbnails.ts, named by content
 * hash), and its pHash.
 */
export async function writePoster(
  filePath: string,
  probe: VideoProbe,
  thumbDir: string,
  contentHash: string,
  signal?: AbortSignal,
): Promise<PosterResult> {
  const t0 = performance.now();
  const poster = await choosePoster(filePath, probe, signal);
  const t1 = performance.now();
  const thumb = await writeThumbnail(poster.image, thumbDir, contentHash);
  const preview = await writePreview(poster.image, thumbDir, contentHash);
  const hash = phash(poster.image);
  const t2 = performance.now();
  return {
    thumb,
    preview,
    phash: hash,
    posterTimeMs: poster.timeMs,
    image: poster.image,
    timings: {
      poster: round(t1 - t0),
      posterCandidates: poster.tried,
      thumbs: round(t2 - t1),
      total: round(t2 - t0),
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
