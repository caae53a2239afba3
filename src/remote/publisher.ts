// The primary's half of the queue: claimed photo tasks go out as BullMQ jobs and come back as
// their return values ([Note: Remote workers] in primary.ts says why it is built this way).
//
// Every task the runner handed over stays in `pending` until it settles, one of three ways:
//   - completed: the return value and the files stored with it are checked (intake.ts), the
//     files are written to the thumbnail store, and the result goes back to the runner, which
//     applies it in its batched transaction; a rejected result fails the task (retried).
//   - failed: BullMQ gave up (attempts, stalled too often, a worker refused it): the task fails
//     with BullMQ's reason, as a crashed local worker's would.
//   - lost: Redis no longer has the job (flushed, restarted without persistence): it is
//     published again under the same id.
// Events (QueueEvents) make this prompt; a sweep every few seconds makes it certain (events are
// missed while disconnected). The job and its files are removed from Redis once collected.

import path from 'node:path';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { TaskAbandoned } from '../jobs/executor.js';
import type { PhotoTask, PhotoTaskResult } from '../jobs/task.js';
import { thumbnailPaths, writeAtomic } from '../media/index.js';
import { blockingOptions, type QueueConnection } from './connection.js';
import { checkReturn, type Intake } from './intake.js';
import {
  fileKey,
  JOB_NAME,
  KEEP_SECONDS,
  taskJob,
  taskJobId,
  type DerivedFile,
  type TaskJob,
} from './jobs.js';
import type { WorkerRegistry } from './registry.js';

interface Pending {
  task: PhotoTask;
  job: TaskJob;
  jobId: string;
  published: boolean;
  resolve: (r: PhotoTaskResult) => void;
  reject: (e: unknown) => void;
}

export interface Handback {
  task: PhotoTask;
  resolve: (r: PhotoTaskResult) => void;
  reject: (e: unknown) => void;
}

export interface RemoteDeps {
  conn: QueueConnection;
  queueName: string;
  registry: WorkerRegistry;
  thumbDir: string;
  log: (line: string) => void;
  /** How often to sweep pending tasks and read heartbeats. */
  sweepMs?: number;
}

/** Bytes that went through the queue for accepted results (the benchmark reads it). */
export interface Traffic {
  results: number;
  /** Originals the workers fetched over HTTP. */
  originalBytes: number;
  /** Return values (JSON) and derived files (thumbnail, preview). */
  resultBytes: number;
  fileBytes: number;
}

const DERIVED: DerivedFile[] = ['thumb', 'preview'];

export class RemoteExecutor {
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly pending = new Map<string, Pending>();
  private readonly busy = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private sweeping = false;
  private trimmedAt = 0;
  readonly traffic: Traffic = { results: 0, originalBytes: 0, resultBytes: 0, fileBytes: 0 };

  constructor(private readonly deps: RemoteDeps) {
    const { conn, queueName } = deps;
    // Connection problems are reported once, by QueueConnection: the queue's own error events
    // would repeat them on every reconnection attempt.
    this.queue = new Queue(queueName, {
      connection: conn.client,
      streams: { events: { maxLen: 2000 } },
    });
    this.queue.on('error', () => undefined);
    this.events = new QueueEvents(queueName, { connection: blockingOptions(conn.address) });
    this.events.on('error', () => undefined);
    this.events.on('completed', ({ jobId }) => void this.settle(jobId));
    this.events.on('failed', ({ jobId }) => void this.settle(jobId));
    conn.onReady(() => void this.sweep());
    this.timer = setInterval(() => void this.sweep(), deps.sweepMs ?? 2000);
    this.timer.unref();
  }

  /** Tasks the live remote workers can take at once (0 while Redis is unreachable). */
  capacity(): number {
    return this.deps.conn.connected ? this.deps.registry.liveConcurrency() : 0;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  run(task: PhotoTask): Promise<PhotoTaskResult> {
    const job = taskJob(task);
    const jobId = taskJobId(job, task.attempt ?? 0);
    return new Promise<PhotoTaskResult>((resolve, reject) => {
      const p: Pending = { task, job, jobId, published: false, resolve, reject };
      this.pending.set(jobId, p);
      void this.publish(p);
    });
  }

  private async publish(p: Pending): Promise<void> {
    if (!this.deps.conn.connected || this.busy.has(p.jobId)) return;
    this.busy.add(p.jobId);
    try {
      // A job with this id already in Redis (published before the primary restarted) is kept
      // as it is: BullMQ ignores the add, and the sweep below collects it when it is done.
      await this.queue.add(JOB_NAME, p.job, {
        jobId: p.jobId,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: KEEP_SECONDS },
        removeOnFail: { age: KEEP_SECONDS },
      });
      p.published = true;
    } catch {
      // Redis went away meanwhile: the sweep after reconnecting publishes it.
    } finally {
      this.busy.delete(p.jobId);
    }
    if (p.published) await this.settle(p.jobId);
  }

  /** Looks at one pending task's job and settles it if it is finished or gone. */
  private async settle(jobId: string): Promise<void> {
    const p = this.pending.get(jobId);
    if (!p || !p.published || this.busy.has(jobId)) return;
    this.busy.add(jobId);
    let lost = false;
    try {
      // The state first, then the job: a job read while still active would have no return
      // value yet, and a finished one no longer changes.
      const state = await this.queue.getJobState(jobId);
      if (state === 'unknown') lost = true;
      else if (state === 'completed' || state === 'failed') {
        const job = (await this.queue.getJob(jobId)) as Job | undefined;
        if (!job) lost = true;
        else if (state === 'completed') await this.collect(p, job);
        else await this.failed(p, job);
      }
    } catch {
      // Unreachable in the middle: the next sweep looks again.
    } finally {
      this.busy.delete(jobId);
    }
    if (lost && this.pending.get(jobId) === p) {
      this.deps.log(
        `the job for photo ${p.task.photoId} is no longer in Redis: publishing it again`,
      );
      p.published = false;
      await this.publish(p);
    }
  }

  private async collect(p: Pending, job: Job): Promise<void> {
    const { client } = this.deps.conn;
    const keys = DERIVED.map((k) => fileKey(this.deps.queueName, p.jobId, k));
    const [thumb, preview] = await Promise.all(keys.map((k) => client.getBuffer(k)));
    const expected = { ...p.task, stages: p.job.stages.map((s) => s.name) };
    const intake = checkReturn(expected, job.returnvalue, { thumb, preview });
    const worker = job.processedBy ?? 'unknown';
    this.pending.delete(p.jobId);
    if (!intake.ok) {
      this.deps.log(
        `rejected the result for photo ${p.task.photoId} from worker ${worker}: ${intake.reason}`,
      );
      this.deps.registry.count(worker, false, `rejected result: ${intake.reason}`);
      p.reject(new Error(`the result from worker ${worker} was rejected: ${intake.reason}`));
    } else {
      try {
        await this.storeFiles(p.task, intake);
        this.deps.registry.count(worker, true);
        this.count(intake, job);
        p.resolve(intake.result);
      } catch (err) {
        p.reject(err);
      }
    }
    await this.forget(job, keys);
  }

  private count(intake: Intake & { ok: true }, job: Job): void {
    const t = this.traffic;
    t.results++;
    t.originalBytes += intake.fetched;
    t.resultBytes += JSON.stringify(job.returnvalue).length;
    for (const f of Object.values(intake.files)) t.fileBytes += f.length;
  }

  private async failed(p: Pending, job: Job): Promise<void> {
    const worker = job.processedBy ?? 'unknown';
    const reason = job.failedReason || 'the job failed';
    this.pending.delete(p.jobId);
    this.deps.registry.count(worker, false, reason);
    p.reject(new Error(`remote worker ${worker}: ${reason}`));
    await this.forget(
      job,
      DERIVED.map((k) => fileKey(this.deps.queueName, p.jobId, k)),
    );
  }

  private async forget(job: Job, keys: string[]): Promise<void> {
    try {
      await job.remove();
      await this.deps.conn.client.del(...keys);
    } catch {
      // Left for BullMQ's age limit and the keys' expiry.
    }
  }

  /** Thumbnail and preview into the store, under the names the content hash gives them. */
  private async storeFiles(task: PhotoTask, intake: Intake & { ok: true }): Promise<void> {
    const media = intake.result.outcomes.media;
    if (!media?.ok) return;
    const paths = thumbnailPaths(this.deps.thumbDir, task.contentHash);
    for (const kind of DERIVED) {
      const bytes = intake.files[kind];
      const info = media.data[kind];
      if (!bytes || !info) continue;
      const target = kind === 'thumb' ? paths.thumb : paths.preview;
      await writeAtomic(target, bytes);
      info.file = path.relative(this.deps.thumbDir, target);
    }
  }

  /** Publishes what is unpublished, settles what finished or was lost, reads heartbeats. */
  private async sweep(): Promise<void> {
    if (this.sweeping || !this.deps.conn.connected) return;
    this.sweeping = true;
    try {
      await this.deps.registry.refresh(this.deps.conn.client).catch(() => undefined);
      if (Date.now() - this.trimmedAt > 60_000) {
        // The events stream keeps return values; a Redis restarted empty forgot the length we
        // set when the queue was made, so keep it short ourselves.
        this.trimmedAt = Date.now();
        await this.queue.trimEvents(2000).catch(() => undefined);
      }
      for (const p of [...this.pending.values()]) {
        if (!this.deps.conn.connected) break;
        if (!p.published) await this.publish(p);
        else await this.settle(p.jobId);
      }
    } finally {
      this.sweeping = false;
    }
  }

  /**
   * Takes every pending task back (the queue is away or has no workers: this machine's threads
   * do them instead). Jobs still waiting are removed; one a worker has started may still finish,
   * and is then left to expire.
   */
  takeBack(): Handback[] {
    const back = [...this.pending.values()];
    this.pending.clear();
    if (this.deps.conn.connected) {
      for (const p of back) void this.queue.remove(p.jobId).catch(() => undefined);
    }
    return back.map(({ task, resolve, reject }) => ({ task, resolve, reject }));
  }

  /** The runner stops: stop waiting (the jobs stay in Redis for the next start to collect). */
  release(): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(new TaskAbandoned());
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.release();
    // A clean close waits for Redis; one that is away would hold the shutdown forever.
    const closed = Promise.allSettled([this.events.close(), this.queue.close()]);
    const late = await Promise.race([closed.then(() => false), delay(3000).then(() => true)]);
    if (late) await Promise.allSettled([this.events.disconnect(), this.queue.disconnect()]);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
