// Text in photos is read last: once nothing else waits, a batch of photos is queued for the OCR
// stage, and the next batch when that one is done. Switched off, queued reading is dropped (text
// already found stays searchable).

import type { Repos } from '../../db/index.js';
import { lastPhotoRowid } from '../../db/photo-windows.js';
import type { EventBus } from '../../shared/events.js';
import { RepeatedWalk, walkPhotos } from '../photo-walk.js';

const SETTING = 'ocr.enabled';
const BATCH = 100;

/** A background stage as the pipeline table defines it (src/jobs/pipeline.ts). */
export interface BatchStage {
  name: string;
  version: string;
  priority: number;
}

/** The background stages this scheduler queues: text reading and the semantic embeddings. */
export interface TextStages {
  ocr: BatchStage;
  semantic: BatchStage;
}

export class OcrScheduler {
  private readonly off: () => void;
  private disposed = false;
  private readonly filling = new RepeatedWalk(() => this.disposed);

  /** `semanticVersion`: the version of the model in the semantic slot, or null without one. */
  constructor(
    private readonly repos: Repos,
    events: EventBus,
    private readonly stages: TextStages,
    private readonly semanticVersion: () => string | null = () => null,
    /** Tells the job runner when a later step of a walk queued work. */
    private readonly queued: () => void = () => {},
  ) {
    this.off = events.on((e) => {
      if (e.type === 'jobs.idle') {
        this.fillInSteps().catch((err: unknown) =>
          process.stderr.write(
            `picto: queueing text reading failed: ${(err as Error).stack ?? err}\n`,
          ),
        );
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.off();
  }

  get enabled(): boolean {
    return this.repos.settings.get(SETTING) !== '0';
  }

  setEnabled(on: boolean): void {
    this.repos.db.transaction(() => {
      this.repos.settings.set(SETTING, on ? '1' : '0');
      if (!on) this.repos.jobs.dropPending(this.stages.ocr.name);
    })();
    if (on) this.fill();
  }

  /**
   * Queues the next batch of text reading (unless switched off) and of semantic embeddings (when
   * a model is in the slot; a new model there embeds every photo again).
   */
  fill(): number {
    const now = new Date().toISOString();
    return this.repos.db.transaction(() => {
      let n = 0;
      for (const stage of this.queuedStages()) {
        n += this.repos.jobs.queueBatch(stage.name, stage.version, stage.priority, BATCH, now);
      }
      return n;
    })();
  }

  /**
   * `fill` when indexing ends, while people may be scrolling: the photos table a slice at a time
   * ([Note: passes over every photo in slices]); one walk at a time, again if asked meanwhile.
   */
  fillInSteps(): Promise<void> {
    return this.filling.run(() => this.walkOnce());
  }

  private async walkOnce(): Promise<void> {
    const { repos } = this;
    const now = new Date().toISOString();
    const left = new Map<string, number>();
    const stages = repos.db.transaction(() =>
      this.queuedStages().map((stage) => {
        const again = repos.jobs.requeueBatchOutdated(
          stage.name,
          stage.version,
          stage.priority,
          BATCH,
          now,
        );
        left.set(stage.name, BATCH - again);
        return stage;
      }),
    )();
    if (!stages.some((s) => left.get(s.name)! > 0)) return;
    // The first step runs before this returns, inside the jobs.idle event: the runner sees its
    // batch at once (and a small library's whole batch); it is told about later steps' batches.
    let first = true;
    await walkPhotos(
      lastPhotoRowid(repos.db),
      (window) => {
        let queued = 0;
        const full = repos.db.transaction(() => {
          for (const stage of stages) {
            const want = left.get(stage.name)!;
            if (want > 0) {
              const n = repos.jobs.queueFresh(stage.name, stage.priority, want, now, window);
              left.set(stage.name, want - n);
              queued += n;
            }
          }
          return stages.every((s) => left.get(s.name)! <= 0);
        })();
        if (queued > 0 && !first) this.queued();
        first = false;
        return full;
      },
      () => this.disposed,
    );
  }

  /** The stages to queue now, the semantic one restarted when its model changed. */
  private queuedStages(): BatchStage[] {
    const { repos } = this;
    const { ocr, semantic } = this.stages;
    const stages: BatchStage[] = this.enabled ? [ocr] : [];
    const model = this.semanticVersion();
    if (model) {
      if (repos.settings.get('semantic.model') !== model) {
        repos.db.transaction(() => {
          repos.jobs.requeueStage(semantic.name);
          repos.settings.set('semantic.model', model);
        })();
      }
      stages.push(semantic);
    }
    return stages;
  }

  status(): { enabled: boolean; read: number; queued: number; withText: number } {
    const c = this.repos.discovery.text.counts(this.stages.ocr.name);
    return { enabled: this.enabled, read: c.done, queued: c.pending, withText: c.withText };
  }
}
