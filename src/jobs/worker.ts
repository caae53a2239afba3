// Runs inside a piscina worker thread: plain data in, plain data out, no database. The stages'
// worker halves (decoders, models, the OCR engine) load on first use (pipeline.ts).
import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { PoolWorkerData } from './pool.js';
import { PIPELINE, STAGE_NAMES, VISIBLE_PRIORITY } from './pipeline.js';
import { runStages } from './worker-stages.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

// [Note: libvips threads] in pool.ts.
sharp.concurrency((workerData as Partial<PoolWorkerData> | null)?.vipsThreads ?? 1);

// The visible step's modules (~100 ms to load) load as soon as the thread starts: the pool starts
// with the runner, before the scan has found the first photo, so they are ready when it comes
// instead of delaying the first thumbnail. Loading is all this does: a failure surfaces where the
// stage loads the module itself.
for (const name of STAGE_NAMES) {
  const stage = PIPELINE[name];
  if (stage.priority >= VISIBLE_PRIORITY) void stage.work().catch(() => {});
}

export default async function run(task: PhotoTask): Promise<PhotoTaskResult> {
  const t0 = performance.now();
  const outcomes = await runStages(task);
  return { photoId: task.photoId, outcomes, ms: performance.now() - t0 };
}
