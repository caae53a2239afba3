// Front door of search and discovery: one object the composition root creates, holding the
// search box, places, duplicates, memories and the map. The CLI, the server and the tests reach
// them as `picto.discovery.*`.

import type { Collection } from '../collection/collection.js';
import type { TrashService } from '../collection/trash.js';
import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import { DuplicatesService } from './duplicates/service.js';
import { MapService } from './map.js';
import { MemoriesService } from './memories/service.js';
import { OcrScheduler, type TextStages } from './ocr/scheduler.js';
import { semanticDir } from './semantic/model.js';
import { SemanticSearch } from './semantic/ranker.js';
import type { Geocoder } from './places/geocoder.js';
import { PlacesService, withAliases } from './places/service.js';
import { SearchService } from './service.js';
import { SuggestService } from './suggest/service.js';
import { ThingsService } from './things.js';

export interface DiscoveryDeps {
  repos: Repos;
  events: EventBus;
  trash: TrashService;
  collection: Collection;
  /** The data directory (the semantic model slot is in it). */
  dataDir: string;
  /** The background stages the OCR scheduler queues (from the pipeline table). */
  textStages: TextStages;
  /** Work was queued outside an event the job runner waits on: it should look now. */
  queued?: () => void;
  /** Tests inject a small geocoder. */
  geocoder?: () => Geocoder;
  /** The crop URL of a face, for people in search suggestions (the people pages make them). */
  faceCropUrl?: (faceId: string) => string | null;
}

export class Discovery {
  readonly search: SearchService;
  readonly places: PlacesService;
  readonly duplicates: DuplicatesService;
  readonly memories: MemoriesService;
  readonly map: MapService;
  readonly ocr: OcrScheduler;
  readonly semantic: SemanticSearch;
  readonly things: ThingsService;
  /** Suggestions while typing in the search box. */
  readonly suggest: SuggestService;
  private readonly off: () => void;

  constructor(private readonly deps: DiscoveryDeps) {
    const { repos, events } = deps;
    this.semantic = new SemanticSearch(repos, semanticDir(deps.dataDir));
    this.search = new SearchService({
      semantic: this.semantic,
      repo: repos.discovery.search,
      events,
      placeAliases: withAliases,
      // Places of photos indexed by an older build (or another process) are filled in before the
      // first search reads them.
      beforeSearch: () => this.places.catchUp(),
    });
    this.places = new PlacesService({
      repos,
      events,
      geocoder: deps.geocoder,
      onChanged: (now) => (now ? this.search.forget() : this.search.invalidate()),
    });
    this.duplicates = new DuplicatesService({
      repos,
      events,
      trash: deps.trash,
      collection: deps.collection,
    });
    this.memories = new MemoriesService(repos, () => this.places.catchUp());
    this.map = new MapService(repos, this.search);
    this.things = new ThingsService(repos, events);
    this.suggest = new SuggestService({
      repos,
      events,
      things: this.things,
      search: this.search,
      faceCropUrl: deps.faceCropUrl,
    });
    this.ocr = new OcrScheduler(
      repos,
      events,
      deps.textStages,
      () => this.semantic.status().version,
      deps.queued,
    );
    // Indexing finished somewhere: catch up on positions it wrote.
    this.off = events.on((e) => {
      if (e.type === 'jobs.idle') {
        this.places
          .catchUpInSteps()
          .catch((err: unknown) =>
            process.stderr.write(`picto: naming places failed: ${(err as Error).stack ?? err}\n`),
          );
      }
    });
  }

  dispose(): void {
    this.off();
    this.search.dispose();
    this.places.dispose();
    this.duplicates.dispose();
    this.ocr.dispose();
    this.things.dispose();
    this.suggest.dispose();
  }
}
