import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DuplicatesReport,
  MapClusters,
  MemoryList,
  PlaceList,
  SearchResult,
} from '../../src/shared/search-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { SEARCH_PHOTOS } from './photos.js';
import { indexLibrary, json, send, startGallery, type Gallery, getOk } from '../server/harness.js';

const PHOTOS = [
  ...SEARCH_PHOTOS,
  'faces/deepface/img11.jpg',
  'faces/deepface/img11_reflection.jpg',
];

describe.skipIf(!hasCorpus)('search and discovery API', () => {
  let g: Gallery;
  const get = <T>(urlPath: string) => getOk<T>(g, urlPath);

  beforeAll(async () => {
    g = await startGallery({ photos: PHOTOS });
    await indexLibrary(g);
  });
  afterAll(async () => g?.close());

  it('GET /api/search understands the query and pages', async () => {
    const r = await get<SearchResult>(`/api/search?q=${encodeURIComponent('italy 2008')}&limit=2`);
    expect(r.understood.chips.map((c) => [c.kind, c.label])).toEqual([
      ['place', 'Italy'],
      ['date', '2008'],
    ]);
    expect(r.items).toHaveLength(2);
    expect(r.total).toBe(3);
    expect(r.items[0].thumbUrl).toMatch(/^\/api\/photos\/[0-9a-f]+\/thumbnail\?v=/);
    const next = await get<SearchResult>(
      `/api/search?q=${encodeURIComponent('italy 2008')}&limit=2&cursor=${r.nextCursor}`,
    );
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
  });

  it('any text is a query; a forged cursor is a 400 with a message', async () => {
    for (const q of [
      "'; DROP TABLE photos; --",
      '"',
      '-',
      'tag:',
      'NEAR(a b) OR *',
      '🐶'.repeat(50),
    ]) {
      const res = await fetch(`${g.url}/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const bad = await fetch(`${g.url}/api/search?q=italy&cursor=nope`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/cursor/);
    expect((await get<SearchResult>('/api/search?q=')).items.length).toBe(PHOTOS.length);
  });

  it('places: list and the place of a photo', async () => {
    const list = await get<PlaceList>('/api/places');
    expect(list.countries).toMatchObject([
      { key: 'IT', name: 'Italy', photos: 3, query: 'country:IT' },
    ]);
    expect(list.cities[0]).toMatchObject({ name: 'Arezzo', photos: 3 });
    const id = (await get<SearchResult>('/api/search?q=arezzo')).items[0].id;
    expect(await get(`/api/places/photos/${id}`)).toMatchObject({
      city: 'Arezzo',
      country: 'Italy',
      query: 'city:Arezzo',
    });
    const obama = (await get<SearchResult>('/api/search?q=obama')).items[0].id;
    expect(await get(`/api/places/photos/${obama}`)).toBeNull();
  });

  it('map clusters, narrowed by a query', async () => {
    const world = await get<MapClusters>('/api/map/clusters?zoom=2');
    expect(world.total).toBe(3);
    expect(world.clusters).toHaveLength(1);
    const [s, w, n, e] = world.clusters[0].bounds;
    expect(world.clusters[0].lat).toBeGreaterThanOrEqual(s);
    expect(world.clusters[0].lat).toBeLessThanOrEqual(n);
    const area = await get<SearchResult>(`/api/search?q=area:${s},${w},${n},${e}`);
    expect(area.items).toHaveLength(3);
    expect((await get<MapClusters>('/api/map/clusters?zoom=2&q=2009')).total).toBe(0);
  });

  it('duplicates: review, resolve, dismiss', async () => {
    const r = await get<DuplicatesReport>('/api/duplicates');
    expect(r.groups.map((x) => x.pairs[0].kind).sort()).toEqual(['crop', 'mirror']);
    const crop = r.groups.find((x) => x.pairs[0].kind === 'crop')!;
    expect(crop.photos.find((p) => p.id === crop.keep)?.path).toMatch(/obama\.jpg$/);
    const resolved = await json(
      await send(`${g.url}/api/duplicates/${crop.id}/resolve`, 'POST', { keep: crop.keep }),
    );
    expect(resolved.trashed).toHaveLength(1);
    const mirror = r.groups.find((x) => x.pairs[0].kind === 'mirror')!;
    expect(await json(await send(`${g.url}/api/duplicates/${mirror.id}/dismiss`, 'POST'))).toEqual({
      dismissed: 1,
    });
    expect((await get<DuplicatesReport>('/api/duplicates')).groups).toEqual([]);
    expect((await send(`${g.url}/api/duplicates/${mirror.id}/dismiss`, 'POST')).status).toBe(404);
  });

  it('memories of a day', async () => {
    const m = await get<MemoryList>('/api/memories?date=2025-10-22');
    expect(m.memories[0]).toMatchObject({
      kind: 'on-this-day',
      title: '17 years ago',
      count: 3,
      query: 'date:2008-10-22',
    });
    expect(m.memories[0].photos[0].thumbUrl).toMatch(/thumbnail/);
    expect((await fetch(`${g.url}/api/memories?date=tomorrow`)).status).toBe(400);
    expect(await get('/api/memories/trips')).toMatchObject({ trips: [] });
  });

  it('settings: OCR switch, and no semantic model unless one was supplied', async () => {
    const s = await get<{
      ocr: { enabled: boolean };
      semantic: { available: boolean; reason: string };
    }>('/api/search/settings');
    expect(s.ocr.enabled).toBe(true);
    expect(s.semantic).toMatchObject({
      available: false,
      reason: expect.stringMatching(/none ships with Picto/),
    });
    const off = await fetch(`${g.url}/api/search/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ocr: false }),
    });
    expect((await json(off)).ocr.enabled).toBe(false);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    for (const p of [
      '/api/search',
      '/api/places',
      '/api/places/photos/{id}',
      '/api/map/clusters',
      '/api/duplicates',
      '/api/duplicates/{id}/resolve',
      '/api/duplicates/{id}/dismiss',
      '/api/memories',
      '/api/memories/trips',
      '/api/search/settings',
      '/api/things',
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
  });
});
