// [Note: Remote workers]
//
// Where the queue sits. The catalogue's `jobs` table stays the truth about what is to do: the
// runner claims photos from it under its lease, exactly as without a queue, and hands each task
// to an executor. With `--queue` that executor is MixedExecutor (mixed.ts): this machine's
// worker threads plus RemoteExecutor (publisher.ts), which publishes the task as a BullMQ job on
// Redis and gives the runner the job's return value once it is back. BullMQ is transport: it
// holds a copy of tasks in flight, never the only copy of anything. Results are applied by the
// runner through the same appliers, in the same batched transactions, as local ones; the
// primary is still the only writer, and the workers have no catalogue and share no disk.
//
//   jobs table ─claim─► runner ─► MixedExecutor ─┬─► WorkerPool (threads here)
//        ▲                                        └─► RemoteExecutor ─► Redis (BullMQ) ─► picto worker
//        └── apply.ts ◄── checked result ◄── intake.ts ◄── return value + files ◄──────────┘
//                                                         (the worker fetches the original over
//                                                          HTTP: GET /api/work/{id}/original)
//
// Idempotence. A job's id is derived from the photo, its content hash, its stages and their
// versions, and the attempt (jobs.ts): publishing a task again is a no-op while its job is in
// Redis, and finds its result if it already finished. So:
//   - the primary restarts: leases of the dead process are taken back, the tasks are claimed and
//     published again under the same ids, and results that finished meanwhile are collected;
//   - Redis loses jobs (flushed, restarted empty): the sweep sees the job gone and publishes it
//     again; a worker that was running it fails to complete it (BullMQ's lock is gone);
//   - a worker is killed: its lock runs out, BullMQ's stalled-job check gives the job to another
//     worker; after too many stalls or failures BullMQ fails it, and the runner records the
//     failure like a local crash (retried up to its attempts, then failed with the error);
//   - a result is applied once: the runner writes only stages it still holds under its lease, in
//     the transaction that marks them done, so a second copy of a result, or one for a photo that
//     changed (the scan queued it again) or left, is dropped.
// What comes back is checked before it is written (intake.ts, jobs/result-schemas.ts): the
// photo id and content hash of the job, exactly its stages, each outcome of its stage's type and
// version, files that are the images they claim to be. A rejected result is logged, counted
// against the worker and fails the task, which is then retried.
//
// Versions. Jobs carry each stage's version; a worker checks them against its own build at start
// (the /api/work/info handshake) and on every job, and refuses rather than return results of
// other models. Models are verified by hash on the worker as they are here (ml/model-store.ts).

import type { ExecutorParts, Executor } from '../app/picto.js';
import { WorkerPool } from '../jobs/pool.js';
import { QueueConnection } from './connection.js';
import { MixedExecutor } from './mixed.js';
import { RemoteExecutor } from './publisher.js';
import { parseQueueUrl } from './queue-url.js';
import { WorkerRegistry } from './registry.js';
import { remoteStageVersions } from './work-service.js';

export interface PrimaryOptions {
  /** redis://[:password@]host[:port][/db] */
  url: string;
  log?: (line: string) => void;
  /** Tests shorten the sweeps and the take-back delay. */
  sweepMs?: number;
  takeBackMs?: number;
}

export interface Primary extends Executor {
  remote: RemoteExecutor;
}

/** The executor of `picto serve --queue`: local threads (unless --workers 0) and the queue. */
export function startPrimary(parts: ExecutorParts, opts: PrimaryOptions): Primary {
  const log = opts.log ?? ((line: string) => process.stderr.write(`picto: ${line}\n`));
  const address = parseQueueUrl(opts.url);
  const conn = new QueueConnection(address, log);
  const queueName = parts.work.queueName();
  const registry = new WorkerRegistry(queueName, remoteStageVersions());
  const remote = new RemoteExecutor({
    conn,
    queueName,
    registry,
    thumbDir: parts.thumbDir,
    log,
    sweepMs: opts.sweepMs,
  });
  const mixed = new MixedExecutor({
    local: parts.local,
    // With --workers 0 the stages only this machine can run (sidecars, video posters) keep one
    // thread ([Note: stages that stay here] in mixed.ts).
    here: parts.local ?? new WorkerPool({ workers: 1 }),
    remote,
    conn,
    registry,
    work: parts.work,
    log,
    takeBackMs: opts.takeBackMs,
  });
  return Object.assign(mixed, { remote });
}
