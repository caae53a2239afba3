// Text in photos is read last: once nothing else waits, a batch of photos is queued for the OCR
// stage, and the next batch when that one is done. Switched off, queued reading is dropped (text
// already found stays searchable).

import type { Repos } from '../../db/index.js';
import type { EventBus } from '../../shared/events.js';

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

  /** `semanticVersion`: the version of the model in the semantic slot, or null without one. */
  constructor(
    private readonly repos: Repos,
    events: EventBus,
    private readonly stages: TextStages,
    private readonly semanticVersion: () => string | null = () => null,
  ) {
    this.off = events.on((e) => {
      if (e.type === 'jobs.idle') this.fill();
    });
  }

  dispose(): void {
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
    const { repos } = this;
    const { ocr, semantic } = this.stages;
    return repos.db.transaction(() => {
      let n = 0;
      if (this.enabled) {
        n += repos.jobs.queueBatch(ocr.name, ocr.version, ocr.priority, BATCH, now);
      }
      const model = this.semanticVersion();
      if (model) {
        if (repos.settings.get('semantic.model') !== model) {
          repos.jobs.requeueStage(semantic.name);
          repos.settings.set('semantic.model', model);
        }
        n += repos.jobs.queueBatch(semantic.name, semantic.version, semantic.priority, BATCH, now);
      }
      return n;
    })();
  }

  status(): { enabled: boolean; read: number; queued: number; withText: number } {
    const c = this.repos.discovery.text.counts(this.stages.ocr.name);
    return { enabled: this.enabled, read: c.done, queued: c.pending, withText: c.withText };
  }
}
