// Front door of search and discovery: one object the composition root creates, holding the
// search box, places, duplicates, memories and the map. The CLI, the server and the tests reach
// them as `picto.discovery.*`.

import type { Repos } from '../db/index.js';
import type { EventBus } from '../shared/events.js';
import { SearchService } from './service.js';

export interface DiscoveryDeps {
  repos: Repos;
  events: EventBus;
}

export class Discovery {
  readonly search: SearchService;

  constructor(deps: DiscoveryDeps) {
    const { repos, events } = deps;
    this.search = new SearchService({ repo: repos.discovery.search, events });
  }

  dispose(): void {
    this.search.dispose();
  }
}
