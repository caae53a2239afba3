import type { Db } from '../connection.js';
import { DuplicatesRepo } from './duplicates.js';
import { EmbeddingsRepo } from './embeddings.js';
import { MemoriesRepo } from './memories.js';
import { PhotoTextRepo } from './photo-text.js';
import { PlacesRepo } from './places.js';
import { SearchRepo } from './search.js';
import { SuggestRepo } from './suggest.js';

/** The repositories of search and discovery, grouped so the catalogue's Repos gains one entry. */
export interface DiscoveryRepos {
  search: SearchRepo;
  places: PlacesRepo;
  duplicates: DuplicatesRepo;
  memories: MemoriesRepo;
  text: PhotoTextRepo;
  embeddings: EmbeddingsRepo;
  /** Counts for search suggestions while typing. */
  suggest: SuggestRepo;
}

export function createDiscoveryRepos(db: Db): DiscoveryRepos {
  return {
    search: new SearchRepo(db),
    places: new PlacesRepo(db),
    duplicates: new DuplicatesRepo(db),
    memories: new MemoriesRepo(db),
    text: new PhotoTextRepo(db),
    embeddings: new EmbeddingsRepo(db),
    suggest: new SuggestRepo(db),
  };
}
