// The transcode lane: browser copies of videos, one at a time, beside the worker pool.
//
// [Note: Transcodes never starve indexing] A transcode is minutes of one ffmpeg process, not of
// JavaScript: running it in a pool worker would hold a worker (half the pool on 2 cores) waiting
// for a child process. So the `transcode` stage of the pipeline table runs here, on the main
// thread, which only starts ffmpeg at nice 19 and reads its progress. Jobs are the same durable
// rows as every stage's (claimed with a lease, retried, resumed after a restart) and are written by
// the stage's applier. Order: the one someone is waiting for first (GET /api/photos/{id}/video
// answered 202: `prioritise`), then oldest first; that one runs at nice 5 so it is ready soon.
//
// [Note: the opened video goes first] A video someone opens is wanted now, not after the video the
// lane happens to be converting: `prioritize` stops a background transcode of another video (its
// job goes back to the queue, to start over later) so the opened one starts at once, and raises a
// running background transcode of the opened video itself to nice 5 (or, where that is not
// allowed, starts it over at nice 5 unless it is half done). An opened transcode that
// someone is watching (a reader of its growing output) is not stopped for another one. While it
// runs its output can be played as it grows (`growing`, [Note: live transcode]).

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import type { GrowingFile } from '../media/video/growing-file.js';
import { renice } from '../media/video/run.js';
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
const URGENT_NICE = 5;
const BACKGROUND_NICE = 19;

interface Running {
  photoId: string;
  progress: number;
  abort: AbortController;
  urgent: boolean;
  /** stopped to let an opened video go first: back to the queue, not a shutdown */
  preempted: boolean;
  growing: GrowingFile | null;
  pid: number | null;
}

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
  private current: Running | null = null;
  private idleWaiters: (() => void)[] = [];
  private outputWaiters = new Set<() => void>();

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

  /** Someone waits to play this video: its transcode goes first ([Note: the opened video goes first]). */
  prioritize(photoId: string): void {
    const now = new Date().toISOString();
    const bumped = this.deps.repos.jobs.prioritize(photoId, TRANSCODE_URGENT, now, STAGE) > 0;
    const cur = this.current;
    if (cur?.photoId === photoId) {
      if (!cur.urgent) {
        cur.urgent = true;
        // An ordinary user may lower a priority but not raise it back: then a transcode not far
        // along starts over at nice 5 (its job goes back to the front of the queue).
        if (cur.pid !== null && !renice(cur.pid, URGENT_NICE) && cur.progress < 0.5) {
          cur.preempted = true;
          cur.abort.abort();
        }
      }
    } else if (cur && !cur.preempted && !(cur.urgent && cur.growing?.readerCount)) {
      const waiting = this.deps.repos.jobs
        .stagesForPhoto(photoId)
        .some((j) => j.stage === STAGE && j.status === 'pending');
      if (waiting) {
        cur.preempted = true;
        cur.abort.abort();
      }
    }
    if (bumped) this.notify();
  }

  /**
   * The transcode of this video as it is being written, to play while it grows; waits up to
   * `waitMs` for it to start. Undefined when it is not running here by then.
   */
  async growing(photoId: string, waitMs: number): Promise<GrowingFile | undefined> {
    const until = Date.now() + waitMs;
    for (;;) {
      const cur = this.current;
      if (cur?.photoId === photoId && cur.growing && !cur.preempted) return cur.growing;
      const left = until - Date.now();
      if (left <= 0 || !this.running) return undefined;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.outputWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.outputWaiters.add(done);
      });
    }
  }

  private outputChanged(): void {
    const waiters = this.outputWaiters;
    this.outputWaiters = new Set();
    for (const w of waiters) w();
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
      const running: Running = {
        photoId,
        progress: 0,
        abort,
        urgent,
        preempted: false,
        growing: null,
        pid: null,
      };
      this.current = running;
      repos.videos.setTranscode(photoId, 'running', new Date().toISOString());
      const t0 = performance.now();
      try {
        const { transcodeForBrowser } = await import('./worker-transcode.js');
        const r = await transcodeForBrowser(task, {
          signal: abort.signal,
          nice: urgent ? URGENT_NICE : BACKGROUND_NICE,
          onProgress: (p) => {
            running.progress = p;
          },
          onOutput: (growing) => {
            running.growing = growing;
            this.outputChanged();
          },
          onSpawn: (pid) => {
            running.pid = pid;
            // Opened while ffmpeg was starting.
            if (running.urgent && !urgent) renice(pid, URGENT_NICE);
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
          // Stopped on purpose: a shutdown (stop() releases the lease, which puts it back in the
          // queue) or an opened video going first (its lease is released here).
          const at = new Date().toISOString();
          repos.db.transaction(() => {
            if (running.preempted && this.running) {
              repos.jobs.releaseOwner(this.owner, at);
              if (running.urgent) repos.jobs.prioritize(photoId, TRANSCODE_URGENT, at, STAGE);
            }
            if (repos.photos.get(photoId)) repos.videos.setTranscode(photoId, 'pending', at);
          })();
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
