// ML benchmark: per-stage milliseconds on given RawImages, on one thread (the cost one worker
// pays per photo), and the runtime of each stage. bench/main.ts imports `benchMl`; run alone:
//   node dist/bench/ml.js [count]        (decodes corpus photos like the media pipeline does)

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { toRgb } from '../src/media/decode.js';
import type { RawImage } from '../src/media/types.js';
import {
  createAnalyzer,
  emptyStageTimings,
  type AnalyzerOptions,
  type Runtime,
  type Stage,
  type StageTimings,
} from '../src/ml/index.js';

export interface StageStats {
  meanMs: number;
  medianMs: number;
  p95Ms: number;
}

export interface MlBenchResult {
  photos: number;
  faces: number;
  objects: number;
  /** Per photo, one thread: prepare (pyramid), objects, faceDetect, landmarks (+ alignment), embedding, total. */
  stages: Record<keyof StageTimings | 'total', StageStats>;
  /** Photos per second of ML on one thread (1000 / mean total). */
  photosPerSecondOneThread: number;
  /**
   * Process CPU time (user + system) per photo. On a shared machine wall-clock stage times grow
   * with other jobs' load; CPU time is what a photo costs a free core.
   */
  cpuMsPerPhoto: number;
  runtimes: Record<Stage, Runtime>;
  modelVersions: Record<Stage, string>;
}

const stats = (xs: number[]): StageStats => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    meanMs: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
    medianMs: r(at(0.5)),
    p95Ms: r(at(0.95)),
  };
};

/** Runs every image through one analyzer (after `warmup` untimed photos) and reports per-stage cost. */
export async function benchMl(
  images: RawImage[],
  opts: AnalyzerOptions & { warmup?: number } = {},
): Promise<MlBenchResult> {
  const analyzer = await createAnalyzer({ threads: 1, ...opts });
  try {
    for (const img of images.slice(0, opts.warmup ?? 2)) await analyzer.analyze(img);
    const per: StageTimings[] = [];
    let faces = 0;
    let objects = 0;
    const cpu0 = process.cpuUsage();
    for (const img of images) {
      const r = await analyzer.analyze(img);
      per.push(r.timings);
      faces += r.faces.length;
      objects += r.objects.length;
    }
    const cpu = process.cpuUsage(cpu0);
    const keys = Object.keys(emptyStageTimings()) as (keyof StageTimings)[];
    const totals = per.map((t) => keys.reduce((s, k) => s + t[k], 0));
    const stages = Object.fromEntries([
      ...keys.map((k) => [k, stats(per.map((t) => t[k]))]),
      ['total', stats(totals)],
    ]) as MlBenchResult['stages'];
    return {
      photos: images.length,
      faces,
      objects,
      stages,
      photosPerSecondOneThread: Math.round(10000 / stages.total.meanMs) / 10,
      cpuMsPerPhoto: Math.round((cpu.user + cpu.system) / 100 / images.length) / 10,
      runtimes: analyzer.runtimes,
      modelVersions: analyzer.modelVersions,
    };
  } finally {
    await analyzer.close();
  }
}

/**
 * Decodes like the media pipeline: EXIF-oriented RGB, long side ≤ 1440 px (the tests' decoder too,
 * test/ml/corpus-images.ts).
 */
export async function decodeForMl(input: Buffer | string, maxSide = 1440): Promise<RawImage> {
  const { data, info } = await sharp(input)
    .rotate()
    .removeAlpha()
    .toColourspace('srgb')
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toRgb(data, info.width, info.height, info.channels);
}

/** A mixed sample of corpus photos: faces (portraits, groups) and objects (COCO scenes). */
export function corpusSample(corpusRoot: string, count: number): string[] {
  const list = (dir: string) =>
    readdirSync(path.join(corpusRoot, dir))
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()
      .map((f) => path.join(corpusRoot, dir, f));
  const faces = [
    ...list('faces/deepface'),
    ...list('faces/face-api').filter((f) => f.includes('bbt')),
    ...list('faces/face_recognition'),
  ];
  const objects = list('objects/coco128/images');
  const out: string[] = [];
  for (let i = 0; out.length < count && (i < faces.length || i < objects.length); i++) {
    if (i < objects.length) out.push(objects[i]);
    if (i < faces.length && out.length < count) out.push(faces[i]);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
  const files = corpusSample(corpus, Number(process.argv[2] ?? 60));
  const images: RawImage[] = [];
  for (const f of files) images.push(await decodeForMl(f));
  console.log(JSON.stringify(await benchMl(images), null, 2));
}
