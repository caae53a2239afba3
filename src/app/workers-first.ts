// [Note: workers first] A worker thread takes ~0.25 s of CPU before it can take a photo (node's
// start, sharp and the visible step's modules: worker.ts), and the main thread ~0.2 s to load the
// app and open the catalogue before the runner would create the pool. On two cores the main
// thread's start-up leaves one core idle, so a command that is about to index (`add --wait` of a
// folder with something in it) starts the threads first, here, and hands them to Picto
// (PictoOptions.pool): they load while the app does. Not for a command that usually finds nothing
// to do (`scan --wait` of an unchanged library, `add --wait` of an empty folder): there the
// threads' loading would only take CPU from the main thread (the runner still starts them when
// it starts). This module loads only the pool (and piscina), nothing of the app.

import { WorkerPool } from '../jobs/pool.js';

/** This process's worker pool, started now; Picto adopts it and closes it. */
export function startWorkers(workers?: number): WorkerPool {
  return new WorkerPool({ workers });
}
