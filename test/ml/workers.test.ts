// Two analyzers in two worker threads at once (the pipeline runs 2 workers × 1 thread): both
// load, run concurrently, and agree with an analyzer on the main thread.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';
import { decodeCorpus } from './corpus-images.js';
import { createAnalyzer, faceDistance, type Analysis } from '../../src/ml/index.js';
import { ensureModels } from './models.js';

const distModule = path.join(repoRoot, 'dist', 'src', 'ml', 'index.js');
const built = existsSync(distModule);
if (!built)
  console.warn(
    `\n*** NOTICE: ${distModule} missing (run "npm run build"); worker-thread test SKIPPED ***\n`,
  );

interface Reply {
  ok?: boolean;
  ready?: boolean;
  result?: Analysis;
  runtimes?: Record<string, string>;
  error?: string;
}

function startWorker(): Promise<Worker> {
  const w = new Worker(new URL('./fixtures/analyze-worker.mjs', import.meta.url), {
    workerData: { moduleUrl: pathToFileURL(distModule).href },
  });
  return new Promise((resolve, reject) => {
    w.once('message', (m: Reply) =>
      m.ready ? resolve(w) : reject(new Error('worker did not start')),
    );
    w.once('error', reject);
  });
}

const ask = (w: Worker, img: unknown): Promise<Reply> =>
  new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage(img);
  });

describe.skipIf(!hasCorpus || !built)('analyzers in worker threads', () => {
  it('two workers analyse concurrently and agree with the main thread', async () => {
    ensureModels();
    const img = await decodeCorpus('faces', 'face-api', 'bbt4.jpg');
    const main = await createAnalyzer();
    const expected = await main.analyze(img);
    await main.close();

    const workers = await Promise.all([startWorker(), startWorker()]);
    try {
      const replies = await Promise.all(workers.map((w) => ask(w, img)));
      for (const r of replies) {
        expect(r.error).toBeUndefined();
        expect(r.runtimes).toEqual({
          objects: 'onnxruntime',
          faceDetect: 'onnxruntime',
          faceLandmarks: 'onnxruntime',
          faceEmbed: 'onnxruntime',
        });
        const got = r.result!;
        expect(got.objects.map((o) => o.label)).toEqual(expected.objects.map((o) => o.label));
        expect(got.faces).toHaveLength(expected.faces.length);
        got.faces.forEach((f, i) => {
          expect(f.embedding).toBeInstanceOf(Float32Array);
          expect(faceDistance(f.embedding, expected.faces[i].embedding)).toBeLessThan(1e-6);
        });
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  });
});
