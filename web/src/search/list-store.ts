import type { TimelineItem } from '../../../src/shared/api.js';
import type { TimelineStore } from '../timeline/store.js';
import { Subscribable } from '../app/subscribable.js';

/**
 * A plain list of photos that speaks the part of TimelineStore the viewer uses (find, order,
 * neighbours, optimistic edits), so search results open in the same viewer as the timeline.
 */
export class ListStore extends Subscribable {
  private items: TimelineItem[] = [];
  /** Photos taken out of the list since its last search (trashed): a total shown drops by them. */
  private gone = 0;

  constructor(private readonly reload: () => void) {
    super();
  }

  set(items: TimelineItem[]): void {
    this.items = items;
    this.changed();
  }

  /** A new result: its own items, nothing removed from it yet. */
  reset(items: TimelineItem[]): void {
    this.gone = 0;
    this.set(items);
  }

  removedCount(): number {
    return this.gone;
  }

  ordered(): TimelineItem[] {
    return this.items;
  }

  find(id: string): TimelineItem | undefined {
    return this.items.find((x) => x.id === id);
  }

  async neighbour(id: string, step: 1 | -1): Promise<TimelineItem | null> {
    const i = this.items.findIndex((x) => x.id === id);
    return i < 0 ? null : (this.items[i + step] ?? null);
  }

  patch(ids: string[], fields: Partial<TimelineItem>): void {
    const set = new Set(ids);
    this.set(this.items.map((it) => (set.has(it.id) ? { ...it, ...fields } : it)));
  }

  remove(ids: string[]): void {
    const set = new Set(ids);
    const before = this.items.length;
    const kept = this.items.filter((it) => !set.has(it.id));
    this.gone += before - kept.length;
    this.set(kept);
  }

  invalidate(): void {
    this.reload();
  }

  /** The viewer is typed against TimelineStore; this class has every member it calls. */
  asTimelineStore(): TimelineStore {
    return this as unknown as TimelineStore;
  }
}
