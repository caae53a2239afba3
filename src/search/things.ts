// The things page: what the objects model found across the library, as tags (COCO labels) and the
// broader groups users think in ("animal", "vehicle"), each with a count, a cover and the search
// query that lists its photos.

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import { runInWorker } from '../shared/worker-thread.js';
import { CATEGORIES, type Category, type CategoryName } from '../categories/index.js';
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

/** A photo category on the things page ("Screenshots"), with its definition. */
export interface CategoryThing extends Omit<Thing, 'name' | 'labels'> {
  name: CategoryName;
  label: string;
  definition: string;
  /** The group of tags it follows, when it is one (food, vehicle, sports). */
  tagGroup?: string;
}

export interface ThingList {
  tags: Thing[];
  groups: Thing[];
  /** Photo categories with photos, in the catalogue's order (src/categories). */
  categories: CategoryThing[];
}

/** One row per photo and tag (or category): [name, photo id, score, content hash, thumb 1/0]. */
export type ThingRow = [string, string, number, string, number];

interface Candidate {
  id: string;
  hash: string;
  thumb: number;
  score: number;
}

interface Tally {
  photos: Set<string>;
  /**
   * Cover candidates, best first: a photo with a thumbnail before one without, then the highest
   * score. A few are kept so that covers can differ (see [Note: one photo, one cover]).
   */
  best: Candidate[];
}

/** Cover candidates kept per tag. */
const CANDIDATES = 8;

/** Better cover first: with a thumbnail, then the clearest, then by id (a stable order). */
const better = (a: Candidate, b: Candidate) =>
  b.thumb - a.thumb || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function offer(t: Tally, c: Candidate): void {
  const list = t.best;
  if (list.length === CANDIDATES && better(c, list[list.length - 1]) >= 0) return;
  const at = list.findIndex((x) => x.id === c.id);
  if (at >= 0) {
    if (better(c, list[at]) >= 0) return;
    list.splice(at, 1);
  }
  let i = list.length;
  while (i > 0 && better(c, list[i - 1]) < 0) i--;
  list.splice(i, 0, c);
  if (list.length > CANDIDATES) list.pop();
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
    // Categories are rewritten with the objects (and by the user's removals, which are events).
    const photos = `${objects.trashed}:${this.generation}:${this.repos.categories.stamp()}`;
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
      return Promise.resolve(
        countThings(this.repos.objects.liveObjects(), this.repos.categories.liveCategories()),
      );
    }
    return runInWorker<ThingList>(import.meta.url, 'things-worker', {
      task: 'counting things',
      workerData: file,
    });
  }
}

function tally(rows: Iterable<ThingRow>): Map<string, Tally> {
  const byName = new Map<string, Tally>();
  for (const [name, id, score, hash, thumb] of rows) {
    let t = byName.get(name);
    if (!t) byName.set(name, (t = { photos: new Set(), best: [] }));
    t.photos.add(id);
    offer(t, { id, hash, thumb, score });
  }
  return byName;
}

/**
 * Counts tags, groups, categories and covers from every object and category row of a live photo
 * (ObjectsRepo.liveObjects, CategoriesRepo.liveCategories).
 */
export function countThings(
  rows: Iterable<ThingRow>,
  categoryRows: Iterable<ThingRow> = [],
): ThingList {
  const byLabel = tally(rows);
  const byCategory = tally(categoryRows);
  // [Note: one photo, one cover] A street scene is the clearest person, car, bus and traffic
  // light at once; four cards with the same picture say nothing. Covers are handed out in the
  // order the page shows the cards (categories, kinds, then tags), each taking its best
  // candidate that no earlier card took, or its best one when every candidate is taken.
  const used = new Set<string>();
  const pick = (candidates: Candidate[]): Candidate => {
    const c = candidates.find((x) => !used.has(x.id)) ?? candidates[0];
    used.add(c.id);
    return c;
  };
  const thing = (name: string, photos: number, cover: Candidate, query: string): Thing => ({
    name,
    photos,
    cover: { id: cover.id, hash: cover.hash, hasThumb: cover.thumb === 1 },
    query,
  });
  // The page shows categories first, except those that repeat a kind's group (food, vehicles,
  // sports: shown once, as the kind): those take their covers last.
  const present = CATEGORIES.filter((c) => byCategory.has(c.name));
  const shownGroups = new Set<string>(
    GROUPS.filter((g) => g.labels.some((l) => byLabel.has(l))).map((g) => g.name),
  );
  const repeats = (c: Category) => !!c.tagGroup && shownGroups.has(c.tagGroup);
  const category = (c: Category): CategoryThing => {
    const t = byCategory.get(c.name)!;
    return {
      ...thing(c.name, t.photos.size, pick(t.best), `category:${c.name}`),
      name: c.name,
      label: c.label,
      definition: c.definition,
      ...(c.tagGroup ? { tagGroup: c.tagGroup } : {}),
    };
  };
  const first = new Map(present.filter((c) => !repeats(c)).map((c) => [c.name, category(c)]));

  const groupRows: { name: string; photos: number; labels: string[]; candidates: Candidate[] }[] =
    [];
  for (const g of GROUPS) {
    const present = g.labels
      .filter((l) => byLabel.has(l))
      .sort((a, b) => byLabel.get(b)!.photos.size - byLabel.get(a)!.photos.size);
    if (!present.length) continue;
    // A cat-and-dog photo is one photo of animals.
    const photos = new Set<string>();
    for (const l of present) for (const id of byLabel.get(l)!.photos) photos.add(id);
    // The most frequent tag's candidates first (the group looks like what it mostly holds).
    const candidates = present.flatMap((l) => byLabel.get(l)!.best);
    groupRows.push({ name: g.name, photos: photos.size, labels: present, candidates });
  }
  groupRows.sort((a, b) => b.photos - a.photos || a.name.localeCompare(b.name));
  const groups = groupRows.map((g) => ({
    ...thing(g.name, g.photos, pick(g.candidates), `tag:${g.name}`),
    labels: g.labels,
  }));

  const tags = [...byLabel]
    .sort(([la, a], [lb, b]) => b.photos.size - a.photos.size || la.localeCompare(lb))
    .map(([label, t]) => thing(label, t.photos.size, pick(t.best), `tag:${quote(label)}`));
  const categories = present.map((c) => first.get(c.name) ?? category(c));
  return { tags, groups, categories };
}
