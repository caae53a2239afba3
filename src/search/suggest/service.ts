// Search suggestions while typing: people, places, tags, albums, cameras and dates that complete
// the last words of the search box (rank.ts), with photo counts and covers.
//
// [Note: suggestion counts] Counting every name's photos reads most of the catalogue (~0.5 s
// at 100k photos), far too slow for a keystroke. The counts are made in a worker thread and
// kept; a keystroke only filters a few thousand entries in memory (well under a millisecond).
// They are counted again after the user changes something (a name, an album, the trash) —
// waited for briefly, so a small library shows the change at the next keystroke — and at most
// every INDEXING_REFRESH_MS while indexing adds photos.

import type { Repos } from '../../db/index.js';
import type { SuggestCounts } from '../../db/repos/suggest.js';
import type { EventBus } from '../../shared/events.js';
import type { SearchSuggestion } from '../../shared/suggest-api.js';
import { thumbUrl } from '../../shared/routes/urls.js';
import { runInWorker } from '../../shared/worker-thread.js';
import { termQuery } from '../chips.js';
import type { SearchService } from '../service.js';
import type { ThingsService } from '../things.js';
import { buildEntries } from './entries.js';
import { rankSuggestions, type Completion, type SuggestEntry } from './rank.js';

export interface SuggestDeps {
  repos: Repos;
  events: EventBus;
  things: ThingsService;
  search: SearchService;
  /** The crop URL of a face (a person's cover), from the people pages. */
  faceCropUrl?: (faceId: string) => string | null;
  now?: () => Date;
}

const USER_WAIT_MS = 250;
const INDEXING_REFRESH_MS = 30_000;

export class SuggestService {
  private entries: SuggestEntry[] | null = null;
  private building: Promise<SuggestEntry[]> | null = null;
  /** Bumped by changes a person made; the entries were built for `builtFor`. */
  private changes = 0;
  private builtFor = -1;
  private builtAt = 0;
  private indexed = false;
  private readonly off: () => void;

  constructor(private readonly deps: SuggestDeps) {
    this.off = deps.events.on((e) => {
      if (e.type === 'photos.changed' && e.reason === 'indexed') this.indexed = true;
      else if (
        e.type === 'photos.changed' ||
        e.type === 'albums.changed' ||
        e.type === 'people.changed' ||
        e.type === 'folders.changed'
      )
        this.changes++;
    });
  }

  dispose(): void {
    this.off();
  }

  /** Resolves once no counting is in flight (before the catalogue closes). */
  async settled(): Promise<void> {
    await this.building?.catch(() => undefined);
  }

  /** Completions of the search text as typed so far, best first. */
  async suggest(text: string, limit = 8): Promise<SearchSuggestion[]> {
    if (!text.trim()) {
      // The box was focused: count now, so the first word typed is answered at once.
      this.warm();
      return [];
    }
    const entries = await this.current();
    const search = this.deps.search;
    const readsAs = (phrase: string, explicit: string) => {
      const q = search.parse(phrase);
      const c = q.clauses[0];
      return (
        q.clauses.length === 1 &&
        !q.ignored.length &&
        !c.negate &&
        c.terms.length === 1 &&
        termQuery(c.terms[0]) === explicit
      );
    };
    const found = rankSuggestions(text, entries, { limit, explicit: termQuery, readsAs });
    const photos = found.flatMap(({ entry: { cover } }) =>
      cover && 'photo' in cover ? [cover.photo] : [],
    );
    const thumbs = this.deps.repos.discovery.suggest.covers(photos);
    return found.map((c) => this.view(c, thumbs));
  }

  /** Starts counting ahead of the first keystroke (the search page opened). */
  warm(): void {
    this.current().catch(() => undefined);
  }

  private view({ entry, query }: Completion, thumbs: Map<string, string>): SearchSuggestion {
    const c = entry.cover;
    const hash = c && 'photo' in c ? thumbs.get(c.photo) : undefined;
    const coverUrl = !c
      ? null
      : 'face' in c
        ? (this.deps.faceCropUrl?.(c.face) ?? null)
        : hash
          ? thumbUrl(c.photo, hash)
          : null;
    return {
      kind: entry.kind,
      label: entry.label,
      ...(entry.detail ? { detail: entry.detail } : {}),
      query,
      count: entry.count,
      ...(coverUrl ? { coverUrl } : {}),
    };
  }

  private async current(): Promise<SuggestEntry[]> {
    const stale =
      this.changes !== this.builtFor ||
      (this.indexed && Date.now() - this.builtAt > INDEXING_REFRESH_MS);
    if (this.entries && !stale) return this.entries;
    const build = this.rebuild();
    if (!this.entries) return build;
    // What a person just changed shows at once when counting is quick; a large library keeps
    // answering from the last counts meanwhile.
    await Promise.race([
      build.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, USER_WAIT_MS).unref()),
    ]);
    return this.entries;
  }

  private rebuild(): Promise<SuggestEntry[]> {
    if (this.building) return this.building;
    const changes = this.changes;
    this.indexed = false;
    const build = Promise.all([this.count(), this.deps.things.list()])
      .then(([counts, things]) => {
        this.entries = buildEntries(counts, things, this.deps.now?.() ?? new Date());
        this.builtFor = changes;
        this.builtAt = Date.now();
        return this.entries;
      })
      .finally(() => {
        this.building = null;
      });
    this.building = build;
    return build;
  }

  private count(): Promise<SuggestCounts> {
    const { repos } = this.deps;
    const file = repos.db.name;
    if (!file || file === ':memory:') return Promise.resolve(repos.discovery.suggest.counts());
    return runInWorker<SuggestCounts>(import.meta.url, 'counts-worker', {
      task: 'counting search suggestions',
      workerData: file,
    });
  }
}
