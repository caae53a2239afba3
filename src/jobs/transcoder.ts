// The transcode lane: browser copies of videos, one at a time, beside the worker pool.
//
// [Note: Transcodes never starve indexing] A transcode is minutes of one ffmpeg process, not of
// JavaScript: running it in a pool worker would hold a worker (half the pool on 2 cores) waiting
// for a child process. So the `transcode` stage of the pipeline table runs here, on the main
// thread, which only starts ffmpeg at nice 19 and reads its progress. Jobs are the same durable
// rows as every stage's (claimed with a lease, retried, resumed after a restart) and are written by
// the stage's applier. Order: the one someone is waiting for first (GET /api/photos/{id}/video
// answered 202: `prioritise`), then oldest first; that one runs at nice 5 so it is ready soon.

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import { writeTask } from './apply.js';
import { TRANSCODE_URGENT } from './appliers/video.js';
import { failureOf } from './failures.js';
import { PIPELINE } from './pipeline.js';
import { newOwner, registerOwner, unregisterOwner, type Lane } from './runner.js';
import type { PhotoTask, StageOutcome } from './task.js';
import { WakeableSleep } from './wakeable-sleep.js';
import type { TranscodeOutcome } from './worker-transcode.js';

const LEASE_MS = 6 * 3600_000;
const STAGE = 'transcode';

export interface TranscoderDeps {
  repos: Repos;
  events: EventBus;
  thumbDir: string;
  pollMs?: number;
  maxAttempts?: number;
}

export class Transcoder implements Lane {
  private readonly owner = newOwner();
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly poll = new WakeableSleep();
  private current: { photoId: string; progress: number; abort: AbortController } | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: TranscoderDeps) {
    registerOwner(this.owner);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  notify(): void {
    this.poll.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.current?.abort.abort();
    this.notify();
    await this.loop;
    this.loop = null;
    this.deps.repos.jobs.releaseOwner(this.owner, new Date().toISOString());
    unregisterOwner(this.owner);
  }

  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** 0–1 while this video is being transcoded here, else undefined. */
  progress(photoId: string): number | undefined {
    return this.current?.photoId === photoId ? this.current.progress : undefined;
  }

  /** Someone waits to play this video: its transcode goes first. */
  prioritize(photoId: string): void {
    const now = new Date().toISOString();
    if (this.deps.repos.jobs.prioritize(photoId, TRANSCODE_URGENT, now, STAGE) > 0) this.notify();
  }

  private busy(): boolean {
    return this.current !== null || this.deps.repos.jobs.hasOpenWork([STAGE]);
  }

  private async run(): Promise<void> {
    const { repos } = this.deps;
    while (this.running) {
      const now = Date.now();
      const [job] = repos.db.transaction(() =>
        repos.jobs.claim(this.owner, now + LEASE_MS, 1, new Date(now).toISOString(), {
          stages: [STAGE],
        }),
      )();
      if (!job) {
        if (!this.busy()) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
        await this.poll.sleep(this.deps.pollMs ?? 2000);
        continue;
      }
      await this.transcode(job.photo_id, job.priority >= TRANSCODE_URGENT);
    }
  }

  private async transcode(photoId: string, urgent: boolean): Promise<void> {
    const { repos, events } = this.deps;
    const photo = repos.photos.get(photoId);
    const location = repos.locations.forPhoto(photoId)[0];
    const crash = !photo || !location ? 'video has no file left in the library' : undefined;
    let outcome: StageOutcome<TranscodeOutcome> | undefined;
    if (photo && location) {
      const task: PhotoTask = {
        photoId,
        path: location.path,
        contentHash: photo.content_hash,
        stages: [STAGE],
        thumbDir: this.deps.thumbDir,
      };
      const abort = new AbortController();
      this.current = { photoId, progress: 0, abort };
      repos.videos.setTranscode(photoId, 'running', new Date().toISOString());
      const t0 = performance.now();
      try {
        const { transcodeForBrowser } = await import('./worker-transcode.js');
        const r = await transcodeForBrowser(task, {
          signal: abort.signal,
          nice: urgent ? 5 : 19,
          onProgress: (p) => {
            if (this.current) this.current.progress = p;
          },
        });
        outcome = {
          ok: true as const,
          version: PIPELINE.transcode.version,
          data: r.data,
          ms: performance.now() - t0,
        };
      } catch (err) {
        this.current = null;
        if (abort.signal.aborted) {
          // Stopped on purpose (shutdown): releasing the lease puts it back in the queue.
          repos.videos.setTranscode(photoId, 'pending', new Date().toISOString());
          return;
        }
        outcome = failureOf(err, performance.now() - t0);
      }
      this.current = null;
    }
    const now = new Date().toISOString();
    repos.db.transaction(() => {
      if (!repos.photos.get(photoId)) return; // removed meanwhile
      writeTask(repos, photoId, [STAGE], outcome ? { transcode: outcome } : undefined, crash, {
        now,
        maxAttempts: this.deps.maxAttempts ?? 3,
        onOutcome: () => {},
      });
    })();
    if (outcome?.ok) events.emit({ type: 'video.ready', photoId });
    events.emit({ type: 'photos.changed', ids: [photoId], reason: 'indexed' });
  }
}
