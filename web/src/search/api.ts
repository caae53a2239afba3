import type { TimelineItem } from '../../../src/shared/api.js';
import type {
  DuplicatesReport,
  MapClusters,
  MemoryList,
  ResolveResult,
  SearchResult,
  ThingList,
} from '../../../src/shared/search-api.js';
import { request } from '../api/client.js';

export const searchApi = {
  search: (q: string, cursor?: string, limit = 120) => {
    const p = new URLSearchParams({ q, limit: String(limit) });
    if (cursor) p.set('cursor', cursor);
    return request<SearchResult>('GET', `/api/search?${p}`);
  },
  clusters: (
    b: { south: number; west: number; north: number; east: number },
    zoom: number,
    q?: string,
  ) => {
    const p = new URLSearchParams({
      south: String(b.south),
      west: String(b.west),
      north: String(b.north),
      east: String(b.east),
      zoom: String(zoom),
    });
    if (q) p.set('q', q);
    return request<MapClusters>('GET', `/api/map/clusters?${p}`);
  },
  duplicates: () => request<DuplicatesReport>('GET', '/api/duplicates'),
  resolve: (group: string, keep: string) =>
    request<ResolveResult>('POST', `/api/duplicates/${group}/resolve`, { keep }),
  dismiss: (group: string) =>
    request<{ dismissed: number }>('POST', `/api/duplicates/${group}/dismiss`),
  memories: () => request<MemoryList>('GET', '/api/memories'),
  things: () => request<ThingList>('GET', '/api/things'),
};

export type { TimelineItem };

/** The search page URL for a query. */
export function searchHref(q: string): string {
  return `/search?${new URLSearchParams({ q })}`;
}
