// What a browser copy of a video is made of, and the ffmpeg arguments that make it. Pure.
//
// [Note: transcode settings] H.264 High (8-bit 4:2:0, what every browser plays) with AAC sound in an
// MP4 whose index is at the front (+faststart: playback starts before the file is fetched; ffmpeg
// first writes a fragmented MP4 that can be played while it grows, then copies it into the kept
// file: [Note: live transcode] in growing-file.ts), at
// most 1080p (the long side ≤ 1920 and the short side ≤ 1080, aspect kept, even dimensions), square
// pixels, upright (ffmpeg's autorotate turns the frames, so the copy carries no rotation). x264
// `superfast` at CRF 23, capped at 8 Mbit/s (grain and noise would otherwise balloon the bit rate,
// and entropy coding is what costs at high rates), 2 threads, a keyframe every 2 s so seeking in
// the viewer is quick. Measured on a grainy 30-s 1080p clip on this (shared) 2-core machine, in CPU
// seconds per clip: ultrafast 21, superfast 31, veryfast 44; with both cores that is 2.9×, 1.9× and
// 1.4× real time, so `superfast` is the slowest preset that meets the 1.5× target (bench `video`:
// 27.7 CPU-s for the H.264 clip, 26.2 for the HEVC one, 2.2× and 2.3× on two free cores). H.264 that is
// only in the wrong container (MKV, MPEG-TS) is copied, not re-encoded; AAC is copied too.
// HDR sources (HLG, PQ) are converted to 8-bit without tone mapping: HLG looks right, PQ flat.

import type { VideoProbe } from './types.js';

export const MAX_LONG_SIDE = 1920;
export const MAX_SHORT_SIDE = 1080;
export const X264_PRESET = 'superfast';
export const X264_CRF = 23;
export const MAX_VIDEO_KBPS = 8000;
export const AUDIO_KBPS = 160;

export interface TranscodePlan {
  /** 'copy': the H.264 stream is kept, only the container changes */
  video: 'copy' | 'encode';
  audio: 'copy' | 'encode' | 'none';
  /** output frame size (displayed orientation) */
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/** At most 1080p in the video's own orientation, aspect kept, even sides, never enlarged. */
export function targetSize(
  displayWidth: number,
  displayHeight: number,
): { width: number; height: number } {
  const long = Math.max(displayWidth, displayHeight);
  const short = Math.min(displayWidth, displayHeight);
  const scale = Math.min(1, MAX_LONG_SIDE / long, MAX_SHORT_SIDE / short);
  return { width: even(displayWidth * scale), height: even(displayHeight * scale) };
}

function interlaced(fieldOrder: string | null): boolean {
  return fieldOrder !== null && fieldOrder !== 'progressive' && fieldOrder !== 'unknown';
}

/** Containers whose H.264 can be moved into MP4 as it is (AVI's packed frames and odd timestamps cannot). */
const REMUXABLE = new Set(['mkv', 'webm', 'mpegts', 'mov', 'mp4', 'm4v', '3gp']);

/** `reencode`: encode the video even where copying it would do (benchmarks, a bad source stream). */
export function planTranscode(probe: VideoProbe, reencode = false): TranscodePlan {
  const v = probe.video;
  const size = targetSize(v.displayWidth, v.displayHeight);
  const copyVideo =
    !reencode &&
    v.codec === 'h264' &&
    REMUXABLE.has(probe.container) &&
    (v.pixelFormat === 'yuv420p' || v.pixelFormat === 'yuvj420p') &&
    !interlaced(v.fieldOrder) &&
    v.rotation === 0 &&
    size.width === v.displayWidth &&
    size.height === v.displayHeight &&
    v.width === v.displayWidth &&
    v.height === v.displayHeight;
  const audio = probe.audio === null ? 'none' : probe.audio.codec === 'aac' ? 'copy' : 'encode';
  return {
    video: copyVideo ? 'copy' : 'encode',
    audio,
    width: copyVideo ? v.width : size.width,
    height: copyVideo ? v.height : size.height,
  };
}

export interface ArgsOptions {
  /** x264 and decoder threads (default 2) */
  threads?: number;
  preset?: string;
}

/**
 * Fragments of at most this long (and one at each keyframe): the first is playable this soon.
 * Measured at load 10 on a 1080p HEVC source: the first complete fragment after 3.2–3.6 s with 1-s
 * fragments, 1.9–2.3 s with half-second ones; each costs a `moof` of ~0.5 KB.
 */
export const FRAGMENT_US = 500_000;

/**
 * ffmpeg arguments for input → output (an .mp4 path), progress as key=value lines on stdout. The
 * output is a fragmented MP4 (index first, then a fragment each half second), written append-only so it
 * can be read while it grows; `finishArgs` turns it into the kept faststart MP4.
 */
export function transcodeArgs(
  input: string,
  output: string,
  probe: VideoProbe,
  plan: TranscodePlan,
  options: ArgsOptions = {},
): string[] {
  const threads = String(options.threads ?? 2);
  const args = ['-nostdin', '-hide_banner', '-nostats', '-loglevel', 'error', '-y'];
  args.push('-progress', 'pipe:1', '-threads', threads, '-i', input);
  args.push(
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-sn',
    '-dn',
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
  );
  if (plan.video === 'copy') {
    args.push('-c:v', 'copy');
  } else {
    const filters = [
      ...(interlaced(probe.video.fieldOrder) ? ['yadif=0'] : []),
      `scale=${plan.width}:${plan.height}:flags=bicubic`,
      'setsar=1',
      'format=yuv420p',
    ];
    const fps = probe.video.fps && probe.video.fps <= 240 ? probe.video.fps : 30;
    args.push(
      '-vf',
      filters.join(','),
      '-c:v',
      'libx264',
      '-preset',
      options.preset ?? X264_PRESET,
      '-crf',
      String(X264_CRF),
      '-maxrate',
      `${MAX_VIDEO_KBPS}k`,
      '-bufsize',
      `${MAX_VIDEO_KBPS * 2}k`,
      '-profile:v',
      'high',
      '-g',
      String(Math.max(1, Math.round(fps * 2))),
      '-threads',
      threads,
      '-color_primaries',
      'bt709',
      '-color_trc',
      'bt709',
      '-colorspace',
      'bt709',
    );
  }
  if (plan.audio === 'copy') args.push('-c:a', 'copy');
  else if (plan.audio === 'encode') {
    args.push('-c:a', 'aac', '-b:a', `${AUDIO_KBPS}k`);
    if ((probe.audio?.channels ?? 2) > 2) args.push('-ac', '2');
  }
  // delay_moov: the index is written with the first fragment, when the video's B-frame delay is
  // known, so it carries the edit list that keeps picture and sound in step (without it the
  // picture starts 2 frames late: 67 ms at 30 fps). Still append-only, and no later than before.
  args.push('-movflags', 'frag_keyframe+empty_moov+delay_moov+default_base_moof');
  args.push('-frag_duration', String(FRAGMENT_US), '-f', 'mp4', output);
  return args;
}

/** ffmpeg arguments that copy a finished fragmented MP4 into a normal one, its index at the front. */
export function finishArgs(fragmented: string, output: string): string[] {
  return [
    ...['-nostdin', '-hide_banner', '-nostats', '-loglevel', 'error', '-y', '-i', fragmented],
    ...['-map', '0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', output],
  ];
}

/**
 * Reads ffmpeg's `-progress` output: key=value lines, one block per update. Returns the encoded
 * time in ms from the latest `out_time_us` (FFmpeg ≥ 4.1), `out_time_ms` (which despite its name is
 * microseconds) or `out_time`, and whether the block said `progress=end`.
 */
export function parseProgress(text: string): { outMs: number | null; end: boolean } {
  let outMs: number | null = null;
  let end = false;
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if ((key === 'out_time_us' || key === 'out_time_ms') && /^\d+$/.test(value)) {
      outMs = Math.round(Number(value) / 1000);
    } else if (key === 'out_time' && outMs === null) {
      const m = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
      if (m) outMs = Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
    } else if (key === 'progress') {
      end = value === 'end';
    }
  }
  return { outMs, end };
}
