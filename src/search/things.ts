// The things page: what the objects model found across the library, as tags (COCO labels) and the
// broader groups users think in ("animal", "vehicle"), each with a count, a cover and the search
// query that lists its photos.

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import { runInWorker } from '../shared/worker-thread.js';
import { GROUP_TAGS, labelsForGroup } from '../ml/index.js';

export interface Thing {
  name: string;
  photos: number;
  cover: { id: string; hash: string; hasThumb: boolean };
  /** The search (explicit syntax) that lists these photos. */
  query: string;
  /** For a group: its tags present in the library, most frequent first. */
  labels?: string[];
}

export interface ThingList {
  tags: Thing[];
  groups: Thing[];
}

interface Tally {
  photos: Set<string>;
  /** The cover: a photo with a thumbnail before one without, then the highest score. */
  best: { id: string; hash: string; thumb: number; score: number } | null;
}

/** While indexing adds objects, counts are refreshed at most this often. */
const REFRESH_MS = 20_000;

const quote = (v: string) => (/[\s,:]/.test(v) ? `"${v}"` : v);

// A group of one label ("people" = person) would only repeat that tag.
const GROUPS = GROUP_TAGS.map((g) => ({ name: g, labels: labelsForGroup(g) })).filter(
  (g) => g.labels.length > 1,
);

export class ThingsService {
  private cache: { objects: number | null; photos: string; at: number; list: ThingList } | null =
    null;
  private pending: { key: string; promise: Promise<ThingList> } | null = null;
  /** Bumped by the app's own events, for changes the stamp cannot see (photos leaving, edits). */
  private generation = 0;
  private readonly off: () => void;

  constructor(
    private readonly repos: Repos,
    events: EventBus,
  ) {
    this.off = events.on((e) => {
      // Indexing is seen through the objects it writes (and throttled); anything else at once.
      if ((e.type === 'photos.changed' && e.reason !== 'indexed') || e.type === 'folders.changed')
        this.generation++;
    });
  }

  dispose(): void {
    this.off();
  }

  /**
   * Tags and groups, most frequent first. Counting reads every object (~0.7 s at 100k photos), so
   * it runs in a worker thread on its own read-only connection (the server keeps answering), and
   * only after the library changed: at once when photos were trashed, restored or removed, at most
   * every REFRESH_MS while indexing keeps adding objects. Callers meanwhile share one count.
   */
  async list(): Promise<ThingList> {
    const objects = this.repos.objects.thingsStamp();
    const photos = `${objects.trashed}:${this.generation}`;
    const c = this.cache;
    const fresh =
      c && c.photos === photos && (c.objects === objects.last || Date.now() - c.at < REFRESH_MS);
    if (fresh) return c.list;
    const key = `${objects.last}:${photos}`;
    if (this.pending?.key !== key) {
      const at = Date.now();
      const promise = this.count().then((list) => {
        if (this.pending?.promise === promise) this.pending = null;
        this.cache = { objects: objects.last, photos, at, list };
        return list;
      });
      promise.catch(() => {
        if (this.pending?.promise === promise) this.pending = null;
      });
      this.pending = { key, promise };
    }
    return this.pending.promise;
  }

  private count(): Promise<ThingList> {
    const file = this.repos.db.name;
    if (!file || file === ':memory:') {
      return Promise.resolve(countThings(this.repos.objects.liveObjects()));
    }
    return runInWorker<ThingList>(import.meta.url, 'things-worker', {
      task: 'counting things',
      workerData: file,
    });
  }
}

/** Counts tags, groups and covers from every object on a live photo (ObjectsRepo.liveObjects). */
export function countThings(rows: Iterable<[string, string, number, string, number]>): ThingList {
  const byLabel = new Map<string, Tally>();
  for (const [label, id, score, hash, thumb] of rows) {
    let t = byLabel.get(label);
    if (!t) byLabel.set(label, (t = { photos: new Set(), best: null }));
    t.photos.add(id);
    const b = t.best;
    if (
      !b ||
      thumb > b.thumb ||
      (thumb === b.thumb && (score > b.score || (score === b.score && id < b.id)))
    ) {
      t.best = { id, hash, thumb, score };
    }
  }
  const thing = (name: string, photos: number, t: Tally, query: string): Thing => ({
    name,
    photos,
    cover: { id: t.best!.id, hash: t.best!.hash, hasThumb: t.best!.thumb === 1 },
    query,
  });
  const tags = [...byLabel]
    .map(([label, t]) => thing(label, t.photos.size, t, `tag:${quote(label)}`))
    .sort((a, b) => b.photos - a.photos || a.name.localeCompare(b.name));

  const groups: Thing[] = [];
  for (const g of GROUPS) {
    const present = g.labels
      .filter((l) => byLabel.has(l))
      .sort((a, b) => byLabel.get(b)!.photos.size - byLabel.get(a)!.photos.size);
    if (!present.length) continue;
    // A cat-and-dog photo is one photo of animals.
    const photos = new Set<string>();
    for (const l of present) for (const id of byLabel.get(l)!.photos) photos.add(id);
    groups.push({
      ...thing(g.name, photos.size, byLabel.get(present[0])!, `tag:${g.name}`),
      labels: present,
    });
  }
  groups.sort((a, b) => b.photos - a.photos || a.name.localeCompare(b.name));
  return { tags, groups };
}
