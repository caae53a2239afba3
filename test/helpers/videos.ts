// Test videos, made by the tests from corpus photos with the ffmpeg Picto locates (and exiftool for
// the Apple keys and the rotation matrix, which it writes the way cameras do). Made once into a
// temp folder named by a hash of this file and the ffmpeg used, so every test file of a run (and
// later runs) shares them; nothing is committed. Face photos stay in the temp folder: tests only.

import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  copyFileSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { exiftoolPath } from 'exiftool-vendored';

import { videoTools } from '../../src/media/video/index.js';
import {
  FFMPEG_QUIET,
  HVC1,
  X264_FAST,
  X264_QUICKEST,
  X265_QUICKEST,
} from '../../bench/ffmpeg-args.js';
import { corpusPath } from './corpus.js';

const run = promisify(execFile);

export interface TestVideos {
  dir: string;
  /** a face photo (deepface img2, landscape) panned and zoomed, 3 s, 960×540, 15 fps, H.264/AAC MP4 */
  faceH264: string;
  /** the same as HEVC/AAC in a QuickTime MOV (hvc1), as iPhones record */
  faceHevc: string;
  /** stored 720×540 landscape with a 90° (clockwise) rotation matrix: upright it is the portrait deepface img1 */
  rotated: string;
  /** H.264 MP4 with ©xyz GPS (Paris) and a UTC creation_time 2023-07-14T10:22:05Z */
  gpsUtc: string;
  /** Apple-style MOV: Keys creationdate 2023-07-14T19:22:05+09:00, ISO 6709 Tokyo, make/model, ContentIdentifier */
  appleMov: string;
  /** Live Photo: a JPEG with Apple's MakerNote (ContentIdentifier LIVE_ID) and a 2.5-s MOV sharing it */
  liveStill: string;
  liveMov: string;
  /** 4 s whose first 1.5 s are black (long GOP: only one keyframe at 0) */
  startsBlack: string;
  /** faceH264 cut at 60 %: the moov index (at the end) is gone */
  truncated: string;
  emptyMov: string;
  /** AAC sound only, in an .mp4 */
  audioOnly: string;
  /** a JPEG photo named .mp4 */
  jpegNamedMp4: string;
  /** 2 hours of 64×64 at 1 fps */
  hoursLong: string;
  /** 1 s of 3840×2160 */
  uhd: string;
}

/** ContentIdentifier of corpus IMG_5195.HEIC, whose MakerNote the Live Photo still borrows. */
export const LIVE_ID = '570F1469-09C7-4E50-9875-05F21D5BD166';
export const FACE_LANDSCAPE = corpusPath('faces', 'deepface', 'img2.jpg');
export const FACE_PORTRAIT = corpusPath('faces', 'deepface', 'img1.jpg');

let made: Promise<TestVideos> | null = null;

export function testVideos(): Promise<TestVideos> {
  made ??= make();
  return made;
}

const NAMES: Omit<TestVideos, 'dir'> = {
  faceH264: 'face-h264.mp4',
  faceHevc: 'face-hevc.mov',
  rotated: 'rotated-90.mp4',
  gpsUtc: 'gps-utc.mp4',
  appleMov: 'IMG_0042.MOV',
  liveStill: 'IMG_0007.JPG',
  liveMov: 'IMG_0007.MOV',
  startsBlack: 'starts-black.mp4',
  truncated: 'truncated.mp4',
  emptyMov: 'empty.mov',
  audioOnly: 'audio-only.mp4',
  jpegNamedMp4: 'photo-named.mp4',
  hoursLong: 'two-hours.mp4',
  uhd: 'uhd.mp4',
};

async function make(): Promise<TestVideos> {
  const { ffmpeg } = await videoTools();
  const self = readFileSync(fileURLToPath(import.meta.url));
  const key = createHash('sha256')
    .update(self)
    .update(JSON.stringify([FFMPEG_QUIET, X264_FAST, X264_QUICKEST, X265_QUICKEST, HVC1]))
    .update(ffmpeg.path)
    .update(ffmpeg.version)
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(os.tmpdir(), `picto-test-videos-${key}`);
  const files = Object.fromEntries(
    Object.entries(NAMES).map(([k, name]) => [k, path.join(dir, name)]),
  ) as Omit<TestVideos, 'dir'>;
  if (existsSync(path.join(dir, 'done'))) return { dir, ...files };

  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const at = (k: keyof typeof NAMES) => path.join(work, NAMES[k]);
  const ff = (...args: string[]) =>
    run(ffmpeg.path, [...FFMPEG_QUIET, ...args], {
      maxBuffer: 16 * 1024 * 1024,
    });
  const sine = (seconds: number) => [
    '-f',
    'lavfi',
    '-t',
    String(seconds),
    '-i',
    'sine=frequency=330:sample_rate=44100',
  ];
  // A photo looped into a video input (its length set by -t).
  const still = (photo: string) => ['-loop', '1', '-i', photo];
  // Slow push-in with a drift to the right: a real camera move, not a still.
  const panZoom = (w: number, h: number, frames: number) =>
    `scale=${w * 2}:-2,zoompan=z='1.1+0.15*on/${frames}':x='iw/2-(iw/zoom/2)+on*2':y='ih/2-(ih/zoom/2)':d=1:s=${w}x${h}:fps=15,format=yuv420p`;

  await ff(
    ...still(FACE_LANDSCAPE),
    ...sine(3),
    '-t',
    '3',
    '-vf',
    panZoom(960, 540, 45),
    ...X264_FAST,
    '-crf',
    '23',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-shortest',
    at('faceH264'),
  );
  await ff('-i', at('faceH264'), ...X265_QUICKEST, ...HVC1, '-c:a', 'copy', at('faceHevc'));

  // Upright portrait turned 90° counter-clockwise into stored landscape; the matrix turns it back.
  await ff(
    ...still(FACE_PORTRAIT),
    '-t',
    '2',
    '-r',
    '15',
    '-vf',
    'scale=540:720,setsar=1,transpose=cclock,format=yuv420p',
    ...X264_FAST,
    at('rotated'),
  );

  await ff(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x360:r=15',
    '-t',
    '2',
    ...X264_FAST,
    '-pix_fmt',
    'yuv420p',
    '-metadata',
    'location=+48.8584+002.2945/',
    '-metadata',
    'creation_time=2023-07-14T10:22:05Z',
    at('gpsUtc'),
  );

  await ff(
    ...still(FACE_LANDSCAPE),
    ...sine(2),
    '-t',
    '2',
    '-vf',
    panZoom(640, 480, 30),
    ...X264_FAST,
    '-c:a',
    'aac',
    '-shortest',
    '-metadata',
    'creation_time=2023-07-14T10:22:05Z',
    at('appleMov'),
  );

  await ff('-i', FACE_LANDSCAPE, '-vf', 'scale=1008:-2', '-q:v', '3', at('liveStill'));
  await ff(
    ...still(FACE_LANDSCAPE),
    '-t',
    '2.5',
    '-vf',
    panZoom(640, 480, 38),
    ...X264_FAST,
    '-metadata',
    'creation_time=2023-07-14T10:22:05Z',
    at('liveMov'),
  );

  // Black until 1.5 s, then the photo; x264's default GOP leaves one keyframe, at 0.
  await ff(
    ...still(FACE_LANDSCAPE),
    '-t',
    '4',
    '-r',
    '15',
    '-vf',
    'scale=640:-2,format=yuv420p,fade=t=in:st=1.5:d=0.2',
    ...X264_FAST,
    at('startsBlack'),
  );

  copyFileSync(at('faceH264'), at('truncated'));
  truncateSync(at('truncated'), Math.floor(statSync(at('faceH264')).size * 0.6));
  writeFileSync(at('emptyMov'), '');
  await ff(...sine(2), '-c:a', 'aac', at('audioOnly'));
  copyFileSync(corpusPath('exif', 'gps', 'DSCN0010.jpg'), at('jpegNamedMp4'));
  await ff(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=64x64:r=1',
    '-t',
    '7200',
    ...X264_QUICKEST,
    '-pix_fmt',
    'yuv420p',
    at('hoursLong'),
  );
  await ff(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=3840x2160:r=10',
    '-t',
    '1',
    ...X264_QUICKEST,
    '-pix_fmt',
    'yuv420p',
    at('uhd'),
  );

  const tool = await exiftoolPath();
  const write = (file: string, args: string[]) =>
    run('perl', [tool, '-q', '-overwrite_original', ...args, file], { maxBuffer: 1024 * 1024 });
  await write(at('rotated'), ['-Rotation=90']);
  const appleKeys = [
    '-Keys:CreationDate=2023:07:14 19:22:05+09:00',
    '-Keys:GPSCoordinates=35.6586 N, 139.7454 E, 40 m',
    '-Keys:Make=Apple',
    '-Keys:Model=iPhone 12 Pro',
  ];
  await write(at('appleMov'), [
    ...appleKeys,
    '-Keys:ContentIdentifier=8E1D4C6B-2A53-4F7E-9C1A-0B6D5E4F3A21',
  ]);
  await write(at('liveMov'), [...appleKeys, `-Keys:ContentIdentifier=${LIVE_ID}`]);
  await write(at('liveStill'), [
    '-TagsFromFile',
    corpusPath('exif', 'formats', 'heic', 'ianare', 'IMG_5195.HEIC'),
    '-MakerNotes',
    '-Make',
    '-Model',
  ]);

  writeFileSync(path.join(work, 'done'), new Date().toISOString());
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another process finished first: use its copy
  }
  return { dir, ...files };
}
