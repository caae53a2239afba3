import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Buckets, PhotoDetails, SystemInfo, TimelinePage } from '../../src/shared/api.js';
import { hasCorpus } from '../helpers/corpus.js';
import {
  BROKEN_PHOTO,
  GALLERY_PHOTOS,
  indexLibrary,
  json,
  startGallery,
  type Gallery,
  getOk,
} from './harness.js';

describe.skipIf(!hasCorpus)('gallery API: listings and details', () => {
  let g: Gallery;
  const total = GALLERY_PHOTOS.length + 1;

  beforeAll(async () => {
    g = await startGallery({ photos: [...GALLERY_PHOTOS, BROKEN_PHOTO] });
    await indexLibrary(g);
  });
  afterAll(async () => g?.close());

  const get = <T>(urlPath: string) => getOk<T>(g, urlPath);

  async function allPages(limit: number, between?: (page: number) => void): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const page: TimelinePage = await get(
        `/api/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      between?.(n++);
    } while (cursor);
    return ids;
  }

  it('reports the library', async () => {
    const s = await get<SystemInfo>('/api/system');
    expect(s).toMatchObject({ name: 'picto', schemaVersion: expect.any(Number), folders: 1 });
    expect(s.photos.total).toBe(total);
    expect(s.photos.error).toBe(1);
    expect(s.photos.pending).toBe(0);
  });

  it('gives month buckets that add up, newest first', async () => {
    const b = await get<Buckets>('/api/timeline/buckets');
    expect(b.total).toBe(total);
    expect(b.buckets.reduce((n, x) => n + x.count, 0)).toBe(total);
    const months = b.buckets.map((x) => x.month);
    expect([...months].sort().reverse()).toEqual(months);
    // The DSCN photos were taken in October 2008 (EXIF), whatever their file dates.
    expect(b.buckets.find((x) => x.month === '2008-10')?.count).toBe(6);
  });

  it('pages through everything in order with small pages', async () => {
    const ids = await allPages(2);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const one: TimelinePage = await get(`/api/timeline?limit=100`);
    expect(one.items.map((i) => i.id)).toEqual(ids);
    expect(one.nextCursor).toBeNull();
    const keys = one.items.map((i) => `${i.takenAt} ${i.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    const item = one.items.find((i) => i.status === 'ready')!;
    expect(item.thumbUrl).toMatch(
      new RegExp(`^/api/photos/${item.id}/thumbnail\\?v=[0-9a-f]{16}$`),
    );
    expect(item.width).toBeGreaterThan(0);
    expect(one.items.filter((i) => i.status === 'error')).toHaveLength(1);
  });

  it('keeps pages stable while photos are added', async () => {
    const before = await allPages(3);
    const now = new Date().toISOString();
    // A photo newer than everything, inserted between page requests: it must not shift the pages.
    const ids = await allPages(3, (n) => {
      if (n === 0) {
        g.picto.repos.photos.insertPending({
          id: 'f'.repeat(16),
          hash: 'f'.repeat(64),
          size: 1,
          sortAt: '2099-01-01T00:00:00',
          now,
        });
      }
    });
    expect(ids).toEqual(before);
    g.picto.repos.photos.delete('f'.repeat(16));
  });

  it('lists one month with the month filter', async () => {
    const page: TimelinePage = await get('/api/timeline?month=2008-10&limit=4');
    expect(page.items).toHaveLength(4);
    expect(page.items.every((i) => i.takenAt.startsWith('2008-10'))).toBe(true);
    const rest: TimelinePage = await get(
      `/api/timeline?month=2008-10&limit=4&cursor=${page.nextCursor}`,
    );
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses bad listing parameters with the field at fault', async () => {
    for (const [q, field] of [
      ['limit=0', 'querystring/limit'],
      ['limit=5000', 'querystring/limit'],
      ['limit=ten', 'querystring/limit'],
      ['month=2024-13', 'querystring/month'],
    ] as const) {
      const res = await fetch(`${g.url}/api/timeline?${q}`);
      expect(res.status, q).toBe(400);
      const body = await json(res);
      expect(body).toMatchObject({ statusCode: 400, error: 'validation', field });
      expect(body.message).toContain(field);
    }
    const bad = await fetch(`${g.url}/api/timeline?cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/cursor/);
  });

  it('shows all of a photo: metadata, files, albums, stages and image URLs', async () => {
    const loc = g.picto.repos.locations.byPath(path.join(g.lib, 'DSCN0010.jpg'))!;
    const d = await get<PhotoDetails>(`/api/photos/${loc.photo_id}`);
    expect(d.id).toBe(loc.photo_id);
    expect(d.status).toBe('ready');
    expect(d.camera.make).toMatch(/nikon/i);
    expect(d.exposure.fNumber).toBeGreaterThan(0);
    expect(d.gps?.lat).toBeCloseTo(43.467, 2);
    expect(d.takenAt).toMatch(/^2008-10-22T16:28:39/);
    expect(d.files.map((f) => f.path)).toEqual([path.join(g.lib, 'DSCN0010.jpg')]);
    expect(d.albums).toEqual([]);
    expect(d.stages.find((s) => s.stage === 'media')?.status).toBe('done');
    expect(d.mime).toBe('image/jpeg');
    expect(d.originalViewable).toBe(true);
    expect(d.previewUrl).toMatch(/\/preview\?v=/);
    expect(d.previewWidth).toBeGreaterThan(0);
  });

  it('explains a photo that could not be read', async () => {
    const loc = g.picto.repos.locations.byPath(path.join(g.lib, 'broken.png'))!;
    const d = await get<PhotoDetails>(`/api/photos/${loc.photo_id}`);
    expect(d.status).toBe('error');
    expect(d.error).toBeTruthy();
    expect(d.thumbUrl).toBeNull();
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await fetch(`${g.url}/api/photos/0123456789abcdef`);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ statusCode: 404, error: 'not-found' });
    const malformed = await fetch(`${g.url}/api/photos/NOT-AN-ID`);
    expect(malformed.status).toBe(400);
    expect(await json(malformed)).toMatchObject({ error: 'validation', field: 'params/id' });
    const noRoute = await fetch(`${g.url}/api/nothing-here`);
    expect(noRoute.status).toBe(404);
    expect((await json(noRoute)).message).toMatch(/no such endpoint/);
  });

  it('uses the partial index for timeline pages (no sort, no full scan)', () => {
    const plan = g.picto.repos.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT p.id FROM photos p WHERE p.trashed_at IS NULL AND (p.sort_at, p.id) < (?, ?)
         ORDER BY p.sort_at DESC, p.id DESC LIMIT 200`,
      )
      .all('2030', 'f') as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(/photos_timeline/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });
});
