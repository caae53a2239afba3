// `picto worker`: takes photo jobs from the primary's queue and runs them with the same code as a
// local worker: the piscina pool and worker-stages.ts, on the original fetched from the primary
// into a temporary folder (deleted after each photo). No catalogue, no shared disk. Before taking
// any job it checks its models (by hash), the token (the primary's handshake) and the stage
// versions; it refuses rather than return results of other models ([Note: Remote workers]).

import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { WorkerPool } from '../jobs/pool.js';
import type { StageOutcomes } from '../jobs/task.js';
import { thumbnailPaths } from '../media/index.js';
import { modelStatus } from '../ml/index.js';
import { PictoError } from '../shared/errors.js';
import { blockingOptions, retryStrategy } from './connection.js';
import { fetchOriginal, hello, Refused, type PrimaryApi } from './fetch-original.js';
import { fileKey, KEEP_SECONDS, type TaskJob, type TaskReturn } from './jobs.js';
import { parseQueueUrl } from './queue-url.js';
import { beat, HEARTBEAT_MS, leave, versionDifferences, type Heartbeat } from './registry.js';
import { toWire } from './wire.js';
import { remoteStageVersions } from './work-service.js';

export interface WorkerOptions {
  queue: string;
  server: string;
  token: string;
  /** Photos worked on at once (worker threads). */
  concurrency: number;
  /** BullMQ lock: a job whose worker died goes to another one after about this long. */
  lockMs?: number;
  log?: (line: string) => void;
}

function checkModels(): void {
  const status = modelStatus();
  const broken = status.models.filter((m) => !m.available);
  if (broken.length) {
    throw new PictoError(
      'model-unavailable',
      `this machine cannot run the AI stages: ${broken.map((m) => `${m.id}: ${m.reason}`).join('; ')}`,
    );
  }
}

function isTaskJob(v: unknown): v is TaskJob {
  const j = v as TaskJob;
  return (
    typeof j === 'object' &&
    j !== null &&
    j.v === 1 &&
    typeof j.photoId === 'string' &&
    /^[0-9a-f]{16,64}$/.test(j.photoId) &&
    typeof j.contentHash === 'string' &&
    /^[A-Za-z0-9_-]{8,128}$/.test(j.contentHash) &&
    Array.isArray(j.stages) &&
    j.stages.every((s) => typeof s?.name === 'string' && typeof s.version === 'string')
  );
}

/** Runs until SIGINT/SIGTERM, or until it must refuse work (then it rejects with why). */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`picto worker: ${line}\n`));
  const address = parseQueueUrl(opts.queue);
  const api: PrimaryApi = { server: opts.server, token: opts.token };
  checkModels();
  let info;
  try {
    info = await hello(api);
  } catch (err) {
    if (err instanceof Refused) throw new PictoError('unauthorised', err.message);
    throw new PictoError('not-found', (err as Error).message);
  }
  if (info.publishing === false) {
    throw new PictoError(
      'conflict',
      `the primary at ${opts.server} publishes no jobs: it was started without a queue; ` +
        `start it with "picto serve --queue ${address.shown}" (or $PICTO_QUEUE)`,
    );
  }
  const ours = remoteStageVersions();
  const differences = versionDifferences(info.stages, ours);
  if (differences.length) {
    throw new PictoError(
      'conflict',
      `this worker runs other stage versions than the primary (Picto ${info.version}): ` +
        `${differences.join('; ')}. Install the same Picto version on both machines.`,
    );
  }

  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const redis = new Redis({ ...address.options, maxRetriesPerRequest: null, retryStrategy });
  let redisDown = false;
  redis.on('error', (err: Error) => {
    if (!redisDown) log(`queue ${address.shown} is unreachable (${err.message}); retrying`);
    redisDown = true;
  });
  redis.on('ready', () => {
    if (redisDown) log(`queue ${address.shown} is reachable again`);
    redisDown = false;
  });
  const pool = new WorkerPool({ workers: opts.concurrency });
  const hb: Heartbeat = {
    id,
    host: os.hostname(),
    pid: process.pid,
    concurrency: opts.concurrency,
    stages: ours,
    startedAt: new Date().toISOString(),
  };
  const sendBeat = () => beat(redis, info.queue, hb).catch(() => undefined);
  await sendBeat();
  const beats = setInterval(() => void sendBeat(), HEARTBEAT_MS);

  let refusal: string | null = null;
  let stopping: Promise<void> | null = null;
  const processJob = async (job: Job): Promise<TaskReturn> => {
    if (!isTaskJob(job.data)) throw new UnrecoverableError('not a Picto photo job');
    const wanted = job.data.stages.filter((s) => ours[s.name] !== s.version);
    if (wanted.length) {
      const msg =
        `worker ${id} runs other stage versions than this job asks for ` +
        `(${wanted.map((s) => `${s.name}: job "${s.version}", worker "${ours[s.name] ?? 'none'}"`).join('; ')}): ` +
        'refused; install the same Picto version as the primary';
      void stop(msg);
      throw new UnrecoverableError(msg);
    }
    try {
      return await runJob(job.data, job.id!);
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      void stop(err.message);
      throw new UnrecoverableError(err.message);
    }
  };

  const runJob = async (data: TaskJob, jobId: string): Promise<TaskReturn> => {
    const t0 = performance.now();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'picto-worker-'));
    try {
      const stages = data.stages.map((s) => s.name);
      const got = await fetchOriginal(api, data.photoId, data.contentHash, dir);
      const files: TaskReturn['files'] = {};
      let outcomes: StageOutcomes;
      if (!got.ok) {
        outcomes = Object.fromEntries(
          stages.map((s) => [
            s,
            { ok: false, code: got.code, error: got.error, permanent: false, ms: 0 },
          ]),
        );
      } else {
        const thumbDir = path.join(dir, 'thumbs');
        const result = await pool.run({
          photoId: data.photoId,
          path: got.path,
          contentHash: data.contentHash,
          stages,
          thumbDir,
          width: data.width,
          height: data.height,
        });
        outcomes = result.outcomes;
        const media = outcomes.media;
        if (media?.ok) {
          const paths = thumbnailPaths(thumbDir, data.contentHash);
          for (const kind of ['thumb', 'preview'] as const) {
            if (!media.data[kind]) continue;
            const bytes = await readFile(kind === 'thumb' ? paths.thumb : paths.preview);
            await redis.set(fileKey(info.queue, jobId, kind), bytes, 'EX', KEEP_SECONDS);
            files[kind] = bytes.length;
          }
        }
      }
      return {
        v: 1,
        photoId: data.photoId,
        contentHash: data.contentHash,
        outcomes: toWire(outcomes) as Record<string, unknown>,
        ms: performance.now() - t0,
        files,
        fetched: got.ok ? got.bytes : 0,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  const lockMs = opts.lockMs ?? 30_000;
  const worker = new Worker(info.queue, processJob, {
    connection: blockingOptions(address),
    name: id,
    // Twice the threads: while one photo is computed the next one is being fetched.
    concurrency: opts.concurrency * 2,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 1,
    autorun: false,
  });
  worker.on('error', () => undefined); // connection trouble is reported once, above
  let done = 0;
  let failed = 0;
  worker.on('completed', () => done++);
  worker.on('failed', (job, err) => {
    failed++;
    log(`photo ${(job?.data as TaskJob | undefined)?.photoId ?? '?'}: ${err.message}`);
  });
  const summary = setInterval(() => {
    if (done + failed) log(`${done} photos done, ${failed} failed`);
  }, 30_000);
  summary.unref();

  const stop = (why?: string): Promise<void> => {
    if (why && !refusal) {
      refusal = why;
      log(why);
      hb.error = why;
      void sendBeat();
    }
    stopping ??= (async () => {
      clearInterval(beats);
      clearInterval(summary);
      await worker.close();
      await pool.close();
      if (!refusal) await leave(redis, info.queue, id).catch(() => undefined);
      redis.disconnect();
    })();
    return stopping;
  };
  const onSignal = () => void stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  log(
    `${id}: taking photos from ${address.shown} (queue ${info.queue}) for ${opts.server}, ` +
      `${opts.concurrency} at a time`,
  );
  await worker.run();
  await stop();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (refusal) throw new PictoError('conflict', refusal);
}
