import type { MonthBucket, TimelineItem } from '../../../src/shared/api.js';
import { Subscribable } from '../app/subscribable.js';
import type { Source } from './source.js';

interface MonthState {
  items: TimelineItem[];
  complete: boolean;
  stale: boolean;
  loading: boolean;
  failed?: boolean;
}

const PAGE = 500;
const MAX_PARALLEL = 3;

/**
 * The photos of one source, loaded month by month as they scroll into view. Buckets (month counts)
 * come first and give the full scroll height; a month's photos are fetched when it nears the
 * viewport. Library changes mark everything stale: visible months are refetched at once, the rest
 * when they come back into view. Components read it through useSyncExternalStore.
 */
export class TimelineStore extends Subscribable {
  buckets: MonthBucket[] | null = null;
  error: string | null = null;
  private readonly months = new Map<string, MonthState>();
  private queue: { month: string; force: boolean }[] = [];
  private inFlight = 0;
  /** Months the UI shows now: refreshed first after a change. */
  private active = new Set<string>();
  private readonly dropped = new Set<string>();
  private refreshTimer: number | null = null;
  private firstChangeAt = 0;
  /**
   * [Note: answers out of order] Requests overlap while indexing invalidates the store every
   * second, and HTTP answers need not come back in the order they were asked. Each bucket request
   * has a number and only the latest one's answer is used; each refresh bumps the generation, and
   * a month whose fetch started before it stays stale (an old answer must not look fresh).
   */
  private bucketsSeq = 0;
  private generation = 0;
  private disposed = false;

  constructor(readonly source: Source) {
    super();
  }

  async loadBuckets(): Promise<void> {
    if (this.disposed) return;
    const seq = ++this.bucketsSeq;
    try {
      const b = await this.source.buckets();
      if (seq !== this.bucketsSeq || this.disposed) return;
      this.error = null;
      const before = new Map((this.buckets ?? []).map((x) => [x.month, x.count]));
      this.buckets = b.buckets;
      for (const x of b.buckets) {
        const m = this.months.get(x.month);
        if (m && (before.get(x.month) !== x.count || m.items.length !== x.count)) m.stale = true;
      }
      for (const month of [...this.months.keys()]) {
        if (!b.buckets.some((x) => x.month === month)) this.months.delete(month);
      }
    } catch (err) {
      if (seq !== this.bucketsSeq || this.disposed) return;
      this.error = (err as Error).message;
    }
    this.changed();
  }

  items(month: string): TimelineItem[] | undefined {
    return this.months.get(month)?.items;
  }

  isLoaded(month: string): boolean {
    const m = this.months.get(month);
    return Boolean(m?.complete && !m.stale);
  }

  /** The UI shows these months: load them (nearest first) unless already fresh. */
  show(months: string[]): void {
    this.active = new Set(months);
    for (const month of months) this.ensure(month);
  }

  /**
   * Loads a month unless it is fresh. Without `force` the request is dropped if the month has left
   * the screen by the time a slot frees up: dragging the scrubber across ten years must not queue
   * a hundred months nobody looks at any more.
   */
  ensure(month: string, force = false): Promise<void> {
    const m = this.months.get(month);
    if (m && (m.loading || (m.complete && !m.stale))) return Promise.resolve();
    const queued = this.queue.find((q) => q.month === month);
    if (queued) queued.force ||= force;
    else this.queue.push({ month, force });
    this.pump();
    return this.whenLoaded(month);
  }

  private whenLoaded(month: string): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const m = this.months.get(month);
        if (
          this.dropped.has(month) ||
          (m && !m.loading && (m.complete || m.failed)) ||
          !this.buckets?.some((b) => b.month === month)
        ) {
          off();
          resolve();
        }
      };
      const off = this.subscribe(check);
      check();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_PARALLEL && this.queue.length) {
      const { month, force } = this.queue.shift()!;
      if (!force && !this.active.has(month)) {
        this.settle(month);
        continue;
      }
      this.inFlight++;
      void this.fetchMonth(month).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** Wakes whoever waits on a month that will not be loaded now. */
  private settle(month: string): void {
    this.dropped.add(month);
    this.changed();
    this.dropped.delete(month);
  }

  private async fetchMonth(month: string): Promise<void> {
    const gen = this.generation;
    const prev = this.months.get(month);
    const state: MonthState = prev ?? { items: [], complete: false, stale: false, loading: true };
    state.loading = true;
    state.failed = false;
    this.months.set(month, state);
    const items: TimelineItem[] = [];
    let cursor: string | undefined;
    try {
      do {
        const page = await this.source.page({ month, cursor, limit: PAGE });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        // Big months show their first pages while the rest loads (fresh loads only: a refresh
        // keeps the old items until the new ones are complete, so nothing flickers).
        if (cursor && !prev) {
          state.items = items.slice();
          this.changed();
        }
      } while (cursor);
      state.items = items;
      state.complete = true;
      state.stale = gen !== this.generation;
    } catch (err) {
      this.error = (err as Error).message;
      state.failed = true;
    } finally {
      state.loading = false;
      this.changed();
    }
    // The library changed while this month loaded: what came back may predate the change.
    if (state.stale && !state.failed && this.active.has(month)) void this.ensure(month);
  }

  /**
   * The library changed: refetch soon, coalescing bursts (indexing reports every ~150 ms) but never
   * waiting more than two seconds, so new thumbnails keep appearing while indexing runs.
   */
  invalidate(): void {
    if (this.disposed) return;
    const now = Date.now();
    if (!this.refreshTimer) this.firstChangeAt = now;
    if (this.refreshTimer) window.clearTimeout(this.refreshTimer);
    const wait = Math.max(0, Math.min(600, this.firstChangeAt + 2000 - now));
    this.refreshTimer = window.setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, wait);
  }

  async refresh(): Promise<void> {
    if (this.disposed) return;
    this.generation++;
    for (const m of this.months.values()) m.stale = true;
    await this.loadBuckets();
    for (const month of this.active) this.ensure(month);
  }

  /** Loaded photos in display order: for shift-click ranges and the viewer's next/previous. */
  ordered(): TimelineItem[] {
    const out: TimelineItem[] = [];
    for (const b of this.buckets ?? []) {
      const items = this.months.get(b.month)?.items;
      if (items) out.push(...items);
    }
    return out;
  }

  find(id: string): TimelineItem | undefined {
    for (const m of this.months.values()) {
      const it = m.items.find((x) => x.id === id);
      if (it) return it;
    }
    return undefined;
  }

  /** Photo after/before `id`, loading the neighbouring month when `id` ends its month. */
  async neighbour(id: string, step: 1 | -1): Promise<TimelineItem | null> {
    const buckets = this.buckets ?? [];
    for (let bi = 0; bi < buckets.length; bi++) {
      const items = this.months.get(buckets[bi].month)?.items ?? [];
      const i = items.findIndex((x) => x.id === id);
      if (i < 0) continue;
      if (items[i + step]) return items[i + step];
      for (let bj = bi + step; bj >= 0 && bj < buckets.length; bj += step) {
        await this.ensure(buckets[bj].month, true);
        const next = this.months.get(buckets[bj].month)?.items ?? [];
        if (next.length) return step === 1 ? next[0] : next[next.length - 1];
      }
      return null;
    }
    return null;
  }

  /** Optimistic local edit (favourite) before the server confirms. */
  patch(ids: string[], fields: Partial<TimelineItem>): void {
    const set = new Set(ids);
    for (const m of this.months.values()) {
      m.items = m.items.map((it) => (set.has(it.id) ? { ...it, ...fields } : it));
    }
    this.changed();
  }

  /** Optimistic removal (trash, remove from album, unfavourite in favourites). */
  remove(ids: string[]): void {
    const set = new Set(ids);
    for (const [month, m] of this.months) {
      const before = m.items.length;
      m.items = m.items.filter((it) => !set.has(it.id));
      const removed = before - m.items.length;
      if (removed && this.buckets) {
        this.buckets = this.buckets
          .map((b) => (b.month === month ? { ...b, count: b.count - removed } : b))
          .filter((b) => b.count > 0);
      }
    }
    this.changed();
  }

  total(): number {
    return (this.buckets ?? []).reduce((n, b) => n + b.count, 0);
  }

  /** The source is gone (a deleted album): no more requests for it. */
  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer) window.clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.queue = [];
  }
}

const stores = new Map<string, TimelineStore>();

/** One store per source for the app's lifetime: going back to a page shows it instantly. */
export function storeFor(source: Source): TimelineStore {
  let s = stores.get(source.key);
  if (!s) {
    s = new TimelineStore(source);
    stores.set(source.key, s);
    const store = s;
    // The newest months are what a fresh page shows first: fetch them as soon as the buckets
    // are known, instead of after the first layout pass has found them visible.
    void store.loadBuckets().then(() => {
      for (const b of (store.buckets ?? []).slice(0, 2)) void store.ensure(b.month, true);
    });
  }
  return s;
}

/** Forgets a source that no longer exists: its store stops asking the server. */
export function forgetStore(source: Source): void {
  stores.get(source.key)?.dispose();
  stores.delete(source.key);
}

/** Every store, to invalidate them all when the library changes. */
export function allStores(): TimelineStore[] {
  return [...stores.values()];
}
