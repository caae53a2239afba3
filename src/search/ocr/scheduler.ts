// Text in photos is read last: once nothing else waits, a batch of photos is queued for the OCR
// stage, and the next batch when that one is done. Switched off, queued reading is dropped (text
// already found stays searchable).

import type { Repos } from '../../db/index.js';
import type { EventBus } from '../../shared/events.js';
import { OCR_STAGE, SEMANTIC_STAGE } from '../stages/defs.js';

const SETTING = 'ocr.enabled';
const BATCH = 100;

export class OcrScheduler {
  private readonly off: () => void;

  /** `semanticVersion`: the version of the model in the semantic slot, or null without one. */
  constructor(
    private readonly repos: Repos,
    events: EventBus,
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
      if (!on) this.repos.discovery.text.dropPending(OCR_STAGE.name);
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
    return repos.db.transaction(() => {
      let n = 0;
      if (this.enabled) {
        n += repos.discovery.text.queue(
          OCR_STAGE.name,
          OCR_STAGE.version,
          OCR_STAGE.priority,
          BATCH,
          now,
        );
      }
      const model = this.semanticVersion();
      if (model) {
        if (repos.settings.get('semantic.model') !== model) {
          repos.db
            .prepare(`UPDATE jobs SET status = 'pending', attempts = 0 WHERE stage = ?`)
            .run(SEMANTIC_STAGE.name);
          repos.settings.set('semantic.model', model);
        }
        n += repos.discovery.text.queue(
          SEMANTIC_STAGE.name,
          SEMANTIC_STAGE.version,
          SEMANTIC_STAGE.priority,
          BATCH,
          now,
        );
      }
      return n;
    })();
  }

  status(): { enabled: boolean; read: number; queued: number; withText: number } {
    const c = this.repos.discovery.text.counts(OCR_STAGE.name);
    return { enabled: this.enabled, read: c.done, queued: c.pending, withText: c.withText };
  }
}
