// Runs inside a piscina worker thread: plain data in, plain data out, no database.
import { runStages } from './worker-stages.js';
import './worker-ai.js';
// Similarity signatures and text in photos (search and discovery).
import '../search/stages/worker.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

export default async function run(task: PhotoTask): Promise<PhotoTaskResult> {
  const t0 = performance.now();
  const outcomes = await runStages(task);
  return { photoId: task.photoId, outcomes, ms: performance.now() - t0 };
}
