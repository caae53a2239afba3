// Throughput of ML alone as the pipeline runs it: N worker threads × 1 onnxruntime thread, each
// with its own Analyzer, photos handed out as workers free up. Reports photos/s and peak RSS.
//   node dist/bench/ml-workers.js [count] [workers]

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawImage } from '../src/media/types.js';
import { corpusSample, decodeForMl } from './ml.js';

export interface MlThroughput {
  workers: number;
  photos: number;
  seconds: number;
  photosPerSecond: number;
  /** Peak resident memory of the whole process (main + workers), MB. */
  peakRssMb: number;
}

export async function mlThroughput(images: RawImage[], workers = 2): Promise<MlThroughput> {
  const pool = await Promise.all(
    Array.from({ length: workers }, () => {
      const w = new Worker(new URL('./ml-worker.js', import.meta.url));
      return new Promise<Worker>((resolve, reject) => {
        w.once('message', () => resolve(w));
        w.once('error', reject);
      });
    }),
  );
  // Warm-up: every worker analyses one photo before the clock starts.
  await Promise.all(pool.map((w, i) => run(w, images[i % images.length])));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (w) => {
      while (next < images.length) await run(w, images[next++]);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const w of pool) w.postMessage('close');
  await Promise.all(pool.map((w) => new Promise((r) => w.once('exit', r))));
  return {
    workers,
    photos: images.length,
    seconds: Math.round(seconds * 100) / 100,
    photosPerSecond: Math.round((images.length / seconds) * 10) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function run(w: Worker, img: RawImage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      w.off('error', onError);
      resolve(m);
    };
    const onError = (e: Error) => {
      w.off('message', onMessage);
      reject(e);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(img);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const corpus = path.resolve(repoRoot, process.env.PICTO_CORPUS ?? '../shared/corpus');
  const images: RawImage[] = [];
  for (const f of corpusSample(corpus, Number(process.argv[2] ?? 60)))
    images.push(await decodeForMl(f));
  console.log(JSON.stringify(await mlThroughput(images, Number(process.argv[3] ?? 2)), null, 2));
}
