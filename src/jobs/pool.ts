import { createRequire } from 'node:module';
import os from 'node:os';
import type { Piscina } from 'piscina';
import { workerScript } from '../shared/worker-thread.js';
import { countTask, newTally, type TaskExecutor, type WorkerTally } from './executor.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

/** What every worker thread of the pool is started with (worker.ts reads it). */
export interface PoolWorkerData {
  /** libvips threads (sharp.concurrency): process-wide, so every worker sets the same. */
  vipsThreads: number;
}

export interface PoolOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
}

export function defaultWorkerCount(): number {
  const fromEnv = Number(process.env.PICTO_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, os.availableParallelism());
}

/** The worker-thread pool that runs photo tasks; the main thread never decodes. */
export class WorkerPool implements TaskExecutor {
  private readonly piscina: Piscina;
  readonly size: number;
  /** Tasks finished and crashed (a photo's own failures come back as outcomes, not here). */
  readonly tally: WorkerTally = newTally();

  constructor(opts: PoolOptions = {}) {
    this.size = opts.workers ?? defaultWorkerCount();
    // piscina loads (synchronously, its CommonJS build) with the first pool: a CLI command that
    // does not index never pays for it (see [Note: lazy start] in cli/main.ts).
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
    this.piscina = new Pool({
      filename: workerScript(import.meta.url, 'worker'),
      minThreads: this.size,
      maxThreads: this.size,
      idleTimeout: 60_000,
      // Bound each worker's heap growth from decoders and model runtimes.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      // [Note: libvips threads] One JPEG decode is sequential whatever libvips' thread count
      // (bench/FINDINGS.md §4): with a worker per core the cores are busy already, and more
      // libvips threads only contend with onnxruntime's. What cores the workers leave over go
      // to libvips (one worker on two cores: two threads).
      workerData: {
        vipsThreads: Math.max(1, Math.floor(os.availableParallelism() / this.size)),
      } satisfies PoolWorkerData,
    });
  }

  async run(task: PhotoTask): Promise<PhotoTaskResult> {
    try {
      const result = (await this.piscina.run(task)) as PhotoTaskResult;
      countTask(this.tally, true);
      return result;
    } catch (err) {
      countTask(this.tally, false);
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
