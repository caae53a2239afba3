// Single frames out of a video, upright, as RawImages of at most WORK_SIZE px: the size the photo
// path decodes to, so the thumbnail/preview writers and the AI analyzer take them unchanged.
//
// One ffmpeg run per frame, seeking in the input (`-ss` before `-i`): ffmpeg reads only the index
// and the packets from the nearest keyframe on, so an hour-long or 8K file costs what a short one
// does, and memory is one decoder's, never the whole video. Frames come out upright because
// ffmpeg applies the display matrix (autorotate) before our scale filter.

import { WORK_SIZE } from '../decode.js';
import { mediaError, type MediaError } from '../errors.js';
import type { RawImage } from '../types.js';
import { runTool, stderrReason } from './run.js';
import { videoTools } from './tools.js';
import type { VideoProbe } from './types.js';

export interface VideoFrame {
  /** presentation time of the frame, from the start of the video */
  timeMs: number;
  image: RawImage;
}

export interface GrabOptions {
  /** long side of the result (never enlarged); default WORK_SIZE */
  maxSide?: number;
  /**
   * true: the first frame at or after the time (decodes from the keyframe before it);
   * false: the keyframe at or before the time, decoded alone (cheap; the sharpest frame too).
   */
  accurate?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Output size for a displayed size: long side at most maxSide, never enlarged. */
export function frameSize(
  displayWidth: number,
  displayHeight: number,
  maxSide = WORK_SIZE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(displayWidth, displayHeight));
  return {
    width: Math.max(1, Math.round(displayWidth * scale)),
    height: Math.max(1, Math.round(displayHeight * scale)),
  };
}

function interlaced(fieldOrder: string | null): boolean {
  return fieldOrder !== null && fieldOrder !== 'progressive' && fieldOrder !== 'unknown';
}

/** The -vf chain after autorotate: deinterlace if needed, scale, square pixels, RGB. */
export function frameFilter(probe: VideoProbe, size: { width: number; height: number }): string {
  const shrink = size.width / probe.video.displayWidth;
  const parts = [
    ...(interlaced(probe.video.fieldOrder) ? ['yadif=0'] : []),
    // 'area' averages when shrinking a lot (4K → 1440), bilinear is enough close to 1:1
    `scale=${size.width}:${size.height}:flags=${shrink < 0.5 ? 'area' : 'bilinear'}`,
    'setsar=1',
    'showinfo',
    'format=rgb24',
  ];
  return parts.join(',');
}

/** pts_time of the first frame showinfo reported (stderr at loglevel info). */
export function showinfoTime(stderr: string): number | null {
  const m = /\bpts_time:\s*(-?[\d.]+)/.exec(stderr);
  return m ? Number(m[1]) : null;
}

/**
 * The frame at `timeMs` (from the start of the video), or null when there is none there (past the
 * end, or data missing at that point). Throws MediaError for an ffmpeg that cannot run or overran.
 */
export async function grabFrame(
  filePath: string,
  probe: VideoProbe,
  timeMs: number,
  options: GrabOptions = {},
): Promise<VideoFrame | null> {
  const { ffmpeg } = await videoTools();
  const size = frameSize(probe.video.displayWidth, probe.video.displayHeight, options.maxSide);
  const bytes = size.width * size.height * 3;
  const seek = Math.max(0, (probe.startMs + timeMs) / 1000);
  const args = [
    '-nostdin',
    '-hide_banner',
    '-nostats',
    '-loglevel',
    'info',
    // one frame: frame threads would only decode ahead and hold more pictures in memory
    '-threads',
    options.accurate ? '2' : '1',
    ...(options.accurate ? [] : ['-noaccurate_seek']),
    '-ss',
    seek.toFixed(3),
    '-copyts',
    '-i',
    filePath,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-frames:v',
    '1',
    '-vf',
    frameFilter(probe, size),
    // frames as they come: a constant-rate muxer would decode and drop frames up to the seek point
    '-vsync',
    'passthrough',
    '-f',
    'rawvideo',
    'pipe:1',
  ];
  const res = await runTool(ffmpeg.path, args, {
    what: `decoding a video frame at ${(timeMs / 1000).toFixed(1)} s`,
    timeoutMs: options.timeoutMs ?? frameTimeout(probe),
    signal: options.signal,
    maxStdoutBytes: bytes,
  });
  // No whole frame: past the end, or the data at that point is missing or broken. The caller
  // decides whether another time will do (poster.ts) or the video is unreadable.
  if (res.stdout.length !== bytes) {
    lastFailure = stderrReason(res.stderr);
    return null;
  }
  const pts = showinfoTime(res.stderr);
  const frameMs = pts === null ? timeMs : Math.max(0, Math.round(pts * 1000) - probe.startMs);
  return {
    timeMs: frameMs,
    image: {
      data: new Uint8Array(res.stdout.buffer, res.stdout.byteOffset, res.stdout.length),
      width: size.width,
      height: size.height,
      channels: 3,
    },
  };
}

/** Seconds to allow one frame: big frames (8K HEVC) decode slowly on 2 busy cores. */
function frameTimeout(probe: VideoProbe): number {
  const megapixels = (probe.video.width * probe.video.height) / 1e6;
  return Math.round(30_000 + megapixels * 3_000);
}

let lastFailure: string | null = null;

/** The message for a video none of whose frames decode, with ffmpeg's last complaint. */
export function noFrameError(probe: VideoProbe): MediaError {
  const why =
    lastFailure && lastFailure !== 'no message' ? lastFailure : 'truncated or corrupt data';
  return mediaError(
    'corrupt',
    `no frame of this ${probe.video.codec} video could be decoded (${why})`,
  );
}
