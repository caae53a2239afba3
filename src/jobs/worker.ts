// Runs inside a piscina worker thread: plain data in, plain data out, no database. The stages'
// worker halves (decoders, models, the OCR engine) load on first use (pipeline.ts).
import { runStages } from './worker-stages.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

export default async function run(task: PhotoTask): Promise<PhotoTaskResult> {
  const t0 = performance.now();
  const outcomes = await runStages(task);
  return { photoId: task.photoId, outcomes, ms: performance.now() - t0 };
}
