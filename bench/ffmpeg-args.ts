// ffmpeg settings the clips made for benchmarks (bench/video.ts) and tests (test/helpers/videos.ts)
// share: quick to make, and quiet in the log.

/** Always before the rest: no stdin, no banner, errors only, overwrite the output. */
export const FFMPEG_QUIET = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];

/** H.264 at x264's veryfast preset: real-looking clips made in seconds. */
export const X264_FAST = ['-c:v', 'libx264', '-preset', 'veryfast'];

/** H.264 at its quickest, for clips whose picture does not matter (hours long, UHD). */
export const X264_QUICKEST = ['-c:v', 'libx264', '-preset', 'ultrafast'];

/** HEVC at its quickest, without x265's own banner and statistics. */
export const X265_QUICKEST = [
  '-c:v',
  'libx265',
  '-preset',
  'ultrafast',
  '-x265-params',
  'log-level=error',
];

/** Tags HEVC as hvc1, as iPhones write it (QuickTime and Safari play only that). */
export const HVC1 = ['-tag:v', 'hvc1'];
