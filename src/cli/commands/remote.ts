import os from 'node:os';
import type { Command } from 'commander';
import { PictoError } from '../../shared/errors.js';
import type { QueueState, WorkerInfo } from '../../shared/work-api.js';
import { withPicto, type GlobalOptions } from '../context.js';

// Scale-out commands (issue 17): the token a worker needs, and the worker itself. The Redis and
// BullMQ modules load only inside `picto worker` (and `serve --queue`), never for other commands.

interface WorkerCliOptions {
  queue?: string;
  server?: string;
  token?: string;
  concurrency?: string;
}

function positive(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new PictoError('usage', `${name} must be a whole number from 1 to 256, got "${text}"`);
  return n;
}

function required(value: string | undefined, option: string, env: string): string {
  if (!value) throw new PictoError('usage', `picto worker needs ${option} (or $${env})`);
  return value;
}

export function registerRemoteCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('token')
    .description('print the access token other machines (browsers, remote workers) need')
    .action(async () => {
      await withPicto(globals(), async (picto) => {
        process.stdout.write(`${picto.accessToken()}\n`);
      });
    });

  program
    .command('worker')
    .description('analyse photos for a Picto on another machine (takes jobs from its Redis queue)')
    .option(
      '--queue <url>',
      "the primary's Redis: redis://[:password@]host[:port][/db] (or $PICTO_QUEUE)",
    )
    .option(
      '--server <url>',
      "the primary's address, e.g. http://nas.local:4790 (or $PICTO_SERVER)",
    )
    .option(
      '--token <token>',
      'the primary\'s access token, from "picto token" there (or $PICTO_TOKEN)',
    )
    .option('--concurrency <n>', 'photos at once (default: one per core)')
    .action(async (opts: WorkerCliOptions) => {
      const queue = required(opts.queue ?? process.env.PICTO_QUEUE, '--queue', 'PICTO_QUEUE');
      const server = required(opts.server ?? process.env.PICTO_SERVER, '--server', 'PICTO_SERVER');
      const token = required(opts.token ?? process.env.PICTO_TOKEN, '--token', 'PICTO_TOKEN');
      let url: URL;
      try {
        url = new URL(server);
      } catch {
        throw new PictoError('usage', `--server must be an http:// address, got "${server}"`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new PictoError('usage', `--server must be an http:// address, got "${server}"`);
      const { parseQueueUrl } = await import('../../remote/queue-url.js');
      parseQueueUrl(queue);
      const concurrency = positive(
        opts.concurrency,
        '--concurrency',
        Math.max(1, os.availableParallelism()),
      );
      const lockMs = Number(process.env.PICTO_QUEUE_LOCK_MS) || undefined;
      const { runWorker } = await import('../../remote/worker.js');
      await runWorker({ queue, server: url.origin, token, concurrency, lockMs });
    });
}

/** `picto status` lines for the workers of a running server. */
export function workerLines(workers: WorkerInfo[], queue: QueueState | undefined): string[] {
  const out: string[] = [];
  if (queue) {
    const since = new Date(queue.since).toLocaleTimeString();
    out.push(
      queue.state === 'connected'
        ? `Queue: ${queue.url} (connected)`
        : `Queue: ${queue.url} ${queue.state} since ${since}${queue.error ? ` (${queue.error})` : ''}` +
            (queue.state === 'unreachable'
              ? queue.localWorkers
                ? '; indexing on this machine meanwhile'
                : '; waiting for it (no local workers)'
              : ''),
    );
  }
  if (workers.length) out.push('Workers:');
  for (const w of workers) {
    const what = w.kind === 'local' ? 'this machine' : w.host;
    const state = w.online ? '' : '  [offline]';
    const rate = w.rate > 0 ? `, ${w.rate.toFixed(2)} tasks/s` : '';
    out.push(
      `  ${w.id.padEnd(12)} ${what}, ${w.concurrency} at a time: ${w.done} tasks done, ${w.failed} failed${rate}${state}` +
        (w.error ? `\n      ${w.error}` : ''),
    );
  }
  return out;
}
