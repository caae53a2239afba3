import os from 'node:os';
import { Piscina } from 'piscina';
import { workerScript } from '../shared/worker-thread.js';
import { countTask, newTally, type TaskExecutor, type WorkerTally } from './executor.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

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
    this.piscina = new Piscina({
      filename: workerScript(import.meta.url, 'worker'),
      minThreads: this.size,
      maxThreads: this.size,
      idleTimeout: 60_000,
      // Bound each worker's heap growth from decoders and model runtimes.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
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
