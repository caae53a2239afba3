// What the runner hands photo tasks to. Today: the piscina pool of this process (pool.ts), and,
// with `--queue`, remote workers behind BullMQ (src/remote/), mixed by src/remote/mixed.ts.

import os from 'node:os';
import type { QueueState, WorkerInfo } from '../shared/work-api.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';

export interface TaskExecutor {
  /**
   * Tasks it can run at once right now; the runner keeps about twice as many in flight. Read on
   * every claim: remote workers come and go, a queue can become unreachable.
   */
  readonly size: number;
  run(task: PhotoTask): Promise<PhotoTaskResult>;
  /**
   * The runner is stopping: stop waiting for tasks that run elsewhere. Their promises reject with
   * TaskAbandoned, and the runner writes nothing for them (their leases are given back, their
   * attempts untouched: the next start publishes them again and collects what was finished).
   */
  release?(): void;
}

/** A task the runner stopped waiting for (not a failure of the photo). */
export class TaskAbandoned extends Error {
  override readonly name = 'TaskAbandoned';
  constructor() {
    super('the runner stopped before the task came back');
  }
}

export function isAbandoned(err: unknown): err is TaskAbandoned {
  return err instanceof TaskAbandoned;
}

/** What a worker (a thread pool here, a machine elsewhere) has done since this process started. */
export interface WorkerTally {
  done: number;
  failed: number;
  /** ms since the epoch of the last task it finished, or null. */
  lastAt: number | null;
  /** Finish times within the last minute (for a rate). */
  recent: number[];
}

export function newTally(): WorkerTally {
  return { done: 0, failed: 0, lastAt: null, recent: [] };
}

const RATE_WINDOW_MS = 60_000;

/** Counts one finished task. */
export function countTask(t: WorkerTally, ok: boolean, now = Date.now()): void {
  if (ok) t.done++;
  else t.failed++;
  t.lastAt = now;
  if (ok) t.recent.push(now);
  while (t.recent.length && t.recent[0] < now - RATE_WINDOW_MS) t.recent.shift();
}

/** Photos a second over the last minute (or since the first one, when that is sooner). */
export function tallyRate(t: WorkerTally, now = Date.now()): number {
  while (t.recent.length && t.recent[0] < now - RATE_WINDOW_MS) t.recent.shift();
  if (t.recent.length < 2) return 0;
  const span = Math.max(now - t.recent[0], 1000);
  return Math.round((t.recent.length / (span / 1000)) * 100) / 100;
}

/** Who works on the library, as `GET /api/jobs` and `picto status` show it. */
export interface Workforce {
  workers(): WorkerInfo[];
  /** The Redis queue, when there is one. */
  queue(): QueueState | undefined;
}

/** This process's worker threads as one worker. */
export function localWorker(size: number, tally: WorkerTally): WorkerInfo {
  return {
    id: 'local',
    host: os.hostname(),
    kind: 'local',
    concurrency: size,
    done: tally.done,
    failed: tally.failed,
    rate: tallyRate(tally),
    lastSeen: tally.lastAt === null ? null : new Date(tally.lastAt).toISOString(),
    online: true,
  };
}
