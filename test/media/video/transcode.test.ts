// Browser copies on real videos: H.264 of the right duration, upright, at most 1080p, faststart,
// with progress; cancellation and the time limit kill ffmpeg and leave nothing behind.

import {
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  closeSync,
  rmSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hasCorpus } from '../../helpers/corpus.js';
import { testVideos, type TestVideos } from '../../helpers/videos.js';
import { closeMedia, isMediaError } from '../../../src/media/index.js';
import {
  choosePoster,
  isAbortError,
  playableInBrowser,
  probeVideo,
  transcodeVideo,
  videoTools,
} from '../../../src/media/video/index.js';

const run = promisify(execFile);
import { meanAbsDiff, resampled } from '../pixels.js';

/** True when the moov box comes before mdat: the browser can start playing at once. */
function isFastStart(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(256 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    const moov = text.indexOf('moov');
    const mdat = text.indexOf('mdat');
    return moov >= 0 && (mdat < 0 || moov < mdat);
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!hasCorpus)('transcodeVideo', () => {
  let v: TestVideos;
  const out = mkdtempSync(path.join(os.tmpdir(), 'picto-transcode-'));
  beforeAll(async () => {
    v = await testVideos();
  }, 600_000);
  afterAll(async () => {
    await closeMedia();
    rmSync(out, { recursive: true, force: true });
  });

  it('turns an HEVC MOV into a faststart H.264/AAC MP4 of the same duration, with progress', async () => {
    const src = await probeVideo(v.faceHevc);
    const progress: number[] = [];
    const target = path.join(out, 'hevc', 'face.mp4');
    const r = await transcodeVideo(v.faceHevc, target, src.probe, {
      onProgress: (f) => progress.push(f),
    });
    expect(r.plan).toMatchObject({ video: 'encode', audio: 'copy', width: 960, height: 540 });
    expect(r.bytes).toBeGreaterThan(10_000);
    const copy = await probeVideo(target);
    expect(copy.metadata.video).toMatchObject({
      container: 'mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
      pixelFormat: 'yuv420p',
      rotation: 0,
      playable: true,
    });
    expect(playableInBrowser(copy.probe)).toBe(true);
    expect(Math.abs(copy.metadata.video.durationMs! - src.metadata.video.durationMs!)).toBeLessThan(
      150,
    );
    expect(copy.probe.video.profile).toBe('High');
    expect(isFastStart(target)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(readdirSync(path.dirname(target))).toEqual(['face.mp4']); // no temp file left
    // Picture and sound start together, as in the original (the fragmented MP4 it is copied from
    // carries the B-frame delay in an edit list).
    const { ffprobe } = await videoTools();
    const starts = async (file: string) => {
      const { stdout } = await run(ffprobe.path, [
        ...['-v', 'error', '-show_entries', 'stream=codec_type,start_time', '-of', 'json', file],
      ]);
      const streams = (
        JSON.parse(stdout) as { streams: { codec_type: string; start_time: string }[] }
      ).streams;
      const at = (t: string) => Number(streams.find((x) => x.codec_type === t)!.start_time);
      return at('video') - at('audio');
    };
    expect(Math.abs((await starts(target)) - (await starts(v.faceHevc)))).toBeLessThan(0.03);
  });

  it('makes the rotated video upright in the copy (no matrix left)', async () => {
    const src = await probeVideo(v.rotated);
    const target = path.join(out, 'rotated.mp4');
    await transcodeVideo(v.rotated, target, src.probe);
    const copy = await probeVideo(target);
    expect(copy.metadata.video).toMatchObject({ codedWidth: 540, codedHeight: 720, rotation: 0 });
    const before = await choosePoster(v.rotated, src.probe);
    const after = await choosePoster(target, copy.probe);
    const diff = meanAbsDiff(
      await resampled(after.image, 135, 180),
      await resampled(before.image, 135, 180),
    );
    expect(diff).toBeLessThan(8);
  });

  it('brings 4K down to 1080p', async () => {
    const src = await probeVideo(v.uhd);
    const target = path.join(out, 'uhd.mp4');
    await transcodeVideo(v.uhd, target, src.probe);
    const copy = await probeVideo(target);
    expect([copy.metadata.width, copy.metadata.height]).toEqual([1920, 1080]);
  });

  it('stops on cancel and leaves nothing', async () => {
    const src = await probeVideo(v.hoursLong);
    const target = path.join(out, 'cancelled', 'long.mp4');
    const ctl = new AbortController();
    const done = transcodeVideo(v.hoursLong, target, src.probe, {
      signal: ctl.signal,
      onProgress: () => ctl.abort(),
    });
    setTimeout(() => ctl.abort(), 3000);
    const err = await done.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbortError(err)).toBe(true);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('kills ffmpeg at the time limit with a clear error', async () => {
    const src = await probeVideo(v.uhd);
    const target = path.join(out, 'late', 'uhd.mp4');
    // 4K → 1080p takes seconds; 0.3 s cannot be enough
    const err = await transcodeVideo(v.uhd, target, src.probe, { timeoutMs: 300 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isMediaError(err) && err.code).toBe('timeout');
    expect((err as Error).message).toMatch(
      /transcoding the video took longer than 0.3 s and was stopped/,
    );
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('refuses a truncated file before starting', async () => {
    const err = await probeVideo(v.truncated).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isMediaError(err) && err.code).toBe('corrupt');
  });
});
