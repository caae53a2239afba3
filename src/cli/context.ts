import type { Picto } from '../app/picto.js';
import { PictoError } from '../shared/errors.js';
import { ProgressView } from './progress.js';

export interface GlobalOptions {
  data?: string;
  workers?: string;
}

/**
 * Opens the catalogue for one command and always closes it, even when the command fails.
 * `indexes`: the command is about to index (`add --wait` of a folder with files in it), so its
 * worker threads start before the app loads ([Note: workers first] in app/workers-first.ts).
 */
export async function withPicto<T>(
  opts: GlobalOptions & { indexes?: boolean },
  fn: (picto: Picto) => Promise<T>,
): Promise<T> {
  const workers = opts.workers ? Number(opts.workers) : undefined;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    throw new PictoError(
      'usage',
      `--workers must be a positive whole number, got "${opts.workers}"`,
    );
  }
  // The app (catalogue, services) loads here, not when the command line is parsed: `--help` and a
  // usage error never pay for it. See [Note: lazy start] in main.ts.
  const pool = opts.indexes
    ? (await import('../app/workers-first.js')).startWorkers(workers)
    : undefined;
  let picto: Picto;
  try {
    const { Picto } = await import('../app/picto.js');
    picto = new Picto({ dataDir: opts.data, workers, pool });
  } catch (e) {
    // The threads would keep the process alive.
    await pool?.close();
    throw e;
  }
  try {
    return await fn(picto);
  } finally {
    await picto.close();
  }
}

/** Runs every queued job to the end with a progress display (the --wait of add and scan). */
export async function indexUntilDone(picto: Picto, quiet: boolean): Promise<void> {
  const view = new ProgressView(process.stderr, quiet);
  view.attach(picto.events);
  try {
    picto.runner.start();
    await picto.runner.drain();
  } finally {
    view.detach();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
