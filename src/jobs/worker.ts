// Runs inside a piscina worker thread: plain data in, plain data out, no database. The stages'
// worker halves (decoders, models, the OCR engine) load on first use (pipeline.ts).
import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { PoolWorkerData } from './pool.js';
import { runStages } from './worker-stages.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

// [Note: libvips threads] in pool.ts.
sharp.concurrency((workerData as Partial<PoolWorkerData> | null)?.vipsThreads ?? 1);

export default async function run(task: PhotoTask): Promise<PhotoTaskResult> {
  const t0 = performance.now();
  const outcomes = await runStages(task);
  return { photoId: task.photoId, outcomes, ms: performance.now() - t0 };
}
