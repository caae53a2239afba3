// The hover preview of a grid tile: a few seconds of the video, muted, small, H.264 MP4 with
// faststart (every browser plays it), made once on demand and kept beside the browser copy.

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { mediaError } from '../errors.js';
import { runTool, stderrReason } from './run.js';
import { videoTools } from './tools.js';
import type { VideoProbe } from './types.js';

/** Long side of the clip: a grid tile is at most ~400 CSS px. */
export const PREVIEW_CLIP_SIDE = 320;
export const PREVIEW_CLIP_MS = 3000;

/** A video's derived files in the data directory's videos/ folder, named by content hash. */
export function videoFilePaths(videosDir: string, contentHash: string) {
  return {
    browserCopy: path.join(videosDir, `${contentHash}.mp4`),
    previewClip: path.join(videosDir, `${contentHash}.preview.mp4`),
  };
}

/** Where the clip starts: a second in (past fades from black), earlier for short videos. */
export function previewStartMs(durationMs: number | null): number {
  if (!durationMs || durationMs <= PREVIEW_CLIP_MS + 1000) return 0;
  return Math.min(1000, durationMs - PREVIEW_CLIP_MS);
}

export async function makePreviewClip(
  input: string,
  target: string,
  probe: VideoProbe,
): Promise<{ bytes: number; ms: number }> {
  const { ffmpeg } = await videoTools();
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp.mp4`;
  const start = previewStartMs(probe.durationMs) / 1000;
  const side = PREVIEW_CLIP_SIDE;
  // Even sizes (yuv420p), the long side at most `side`, never enlarged; ffmpeg rotates upright.
  const scale = `scale='if(gte(iw,ih),min(${side},iw),-2)':'if(gte(iw,ih),-2,min(${side},ih))',setsar=1,format=yuv420p`;
  const args = ['-nostdin', '-hide_banner', '-nostats', '-loglevel', 'error', '-y'];
  args.push('-ss', String(start), '-i', input, '-t', String(PREVIEW_CLIP_MS / 1000));
  args.push('-map', '0:v:0', '-an', '-sn', '-dn', '-map_metadata', '-1', '-vf', scale);
  args.push('-r', '24', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30');
  args.push('-profile:v', 'main', '-movflags', '+faststart', '-threads', '2', '-f', 'mp4', tmp);
  const t0 = performance.now();
  try {
    const res = await runTool(ffmpeg.path, args, {
      what: 'making the hover preview',
      timeoutMs: 60_000,
      nice: 5,
    });
    if (res.code !== 0) {
      throw mediaError('corrupt', `the preview could not be made: ${stderrReason(res.stderr)}`);
    }
    const bytes = (await stat(tmp)).size;
    if (bytes === 0) throw mediaError('corrupt', 'the preview came out empty');
    await rename(tmp, target);
    return { bytes, ms: performance.now() - t0 };
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
