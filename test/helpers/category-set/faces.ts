// Face photos for the labelled set, as copies in the set's temp directory only (face photos are
// never copied into the project): single-subject corpus photos with front- or back-camera EXIF
// (selfie or not; portrait as judged by eye), collages of three to six of them (group), the
// corpus's own group photos and couples.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { mulberry32 } from '../../../src/shared/random.js';
import { corpusPath } from '../corpus.js';
import { CAMERAS, captureTags, type CameraProfile, type ExifWriter } from './exif.js';
import type { LabelledPhoto } from './types.js';

/**
 * [Note: portrait labels by eye] "One large face" was judged on a contact sheet, not by any
 * detector: head-and-shoulders or closer is a portrait; a person small in the frame (full body,
 * on stage) is not; in between is left unjudged (either answer is accepted).
 */
const HEADSHOTS = [
  ...[1, 10, 11, 12, 18, 19, 2, 20, 21, 23, 24, 25, 28, 29, 3, 30, 32, 33, 35, 39, 4, 41, 42]
    .concat([44, 45, 46, 47, 48, 49, 5, 50, 51, 53, 6, 61, 7, 8, 9])
    .map((n) => `deepface/img${n}.jpg`),
  'deepface/img11_reflection.jpg',
  'face_recognition/alex-lacamoire.png',
  'face_recognition/alex_lacamoire_img1.jpg',
  'face_recognition/biden2.jpg',
  'face_recognition/kit_harington_john2.jpeg',
  'face_recognition/lin-manuel-miranda.png',
  'face_recognition/obama1.jpg',
  'face_recognition/rose_leslie_img1.jpg',
  'face_recognition/rose_leslie_img2.jpg',
  'openface/adams.jpg',
  'openface/carell.jpg',
  'openface/clapton-1.jpg',
  'openface/clapton-2.jpg',
  'openface/lennon-1.jpg',
  'openface/lennon-2.jpg',
  'facenet/Anthony_Hopkins_0001.jpg',
  'facenet/Anthony_Hopkins_0002.jpg',
  'facenet-pytorch/angelina_jolie_1.jpg',
  'facenet-pytorch/paul_rudd_1.jpg',
];

/** One person, small in the frame: not a portrait. */
const SMALL_FACES = [
  ...[13, 14, 27, 36, 37, 43, 57, 58, 59, 67].map((n) => `deepface/img${n}.jpg`),
  'face_recognition/biden.jpg',
  'face_recognition/kit_harington_john1.jpeg',
  'face_recognition/obama3.jpg',
];

/** One person, face neither clearly large nor small: portrait unjudged. */
const MIDDLING = [
  ...[15, 16, 17, 22, 26, 31, 34, 38, 40, 54, 55, 56, 62].map((n) => `deepface/img${n}.jpg`),
  'face_recognition/johnsnow_test1.jpg',
  'face_recognition/obama.jpg',
  'facenet-pytorch/kate_siegel_1.jpg',
];

const GROUPS = [
  'face-api/bbt1.jpg',
  'face-api/bbt2.jpg',
  'face-api/bbt3.jpg',
  'face-api/bbt4.jpg',
  'face-api/bbt5.jpg',
  'facenet-pytorch/multiface.jpg',
  'deepface/selfie-many-people.jpg',
  'face_recognition/obama_and_biden.jpg',
];

const COUPLES = [
  'deepface/couple.jpg',
  'face_recognition/two_people.jpg',
  'face_recognition/kit_with_rose.jpg',
  'openface/longoria-cooper.jpg',
];

const FRONT: CameraProfile[] = [CAMERAS.iphone12Front, CAMERAS.iphoneXFront, CAMERAS.pixelFront];
const BACK: CameraProfile[] = [
  CAMERAS.iphone12Back,
  CAMERAS.iphoneXBack,
  CAMERAS.pixelBack,
  CAMERAS.canon,
];

const NOT_SCENES = { screenshot: false, document: false, panorama: false, night: false } as const;

/** The copy as a JPEG (PNG originals too: phones write JPEG or HEIC), with the given EXIF. */
async function cameraCopy(
  src: string,
  file: string,
  exif: ExifWriter,
  tags: Record<string, unknown>,
): Promise<void> {
  // Re-encoded rather than copied: some corpus ".jpg" files are WebP inside, some carry broken
  // EXIF that exiftool refuses to rewrite. The copy starts with no metadata but ours.
  const jpeg = await sharp(corpusPath('faces', src))
    .rotate()
    .removeAlpha()
    .jpeg({ quality: 92 })
    .toBuffer();
  writeFileSync(file, jpeg);
  await exif.write(file, tags);
}

const dayTime = (i: number) => ({
  local: `2023:0${1 + (i % 9)}:${String(10 + (i % 18)).padStart(2, '0')} ${String(10 + (i % 7)).padStart(2, '0')}:1${i % 10}:00`,
  offset: '+02:00',
  iso: 40 + (i % 4) * 60,
  exposure: 1 / (60 + (i % 3) * 60),
});

export async function buildFacePhotos(dir: string, exif: ExifWriter): Promise<LabelledPhoto[]> {
  const out: LabelledPhoto[] = [];
  const singles = [
    ...HEADSHOTS.map((f) => [f, true] as const),
    ...SMALL_FACES.map((f) => [f, false] as const),
    ...MIDDLING.map((f) => [f, undefined] as const),
  ];
  for (const [i, [src, portrait]] of singles.entries()) {
    // Alternate front and back cameras, so both kinds meet every kind of face.
    const front = i % 2 === 0;
    const camera = front ? FRONT[(i / 2) % FRONT.length] : BACK[((i - 1) / 2) % BACK.length];
    const file = path.join(dir, `${front ? 'selfie' : 'back'}-${String(i).padStart(3, '0')}.jpg`);
    await cameraCopy(src, file, exif, captureTags(camera, dayTime(i)));
    const expect: LabelledPhoto['expect'] = { selfie: front, group: false, ...NOT_SCENES };
    if (portrait !== undefined) expect.portrait = portrait;
    out.push({
      file,
      group: front ? 'face-front-camera' : 'face-back-camera',
      note: `${src} (${camera.LensModel ?? camera.Model})`,
      expect,
    });
  }
  for (const [i, src] of GROUPS.entries()) {
    const file = path.join(dir, `group-${i}.jpg`);
    await cameraCopy(src, file, exif, captureTags(BACK[i % BACK.length], dayTime(i)));
    out.push({
      file,
      group: 'group-photo',
      note: src,
      expect: { group: true, portrait: false, selfie: false, ...NOT_SCENES },
    });
  }
  for (const [i, src] of COUPLES.entries()) {
    const file = path.join(dir, `couple-${i}.jpg`);
    await cameraCopy(src, file, exif, captureTags(BACK[i % BACK.length], dayTime(i)));
    out.push({
      file,
      group: 'couple',
      note: src,
      expect: { group: false, portrait: false, selfie: false, ...NOT_SCENES },
    });
  }
  for (let i = 0; i < 20; i++) out.push(await collage(dir, i));
  return out;
}

/** 3–6 headshots tiled on a light backdrop, as collage apps make them (no camera EXIF). */
async function collage(dir: string, i: number): Promise<LabelledPhoto> {
  const r = mulberry32(1300 + i);
  const n = 3 + (i % 4);
  const cols = n <= 3 ? 3 : n === 4 ? 2 : 3;
  const rows = Math.ceil(n / cols);
  const tile = 560;
  const gap = 16 + Math.floor(r() * 24);
  const width = cols * tile + (cols + 1) * gap;
  const height = rows * tile + (rows + 1) * gap;
  const picks = new Set<string>();
  while (picks.size < n) picks.add(HEADSHOTS[Math.floor(r() * HEADSHOTS.length)]);
  const tiles = await Promise.all(
    [...picks].map(async (src, k) => ({
      input: await sharp(corpusPath('faces', src))
        .rotate()
        .resize(tile, tile, { fit: 'cover', position: 'north' })
        .removeAlpha()
        .toBuffer(),
      left: gap + (k % cols) * (tile + gap),
      top: gap + Math.floor(k / cols) * (tile + gap),
    })),
  );
  const shade = 225 + Math.floor(r() * 30);
  const file = path.join(dir, `collage-${i}.jpg`);
  await sharp({
    create: { width, height, channels: 3, background: { r: shade, g: shade - 8, b: shade - 16 } },
  })
    .composite(tiles)
    .jpeg({ quality: 90 })
    .toFile(file);
  return {
    file,
    group: 'group-collage',
    note: `${n} headshots: ${[...picks].join(', ')}`,
    expect: { group: true, portrait: false, selfie: false, ...NOT_SCENES },
  };
}
