// Can the browser play the original, and if not, what must a transcode redo? Pure.
//
// [Note: when a transcode is needed] Picto's viewer is Chromium (or any browser) on the user's
// machine, and Chromium on Debian plays H.264, VP8, VP9 and AV1 video with AAC, MP3, Opus, Vorbis or
// FLAC sound, in MP4 (ISO BMFF, which is also what MOV, M4V and 3GP are) and in WebM. It does not
// play HEVC (what iPhones record), MPEG-2 (DVD, AVCHD's older cousin), MPEG-4 Part 2/Xvid, ProRes,
// MJPEG, nor anything inside AVI, MPEG-TS (.MTS/.M2TS) or Matroska other than WebM. The original is
// served as is when:
//   - container mp4/mov/m4v/3gp with H.264 (8-bit 4:2:0: High 10 and 4:2:2 do not play), VP9 or AV1,
//     and AAC or MP3 sound or none;
//   - container webm with VP8, VP9 or AV1, and Opus or Vorbis sound or none.
// Everything else gets a transcode: H.264/AAC MP4, faststart, at most 1080p (transcode-args.ts).
// Interlaced H.264 (1080i camcorders) also gets one: browsers show its fields combed.

import type { VideoProbe } from './types.js';

const ISO_BMFF = new Set(['mp4', 'mov', 'm4v', '3gp']);
const BMFF_VIDEO = new Set(['h264', 'vp9', 'av1']);
const BMFF_AUDIO = new Set(['aac', 'mp3']);
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['opus', 'vorbis']);
const H264_PIXELS = new Set(['yuv420p', 'yuvj420p']);

export interface PlaybackVerdict {
  playable: boolean;
  /** why not, for logs and the UI ("HEVC video", "AVI container") */
  reason: string | null;
}

function interlaced(fieldOrder: string | null): boolean {
  return fieldOrder !== null && fieldOrder !== 'progressive' && fieldOrder !== 'unknown';
}

export function playbackVerdict(probe: VideoProbe): PlaybackVerdict {
  const { container, video, audio } = probe;
  const no = (reason: string): PlaybackVerdict => ({ playable: false, reason });
  if (ISO_BMFF.has(container)) {
    if (!BMFF_VIDEO.has(video.codec)) return no(`${video.codec} video`);
    if (video.codec === 'h264') {
      if (video.pixelFormat && !H264_PIXELS.has(video.pixelFormat)) {
        return no(`H.264 in ${video.pixelFormat}`);
      }
      if (interlaced(video.fieldOrder)) return no('interlaced H.264');
    }
    if (audio && !BMFF_AUDIO.has(audio.codec)) return no(`${audio.codec} sound`);
    return { playable: true, reason: null };
  }
  if (container === 'webm') {
    if (!WEBM_VIDEO.has(video.codec)) return no(`${video.codec} video in WebM`);
    if (audio && !WEBM_AUDIO.has(audio.codec)) return no(`${audio.codec} sound in WebM`);
    return { playable: true, reason: null };
  }
  return no(`${container} container`);
}

/** True when the original can be served to the browser as is (see [Note: when a transcode is needed]). */
export function playableInBrowser(probe: VideoProbe): boolean {
  return playbackVerdict(probe).playable;
}
