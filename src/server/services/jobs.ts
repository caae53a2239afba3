import type { Picto } from '../../app/picto.js';
import type { FailedJob, JobsStatus } from '../../shared/api.js';

/** Indexing status and control. The runner's rate is only published in its progress events. */
export class JobsApiService {
  private rate = 0;
  private rateAt = 0;
  private readonly off: () => void;

  constructor(private readonly picto: Picto) {
    this.off = picto.events.on((e) => {
      if (e.type === 'jobs.progress') {
        this.rate = e.rate;
        this.rateAt = Date.now();
      } else if (e.type === 'jobs.idle') {
        this.rate = 0;
      }
    });
  }

  status(): JobsStatus {
    return {
      paused: this.picto.runnerIfStarted?.isPaused ?? false,
      rate: Date.now() - this.rateAt < 6000 ? this.rate : 0,
      stages: this.picto.repos.jobs.countsByStage(),
    };
  }

  pause(): JobsStatus {
    this.picto.runner.pause();
    return this.status();
  }

  resume(): JobsStatus {
    this.picto.runner.resume();
    return this.status();
  }

  retryFailed(stage?: string): number {
    const n = this.picto.repos.jobs.retryFailed(new Date().toISOString(), stage);
    if (n) {
      this.picto.runnerIfStarted?.notify();
      this.picto.events.emit({ type: 'folders.changed' });
    }
    return n;
  }

  failed(limit: number): FailedJob[] {
    return this.picto.repos.failures.failedJobs(limit).map((r) => ({
      photoId: r.photo_id,
      stage: r.stage,
      error: r.error,
      attempts: r.attempts,
      path: r.path,
      updatedAt: r.updated_at,
    }));
  }

  dispose(): void {
    this.off();
  }
}
