// Text in photos is read last: once nothing else waits, a batch of photos is queued for the OCR
// stage, and the next batch when that one is done. Switched off, queued reading is dropped (text
// already found stays searchable).

import type { Repos } from '../../db/index.js';
import type { EventBus } from '../../shared/events.js';
import { OCR_STAGE } from '../stages/defs.js';

const SETTING = 'ocr.enabled';
const BATCH = 100;

export class OcrScheduler {
  private readonly off: () => void;

  constructor(
    private readonly repos: Repos,
    events: EventBus,
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

  /** Queues the next batch (no-op when switched off or nothing is left to read). */
  fill(): number {
    if (!this.enabled) return 0;
    return this.repos.db.transaction(() =>
      this.repos.discovery.text.queue(
        OCR_STAGE.name,
        OCR_STAGE.version,
        OCR_STAGE.priority,
        BATCH,
        new Date().toISOString(),
      ),
    )();
  }

  status(): { enabled: boolean; read: number; queued: number; withText: number } {
    const c = this.repos.discovery.text.counts(OCR_STAGE.name);
    return { enabled: this.enabled, read: c.done, queued: c.pending, withText: c.withText };
  }
}
