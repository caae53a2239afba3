import type { Repos } from '../db/index.js';
import type { StageCounts } from '../db/repos/jobs.js';
import type { FailedJob, JobsStatus } from '../shared/api.js';
import type { EventBus } from '../shared/events.js';
import type { Workforce } from './executor.js';
import type { JobRunner } from './runner.js';

export interface IndexingDeps {
  repos: Repos;
  events: EventBus;
  /** The runner, started on demand (pausing needs one). */
  runner: () => JobRunner;
  /** The runner only if something started it (a status never starts the workers). */
  runnerIfStarted: () => JobRunner | null;
  /** Who runs the tasks (none before the runner started). */
  workforce: () => Workforce | null;
}

/**
 * Indexing as the shells show and steer it: counts per stage, the current rate, pause and resume,
 * failed jobs and retrying them. The runner publishes its rate only in its progress events, so
 * the last one is remembered here.
 */
export class IndexingStatus {
  private rate = 0;
  private rateAt = 0;
  private readonly off: () => void;

  constructor(private readonly deps: IndexingDeps) {
    this.off = deps.events.on((e) => {
      if (e.type === 'jobs.progress') {
        this.rate = e.rate;
        this.rateAt = Date.now();
      } else if (e.type === 'jobs.idle') {
        this.rate = 0;
      }
    });
  }

  dispose(): void {
    this.off();
  }

  /** Jobs per stage and state (pending, running, done, failed). */
  stages(): StageCounts[] {
    return this.deps.repos.jobs.countsByStage();
  }

  status(): JobsStatus {
    return {
      paused: this.deps.runnerIfStarted()?.isPaused ?? false,
      rate: Date.now() - this.rateAt < 6000 ? this.rate : 0,
      stages: this.stages(),
      workers: this.deps.workforce()?.workers() ?? [],
      ...this.queue(),
    };
  }

  private queue(): { queue?: JobsStatus['queue'] } {
    const queue = this.deps.workforce()?.queue();
    return queue ? { queue } : {};
  }

  pause(): JobsStatus {
    this.deps.runner().pause();
    return this.status();
  }

  resume(): JobsStatus {
    this.deps.runner().resume();
    return this.status();
  }

  /** Queues failed jobs again (all stages, or one); returns how many. */
  retryFailed(stage?: string): number {
    const n = this.deps.repos.jobs.retryFailed(new Date().toISOString(), stage);
    if (n) {
      this.deps.runnerIfStarted()?.notify();
      this.deps.events.emit({ type: 'folders.changed' });
    }
    return n;
  }

  failed(limit: number): FailedJob[] {
    return this.deps.repos.failures.failedJobs(limit).map((r) => ({
      photoId: r.photo_id,
      stage: r.stage,
      error: r.error,
      attempts: r.attempts,
      path: r.path,
      updatedAt: r.updated_at,
    }));
  }
}
