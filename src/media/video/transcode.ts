// A browser-playable copy of one video (settings: transcode-args.ts), written atomically to a path
// in the data directory, at low priority, with progress, cancellation and a hard time limit; while
// it is made, readable as it grows ([Note: live transcode] in growing-file.ts).

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { mediaError } from '../errors.js';
import { GrowingFile } from './growing-file.js';
import { runTool, stderrReason } from './run.js';
import { videoTools } from './tools.js';
import {
  finishArgs,
  parseProgress,
  planTranscode,
  transcodeArgs,
  type TranscodePlan,
} from './transcode-args.js';
import type { VideoProbe } from './types.js';

export interface TranscodeOptions {
  /** fraction done, 0–1, at most a few times a second (from ffmpeg's -progress) */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** niceness (default 19: transcodes take only what indexing and requests leave) */
  nice?: number;
  /** default: 60 s + 6 × the duration (slower than 1/6 of real time means something is wrong) */
  timeoutMs?: number;
  /** address-space limit in MiB (default run.ts DEFAULT_MEMORY_MB) */
  memoryMb?: number;
  threads?: number;
  /** x264 preset override (benchmarks) */
  preset?: string;
  /** encode the video even when only its container is wrong (benchmarks) */
  reencode?: boolean;
  /** the output as it is written, before ffmpeg starts (readers follow it until it is finished) */
  onOutput?: (growing: GrowingFile) => void;
  /** ffmpeg's process id, once it runs (to change its priority) */
  onSpawn?: (pid: number) => void;
}

export interface TranscodeResult {
  path: string;
  bytes: number;
  plan: TranscodePlan;
  /** wall-clock ms spent */
  ms: number;
  /** video duration ÷ time spent: 2 means twice as fast as real time */
  speed: number | null;
}

export function transcodeTimeout(probe: VideoProbe): number {
  return 60_000 + 6 * (probe.durationMs ?? 600_000);
}

/**
 * Makes `target` (an .mp4 path; its folder is created). Nothing appears under that name unless
 * ffmpeg finished: it writes a fragmented MP4 to a temporary sibling (handed to `onOutput` as it
 * grows), which is then copied into a faststart MP4 renamed to `target`; temporary files are
 * deleted on any failure. Throws MediaError 'timeout' when killed at the limit, 'corrupt' when the video cannot
 * be decoded, an AbortError when cancelled, and a plain Error for the environment (disk full).
 */
export async function transcodeVideo(
  input: string,
  target: string,
  probe: VideoProbe,
  options: TranscodeOptions = {},
): Promise<TranscodeResult> {
  const { ffmpeg } = await videoTools();
  const plan = planTranscode(probe, options.reencode);
  await mkdir(path.dirname(target), { recursive: true });
  const stem = `.${path.basename(target, '.mp4')}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = path.join(path.dirname(target), `${stem}.tmp.mp4`);
  // Made empty before ffmpeg starts (which truncates the same file): a reader never misses it.
  const live = new GrowingFile(path.join(path.dirname(target), `${stem}.live.mp4`));
  await writeFile(live.path, '');
  options.onOutput?.(live);
  const duration = probe.durationMs;
  let pending = '';
  let lastReport = 0;
  const onStdout = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const blockEnd = pending.lastIndexOf('progress=');
    if (blockEnd < 0) return;
    const lineEnd = pending.indexOf('\n', blockEnd);
    if (lineEnd < 0) return;
    const { outMs, end } = parseProgress(pending.slice(0, lineEnd));
    pending = pending.slice(lineEnd + 1);
    live.grew();
    if (!options.onProgress) return;
    const now = performance.now();
    if (end || now - lastReport >= 250) {
      lastReport = now;
      const fraction = end ? 1 : duration && outMs !== null ? Math.min(0.999, outMs / duration) : 0;
      options.onProgress(fraction);
    }
  };
  const t0 = performance.now();
  try {
    const nice = options.nice ?? 19;
    const res = await runTool(
      ffmpeg.path,
      transcodeArgs(input, live.path, probe, plan, {
        threads: options.threads,
        preset: options.preset,
      }),
      {
        what: 'transcoding the video',
        timeoutMs: options.timeoutMs ?? transcodeTimeout(probe),
        signal: options.signal,
        nice,
        memoryMb: options.memoryMb,
        onStdout,
        onSpawn: options.onSpawn,
      },
    );
    if (res.code !== 0) throw transcodeFailure(res.stderr, res.code, res.signal);
    if ((await live.size()) === 0)
      throw mediaError('corrupt', 'transcoding produced an empty file');
    live.finish(true);
    // A copy of the streams (no decoding): I/O-bound, a fraction of a second for a 30-s clip.
    const done = await runTool(ffmpeg.path, finishArgs(live.path, tmp), {
      what: 'writing the finished video',
      timeoutMs: 120_000,
      signal: options.signal,
      nice,
      memoryMb: options.memoryMb,
    });
    if (done.code !== 0) throw transcodeFailure(done.stderr, done.code, done.signal);
    const bytes = (await stat(tmp)).size;
    await rename(tmp, target);
    const ms = performance.now() - t0;
    return { path: target, bytes, plan, ms, speed: duration ? duration / ms : null };
  } catch (e) {
    live.finish(false);
    await rm(tmp, { force: true });
    throw e;
  } finally {
    await live.discard();
  }
}

/** ffmpeg's exit → an error: the environment's fault stays a plain Error, the file's a MediaError. */
export function transcodeFailure(
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): Error {
  const reason = stderrReason(stderr);
  if (/no space left|read-only file system|permission denied/i.test(stderr)) {
    return new Error(`transcoding failed writing its output: ${reason}`);
  }
  if (signal === 'SIGKILL' || signal === 'SIGXCPU' || /cannot allocate memory/i.test(stderr)) {
    return mediaError(
      'too-large',
      `transcoding ran out of its memory or CPU budget and was stopped (${signal ?? reason})`,
    );
  }
  return mediaError('corrupt', `transcoding failed (exit ${code ?? signal}): ${reason}`);
}
