// Finding ffmpeg/ffprobe: the version is recorded, a binary without its run bit is run from a copy,
// and a missing tool is a per-video error that leaves photos alone.

import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { corpusPath, hasCorpus } from '../../helpers/corpus.js';
import { closeMedia, isMediaError, processMedia } from '../../../src/media/index.js';
import {
  ensureExecutable,
  probeVideo,
  resetVideoTools,
  videoTools,
} from '../../../src/media/video/index.js';

describe('video tools', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-tools-test-'));
  afterAll(async () => {
    await closeMedia();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('finds an ffmpeg that encodes H.264 and an ffprobe, and records their versions', async () => {
    const { ffmpeg, ffprobe } = await videoTools();
    expect(ffmpeg.enabled).toContain('libx264');
    expect(ffmpeg.version).toMatch(/libavcodec \d+\.\d+\.\d+/);
    expect(ffprobe.libavcodec).toMatch(/^\d+\.\d+\.\d+$/);
    expect(['system', 'bundled', 'env']).toContain(ffmpeg.source);
  });

  it('runs a binary that lacks its run bit from an executable copy, made once', async () => {
    const { ffprobe } = await videoTools();
    const noExec = path.join(tmp, 'pkg', 'ffprobe');
    execFileSync('mkdir', ['-p', path.dirname(noExec)]);
    copyFileSync(ffprobe.path, noExec);
    chmodSync(noExec, 0o644);
    const dir = path.join(tmp, 'tools');
    const runnable = await ensureExecutable(noExec, dir);
    expect(path.dirname(runnable)).toBe(dir);
    expect(statSync(runnable).mode & 0o111).toBe(0o111);
    expect(execFileSync(runnable, ['-version']).toString()).toMatch(/^ffprobe version/);
    expect(await ensureExecutable(noExec, dir)).toBe(runnable);
    // an executable file is used where it is
    expect(await ensureExecutable(ffprobe.path, dir)).toBe(ffprobe.path);
  });

  it.skipIf(!hasCorpus)(
    'without a working ffprobe, videos fail one by one and photos still work',
    async () => {
      const saved = process.env.PICTO_FFPROBE;
      process.env.PICTO_FFPROBE = path.join(tmp, 'no-such-ffprobe');
      resetVideoTools();
      try {
        const err = await probeVideo(corpusPath('exif', 'gps', 'DSCN0010.jpg')).catch(
          (e: unknown) => e,
        );
        // a photo under its own name is not a video: it fails before any tool is needed
        expect(isMediaError(err) && err.code).toBe('unsupported');
        const video = path.join(tmp, 'clip.mp4');
        execFileSync('sh', [
          '-c',
          `printf '\\0\\0\\0\\x18ftypisom' > "${video}"; head -c 4096 /dev/urandom >> "${video}"`,
        ]);
        const noTools = await probeVideo(video).catch((e: unknown) => e);
        expect(isMediaError(noTools) && noTools.code).toBe('no-video-tools');
        expect((noTools as Error).message).toMatch(
          /no working ffprobe: videos cannot be read .*PICTO_FFPROBE/,
        );
        const photo = await processMedia({
          path: corpusPath('exif', 'gps', 'DSCN0010.jpg'),
          contentHash: 'notoolsphoto0001',
          thumbDir: tmp,
        });
        expect(photo.thumb).not.toBeNull();
      } finally {
        if (saved === undefined) delete process.env.PICTO_FFPROBE;
        else process.env.PICTO_FFPROBE = saved;
        resetVideoTools();
      }
    },
  );
});
