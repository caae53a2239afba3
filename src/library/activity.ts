import type { EventBus, PictoEvent } from '../shared/events.js';
import type { ScanActivity } from '../shared/api.js';

/**
 * Which folders are being scanned right now, from the scan events. The scanner names the folder
 * while walking it; hashing and applying run for the whole scan at once, so those phases are shown
 * on every folder walked in that scan.
 */
export class FolderActivity {
  private readonly byPath = new Map<string, ScanActivity>();
  private readonly off: () => void;

  constructor(events: EventBus) {
    this.off = events.on((e) => this.onEvent(e));
  }

  private onEvent(e: PictoEvent): void {
    if (e.type === 'scan.progress') {
      if (e.folder) {
        this.byPath.set(e.folder, {
          phase: e.phase === 'done' ? 'apply' : e.phase,
          done: e.done,
          total: e.total,
        });
        return;
      }
      for (const [p, a] of this.byPath) {
        if (a.phase === 'queued') continue;
        this.byPath.set(p, {
          phase: e.phase === 'done' ? 'apply' : e.phase,
          done: e.done,
          total: e.total,
        });
      }
    } else if (e.type === 'scan.done') {
      for (const [p, a] of [...this.byPath]) if (a.phase !== 'queued') this.byPath.delete(p);
    }
  }

  /** A scan was requested for this folder (it may wait behind a running scan). */
  queued(folderPath: string): void {
    if (!this.byPath.has(folderPath))
      this.byPath.set(folderPath, { phase: 'queued', done: 0, total: 0 });
  }

  /** The scan ended (also when it failed): forget whatever is left for these folders. */
  finished(folderPaths: string[]): void {
    for (const p of folderPaths) this.byPath.delete(p);
  }

  of(folderPath: string): ScanActivity | null {
    return this.byPath.get(folderPath) ?? null;
  }

  dispose(): void {
    this.off();
  }
}
