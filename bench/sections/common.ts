import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grainyPhotos } from '../generate.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
export const workers = Number(process.env.PICTO_WORKERS ?? os.availableParallelism());

export const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Portraits and scenes, so the AI stages meet faces and objects like in a real library.
const SOURCES = [
  'objects/coco128/images/000000000009.jpg',
  'faces/deepface/img1.jpg',
  'objects/coco128/images/000000000025.jpg',
  'faces/face_recognition/two_people.jpg',
  'objects/coco128/images/000000000030.jpg',
  'faces/face-api/bbt1.jpg',
  'objects/coco128/images/000000000036.jpg',
  'exif/gps/DSCN0010.jpg',
  'objects/coco128/images/000000000042.jpg',
  'exif/orientation/recurser/Portrait_6.jpg',
];

/** The benchmark's 12 MP grainy JPEGs (generated once, cached outside the checkout). */
export async function benchPhotos(count: number): Promise<string[]> {
  log(`${count} grainy 12 MP JPEGs (generated once, then cached)…`);
  return grainyPhotos(
    SOURCES.map((s) => path.join(corpus, s)),
    count,
  );
}
