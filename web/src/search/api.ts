import type { TimelineItem } from '../../../src/shared/api.js';
import type {
  DuplicatesReport,
  MapClusters,
  MemoryList,
  ResolveResult,
  SearchResult,
  ThingList,
} from '../../../src/shared/search-api.js';
import { RequestError } from '../api/client.js';

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw new RequestError(res.status, data as never);
  return data as T;
}

export const searchApi = {
  search: (q: string, cursor?: string, limit = 120) => {
    const p = new URLSearchParams({ q, limit: String(limit) });
    if (cursor) p.set('cursor', cursor);
    return call<SearchResult>('GET', `/api/search?${p}`);
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
    return call<MapClusters>('GET', `/api/map/clusters?${p}`);
  },
  duplicates: () => call<DuplicatesReport>('GET', '/api/duplicates'),
  resolve: (group: string, keep: string) =>
    call<ResolveResult>('POST', `/api/duplicates/${group}/resolve`, { keep }),
  dismiss: (group: string) =>
    call<{ dismissed: number }>('POST', `/api/duplicates/${group}/dismiss`),
  memories: () => call<MemoryList>('GET', '/api/memories'),
  things: () => call<ThingList>('GET', '/api/things'),
};

export type { TimelineItem };

/** The search page URL for a query. */
export function searchHref(q: string): string {
  return `/search?${new URLSearchParams({ q })}`;
}
