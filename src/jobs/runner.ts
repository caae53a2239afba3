import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Repos } from '../db/index.js';
import type { JobRow } from '../db/repos/jobs.js';
import type { EventBus } from '../shared/events.js';
import { writeTask } from './apply.js';
import { isAbandoned, type TaskExecutor } from './executor.js';
import { prepareResultChecks } from './result-schemas.js';
import { ScanPacing } from './scan-pacer.js';
import {
  INDEXING_STAGES,
  isScanStage,
  POOL_STAGES,
  SCAN_STAGES,
  VISIBLE_PRIORITY,
} from './pipeline.js';
import type { PhotoTask, PhotoTaskResult } from './task.js';
import { WakeableSleep } from './wakeable-sleep.js';

/** What a stage cost so far in this runner: the benchmark and status screens read it. */
export interface StageStats {
  count: number;
  failed: number;
  totalMs: number;
  /** Sums of the per-step timings a stage reports (media: decode, thumbnails, metadata…). */
  steps: Record<string, number>;
}

export type { TaskExecutor };

export interface RunnerDeps {
  repos: Repos;
  events: EventBus;
  pool: TaskExecutor;
  thumbDir: string;
  /** Tasks queued per worker beyond the one running, so a worker never waits on the main thread. */
  queueDepth?: number;
  maxAttempts?: number;
  /** How often to look for work queued by another process (CLI next to a running server). */
  pollMs?: number;
  /** The transcode lane (transcoder.ts): started, woken and stopped with the runner. */
  lane?: Lane;
  /** [Note: scan pacing]: how far a scan may run ahead, and how long it waits at most. */
  scanLead?: number;
  scanWaitMs?: number;
}

/** Work that runs beside the pool on its own schedule; `drain()` waits for it too. */
export interface Lane {
  start(): void;
  notify(): void;
  stop(): Promise<void>;
  /** Resolves when the lane has nothing pending or running. */
  idle(): Promise<void>;
}

const LEASE_MS = 15 * 60_000;
const FLUSH_MS = 150;
const FLUSH_MAX = 64;
const liveOwners = new Set<string>();

/** Lease owners alive in this process (the runner's, the transcoder's). */
export function registerOwner(owner: string): void {
  liveOwners.add(owner);
}

export function unregisterOwner(owner: string): void {
  liveOwners.delete(owner);
}

export function newOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Is the process (or runner) that holds a lease still there? */
export function ownerAlive(owner: string): boolean {
  if (liveOwners.has(owner)) return true;
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid)) return false;
  if (pid === process.pid) return false; // an earlier runner of this process, now gone
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Finished {
  result?: PhotoTaskResult;
  jobs: JobRow[];
  crash?: string;
}

/**
 * Pulls durable jobs from the database into the worker pool and writes results back in batched
 * transactions on the main thread (the single writer). Work claimed by a process that died is
 * taken back at start, so indexing resumes where it stopped.
 */
export class JobRunner {
  private readonly owner = newOwner();
  private inFlight = 0;
  private checksPrepared = false;
  private running = false;
  private paused = false;
  private readonly poll = new WakeableSleep();
  private loop: Promise<void> | null = null;
  private pending: Finished[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private allIdleWaiters: (() => void)[] = [];
  private completions: number[] = [];
  private lastProgress = 0;
  private inFlightCore = 0;
  private busyCore = false;
  private busyBackground = false;
  /** jobs.idle was announced for the current quiet spell: don't repeat it while waiters wait. */
  private idleAnnounced = false;
  private readonly stats = new Map<string, StageStats>();
  private readonly pacing = new ScanPacing();

  constructor(private readonly deps: RunnerDeps) {
    liveOwners.add(this.owner);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const now = new Date();
    const { jobs } = this.deps.repos;
    jobs.recoverLeases(ownerAlive, now.getTime(), now.toISOString());
    // A stage whose model or code changed re-runs on exactly the photos an older version produced.
    for (const stage of SCAN_STAGES)
      jobs.requeueOutdated(stage.name, stage.version, now.toISOString());
    this.loop = this.run();
    this.deps.lane?.start();
  }

  /** New work was queued: look now instead of at the next poll. */
  notify(): void {
    this.poll.wake();
    this.deps.lane?.notify();
  }

  pause(): void {
    this.paused = true;
    this.pacing.wake();
    this.emitProgress(true);
  }

  /** A scan's pacer ([Note: scan pacing] in library/scanner.ts; scan-pacer.ts). */
  scanPacer(): (queued: number) => Promise<void> {
    return this.pacing.pacer(
      () => this.running && !this.paused && this.deps.pool.size > 0,
      this.deps.scanLead,
      this.deps.scanWaitMs,
    );
  }

  resume(): void {
    this.paused = false;
    this.notify();
    this.emitProgress(true);
  }

  /**
   * Resolves once indexing is done: no job of a scan stage (thumbnails, metadata, AI) is
   * pending or running, and `jobs.idle` listeners (people clustering) have been told. Background
   * reading queued in batches (text in photos) goes on while Picto runs; it does not hold this up.
   */
  drain(opts: { background?: boolean } = {}): Promise<void> {
    this.idleAnnounced = false;
    this.notify();
    const indexed = new Promise<void>((resolve) =>
      (opts.background ? this.allIdleWaiters : this.idleWaiters).push(resolve),
    );
    // Every video playable too (the transcode lane), then indexing once more: a transcode done
    // meanwhile changes nothing the scan stages read, but a rescan may have queued work.
    const lane = this.deps.lane;
    return lane ? indexed.then(() => lane.idle()) : indexed;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.pacing.wake();
    this.deps.pool.release?.();
    this.notify();
    await this.deps.lane?.stop();
    await this.loop;
    this.flush();
    const now = new Date().toISOString();
    this.deps.repos.jobs.releaseOwner(this.owner, now);
    liveOwners.delete(this.owner);
  }

  private async run(): Promise<void> {
    while (this.running) {
      // Read each time: remote workers come and go (src/remote/mixed.ts).
      const capacity = this.deps.pool.size * (1 + (this.deps.queueDepth ?? 1));
      if (this.paused || this.inFlight >= capacity) {
        await this.poll.sleep(this.deps.pollMs ?? 2000);
        continue;
      }
      const claimed = this.claim(capacity - this.inFlight);
      if (claimed.length === 0) {
        if (this.inFlight === 0) {
          this.flush();
          // Work another process claimed and then died with: take it back without a restart.
          const now = new Date();
          this.deps.repos.jobs.recoverLeases(ownerAlive, now.getTime(), now.toISOString());
        }
        if (this.checkIdle()) continue;
        await this.poll.sleep(this.deps.pollMs ?? 2000);
        continue;
      }
      for (const group of claimed) this.dispatch(group);
    }
    while (this.inFlight > 0) await this.poll.sleep(50);
  }

  private claim(limit: number): JobRow[][] {
    const now = Date.now();
    const rows = this.deps.repos.db.transaction(() =>
      this.deps.repos.jobs.claim(this.owner, now + LEASE_MS, limit, new Date(now).toISOString(), {
        visible: VISIBLE_PRIORITY,
        stages: POOL_STAGES,
      }),
    )();
    const byPhoto = new Map<string, JobRow[]>();
    for (const r of rows) {
      const list = byPhoto.get(r.photo_id);
      if (list) list.push(r);
      else byPhoto.set(r.photo_id, [r]);
    }
    return [...byPhoto.values()];
  }

  private dispatch(jobs: JobRow[]): void {
    const { repos } = this.deps;
    const photoId = jobs[0].photo_id;
    const photo = repos.photos.get(photoId);
    const location = repos.locations.forPhoto(photoId)[0];
    if (!photo || !location) {
      this.finish({ jobs, crash: 'photo has no file left in the library' }, false);
      return;
    }
    const task: PhotoTask = {
      photoId,
      path: location.path,
      contentHash: photo.content_hash,
      stages: jobs.map((j) => j.stage),
      thumbDir: this.deps.thumbDir,
      width: photo.width,
      height: photo.height,
      attempt: Math.max(...jobs.map((j) => j.attempts)),
    };
    const core = jobs.some((j) => isScanStage(j.stage));
    this.inFlight++;
    if (core) {
      this.inFlightCore++;
      this.busyCore = true;
      this.idleAnnounced = false;
    } else {
      this.busyBackground = true;
    }
    const sent = this.deps.pool.run(task);
    // The first result's check would load TypeBox (~0.2 s on this thread): do it while the first
    // task is decoded, not on its result, and not at all in a run with nothing to index (an
    // `add --wait` of an empty folder would wait for it).
    if (!this.checksPrepared) {
      this.checksPrepared = true;
      setImmediate(() => prepareResultChecks());
    }
    sent.then(
      (result) => this.finish({ result, jobs }, true, core),
      (err: unknown) =>
        isAbandoned(err)
          ? this.abandoned(core)
          : this.finish(
              { jobs, crash: `worker failed: ${(err as Error)?.message ?? err}` },
              true,
              core,
            ),
    );
  }

  /** A task the executor stopped waiting for at stop(): nothing is written, the lease goes back. */
  private abandoned(core: boolean): void {
    this.inFlight--;
    if (core) this.inFlightCore--;
  }

  private finish(f: Finished, dispatched: boolean, core = false): void {
    if (dispatched) this.inFlight--;
    if (dispatched && core) this.inFlightCore--;
    if (f.jobs.some((j) => j.priority >= VISIBLE_PRIORITY)) this.pacing.visibleFinished();
    this.pending.push(f);
    if (this.pending.length >= FLUSH_MAX) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    this.notify();
  }

  /** Writes finished results in one transaction: the main thread is the only writer. */
  private flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const { repos } = this.deps;
    const now = new Date().toISOString();
    const changed: string[] = [];
    repos.db.transaction(() => {
      for (const f of batch) {
        const photoId = f.jobs[0].photo_id;
        if (!repos.photos.get(photoId)) continue; // removed while it was being processed
        // Only what this runner still holds: a stage queued again meanwhile (the file changed)
        // or taken back from it is not written with a result for what the photo was.
        const held = new Set(repos.jobs.heldStages(photoId, this.owner));
        const stages = f.jobs.map((j) => j.stage).filter((s) => held.has(s));
        if (stages.length === 0) continue;
        writeTask(repos, photoId, stages, f.result?.outcomes, f.crash, {
          now,
          maxAttempts: this.deps.maxAttempts ?? 3,
          onOutcome: (stage, outcome, steps) => this.record(stage, outcome, steps),
        });
        changed.push(photoId);
      }
    })();
    const t = Date.now();
    for (let i = 0; i < changed.length; i++) this.completions.push(t);
    if (changed.length)
      this.deps.events.emit({ type: 'photos.changed', ids: changed, reason: 'indexed' });
    this.emitProgress(false);
  }

  /** Per-stage counts and milliseconds since this runner started. */
  stageStats(): Record<string, StageStats> {
    return Object.fromEntries(this.stats);
  }

  private record(
    stage: string,
    outcome: { ok: boolean; ms: number },
    steps?: Record<string, number>,
  ): void {
    let s = this.stats.get(stage);
    if (!s) {
      s = { count: 0, failed: 0, totalMs: 0, steps: {} };
      this.stats.set(stage, s);
    }
    s.count++;
    if (!outcome.ok) s.failed++;
    s.totalMs += outcome.ms;
    for (const [k, v] of Object.entries(steps ?? {})) s.steps[k] = (s.steps[k] ?? 0) + v;
  }

  private rate(): number {
    const cutoff = Date.now() - 5000;
    while (this.completions.length && this.completions[0] < cutoff) this.completions.shift();
    return this.completions.length / 5;
  }

  private emitProgress(force: boolean): void {
    const t = Date.now();
    // Counting jobs per stage costs ~15 ms at 100k jobs on the thread that also answers the
    // gallery: once a second is plenty for a progress bar.
    if (!force && t - this.lastProgress < 1000) return;
    this.lastProgress = t;
    this.deps.events.emit({
      type: 'jobs.progress',
      stages: this.deps.repos.jobs.countsByStage(),
      rate: this.rate(),
      paused: this.paused,
    });
  }

  /**
   * Announces `jobs.idle` when indexing (the scan stages) has just finished, and again when
   * background batches have run out, so their schedulers can queue the next batch. Waiters of
   * drain() are released once indexing is done and the listeners have run. Returns true when a
   * listener queued work that can start right away.
   */
  private checkIdle(): boolean {
    const { jobs } = this.deps.repos;
    const core = INDEXING_STAGES.map((st) => st.name);
    const coreOpen = () => this.inFlightCore > 0 || jobs.hasOpenWork(core);
    let queued = false;
    const waiting = this.idleWaiters.length + this.allIdleWaiters.length > 0;
    if (!coreOpen() && (this.busyCore || (waiting && !this.idleAnnounced))) {
      this.busyCore = false;
      this.idleAnnounced = true;
      this.announceIdle();
      queued = jobs.hasOpenWork(POOL_STAGES);
      if (!coreOpen()) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
    if (this.inFlight === 0 && !jobs.hasOpenWork(POOL_STAGES)) {
      if (this.busyBackground) {
        this.busyBackground = false;
        this.announceIdle();
        queued = jobs.hasOpenWork(POOL_STAGES);
      }
      if (!queued) {
        const waiters = this.allIdleWaiters;
        this.allIdleWaiters = [];
        for (const w of waiters) w();
      }
    }
    return queued;
  }

  private announceIdle(): void {
    this.emitProgress(true);
    // Listeners may queue follow-up work: the next batch of text reading, people clustering.
    this.deps.events.emit({ type: 'jobs.idle' });
  }
}
