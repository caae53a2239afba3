// Running a module in a worker thread: the indexing pool (piscina) and the one-shot workers that
// keep long CPU work (counting things, finding duplicates, clustering, checking a backup) off the
// main thread, which answers the gallery.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

/**
 * The JavaScript file a worker thread runs for module `name` next to `fromUrl` (an
 * `import.meta.url`). Worker threads need compiled JavaScript: when the caller itself runs from
 * TypeScript sources (tests under vitest), the file is taken from dist/, which `npm test` builds.
 */
export function workerScript(fromUrl: string, name: string): string {
  const here = fileURLToPath(fromUrl);
  const file = fileURLToPath(new URL(`./${name}.js`, fromUrl));
  if (!here.endsWith('.ts')) return file;
  const at = file.lastIndexOf(`${path.sep}src${path.sep}`);
  const dist = `${file.slice(0, at)}${path.sep}dist${file.slice(at)}`;
  if (!existsSync(dist)) {
    throw new Error(`compiled worker not found at ${dist}: run "npm run build" first`);
  }
  return dist;
}

export interface OneShotOptions {
  /** What the worker does, for error messages ("counting things"). */
  task: string;
  /** The worker's input (structured clone; `transferList` moves buffers instead of copying). */
  workerData?: unknown;
  transferList?: TransferListItem[];
  /** Heap limits of the worker (a large clustering pass needs more than the default). */
  resourceLimits?: ResourceLimits;
}

/**
 * Runs module `name` (next to `fromUrl`) once in a fresh worker thread: it reads `workerData`,
 * posts one message — its result — and ends. Rejects when it throws or exits without a result.
 * In the server every thread but the main one is reniced (server/priority.ts), these included.
 */
export function runInWorker<T>(fromUrl: string, name: string, opts: OneShotOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(workerScript(fromUrl, name), {
      workerData: opts.workerData,
      transferList: opts.transferList,
      resourceLimits: opts.resourceLimits,
    });
    let settled = false;
    worker.once('message', (result: T) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (settled) return;
      reject(new Error(`${opts.task} stopped (exit ${code}) without a result`));
    });
  });
}
