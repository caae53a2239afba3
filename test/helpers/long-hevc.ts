// A long HEVC video for the tests of playing a transcode while it is made: 90 s of 640×360 at
// 30 fps with temporal grain and sound, made from a corpus photo with the ffmpeg Picto locates.
// Long enough that its transcode (seconds at this size) is still running when the first fragments
// have been sent and played. Made once into a temp folder named by a hash of this file and the
// ffmpeg used; nothing is committed.

import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { videoTools } from '../../src/media/video/index.js';
import { FFMPEG_QUIET, HVC1, X265_QUICKEST } from '../../bench/ffmpeg-args.js';
import { corpusPath } from './corpus.js';

const run = promisify(execFile);

export const LONG_HEVC_SECONDS = 90;

let made: Promise<string> | null = null;

/** The path of the long HEVC MOV (hvc1, AAC), made on first use. */
export function longHevc(): Promise<string> {
  made ??= make();
  return made;
}

async function make(): Promise<string> {
  const { ffmpeg } = await videoTools();
  const key = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(ffmpeg.path)
    .update(ffmpeg.version)
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(os.tmpdir(), `picto-test-long-hevc-${key}`);
  const file = path.join(dir, 'long-hevc.mov');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${process.pid}.tmp.mov`);
  const frames = LONG_HEVC_SECONDS * 30;
  await run(
    ffmpeg.path,
    [
      ...FFMPEG_QUIET,
      ...[
        '-loop',
        '1',
        '-framerate',
        '30',
        '-i',
        corpusPath('objects/coco128/images/000000000009.jpg'),
      ],
      ...[
        '-f',
        'lavfi',
        '-t',
        String(LONG_HEVC_SECONDS),
        '-i',
        'sine=frequency=440:sample_rate=48000',
      ],
      '-filter_complex',
      `[0:v]scale=1280:-2,zoompan=z='1+0.3*on/${frames}':x='iw/2-(iw/zoom/2)+on/10':y='ih/2-(ih/zoom/2)':d=1:s=640x360:fps=30,noise=alls=8:allf=t,format=yuv420p[v]`,
      ...['-map', '[v]', '-map', '1:a', '-t', String(LONG_HEVC_SECONDS)],
      ...X265_QUICKEST,
      ...HVC1,
      ...['-c:a', 'aac', '-b:a', '96k', tmp],
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  renameSync(tmp, file);
  return file;
}
