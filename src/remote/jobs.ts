// The shapes that cross Redis, and the names of everything Picto keeps there. Pure: the
// publisher, the intake and the worker loop all read them from here.

import { createHash } from 'node:crypto';
import { PIPELINE, isStageName } from '../jobs/pipeline.js';
import type { PhotoTask } from '../jobs/task.js';

/** BullMQ job name of a photo task. */
export const JOB_NAME = 'photo';

/** A published photo task: what to run on which content. Never a path: workers share no disk. */
export interface TaskJob {
  v: 1;
  photoId: string;
  contentHash: string;
  /** The stages with the version the primary writes for each: a worker with others refuses. */
  stages: { name: string; version: string }[];
  width: number | null;
  height: number | null;
}

/** A worker's answer (the BullMQ return value). Outcomes are in wire form (wire.ts). */
export interface TaskReturn {
  v: 1;
  photoId: string;
  contentHash: string;
  outcomes: Record<string, unknown>;
  ms: number;
  /** Derived files stored next to the job (fileKey), with their sizes in bytes. */
  files: { thumb?: number; preview?: number };
  /** Bytes of the original the worker fetched from the primary. */
  fetched: number;
}

export type DerivedFile = 'thumb' | 'preview';

export function taskJob(task: PhotoTask): TaskJob {
  return {
    v: 1,
    photoId: task.photoId,
    contentHash: task.contentHash,
    // A stage this build does not know (queued by a newer one) is not sent: the runner fails it.
    stages: task.stages
      .filter(isStageName)
      .map((name) => ({ name, version: PIPELINE[name].version })),
    width: task.width ?? null,
    height: task.height ?? null,
  };
}

/**
 * The BullMQ job id of a task: the photo, its content, its stages and their versions, and its
 * attempt. Publishing the same task again (the primary restarted, Redis lost the job and the
 * primary noticed) is a no-op while the job exists, and finds its result once it is done; a
 * retry after a failure has another attempt number, so it is a new job.
 */
export function taskJobId(job: TaskJob, attempt: number): string {
  const h = createHash('sha256')
    .update(
      `${job.contentHash}\n${job.stages.map((s) => `${s.name}@${s.version}`).join('\n')}\n${attempt}`,
    )
    .digest('hex')
    .slice(0, 16);
  // BullMQ ids may not contain ':' nor be integers; photo ids are hex.
  return `p${job.photoId}-${h}`;
}

/** Redis key of a derived file a worker made for a job (thumbnail, preview). */
export function fileKey(queue: string, jobId: string, kind: DerivedFile): string {
  return `picto:${queue}:files:${jobId}:${kind}`;
}

/** Sorted set of worker ids by last heartbeat (ms). */
export function workersKey(queue: string): string {
  return `picto:${queue}:workers`;
}

/** One worker's heartbeat (JSON, expires). */
export function workerKey(queue: string, id: string): string {
  return `picto:${queue}:worker:${id}`;
}

/** How long results and their files stay in Redis when no primary collects them. */
export const KEEP_SECONDS = 24 * 3600;
