// Front door of search and discovery: one object the composition root creates, holding the
// search box, places, duplicates, memories and the map. The CLI, the server and the tests reach
// them as `picto.discovery.*`.

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import type { Geocoder } from './places/geocoder.js';
import { PlacesService, withAliases } from './places/service.js';
import { SearchService } from './service.js';

export interface DiscoveryDeps {
  repos: Repos;
  events: EventBus;
  /** Tests inject a small geocoder. */
  geocoder?: () => Geocoder;
}

export class Discovery {
  readonly search: SearchService;
  readonly places: PlacesService;
  private readonly off: () => void;

  constructor(deps: DiscoveryDeps) {
    const { repos, events } = deps;
    this.search = new SearchService({
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
      onChanged: () => this.search.invalidate(),
    });
    // Indexing finished somewhere: catch up on positions it wrote.
    this.off = events.on((e) => {
      if (e.type === 'jobs.idle') this.places.catchUp(true);
    });
  }

  dispose(): void {
    this.off();
    this.search.dispose();
    this.places.dispose();
  }
}
