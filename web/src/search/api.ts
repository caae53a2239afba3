import type { TimelineItem } from '../../../src/shared/api.js';
import { routes } from '../../../src/shared/routes/index.js';
import { call } from '../api/client.js';

// Search and discovery calls under the names the pages use, each one declared route.

export const searchApi = {
  search: (q: string, cursor?: string, limit = 120) =>
    call(routes.searchPhotos, { query: { q, limit, cursor } }),
  clusters: (
    b: { south: number; west: number; north: number; east: number },
    zoom: number,
    q?: string,
  ) =>
    call(routes.getMapClusters, {
      query: {
        south: b.south,
        west: b.west,
        north: b.north,
        east: b.east,
        zoom,
        q: q || undefined,
      },
    }),
  duplicates: () => call(routes.getDuplicates),
  resolve: (group: string, keep: string) =>
    call(routes.resolveDuplicates, { params: { id: group }, body: { keep } }),
  dismiss: (group: string) => call(routes.dismissDuplicates, { params: { id: group } }),
  memories: () => call(routes.listMemories),
  things: () => call(routes.listThings),
};

export type { TimelineItem };

/** The search page URL for a query. */
export function searchHref(q: string): string {
  return `/search?${new URLSearchParams({ q })}`;
}
