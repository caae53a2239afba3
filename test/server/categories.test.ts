import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCategories } from '../../src/categories/refresh.js';
import type { PhotoDetails, TimelinePage } from '../../src/shared/api.js';
import type { CategoryList } from '../../src/shared/categories-api.js';
import type { SearchResult, ThingList } from '../../src/shared/search-api.js';
import { categorySet, type LabelledPhoto } from '../helpers/category-set.js';
import { hasCorpus } from '../helpers/corpus.js';
import { getOk, indexLibrary, json, send, startGallery, type Gallery } from './harness.js';

// The categories through the product: the pipeline stage at ingest (AI on, so faces and the
// paper's text count), the photo details' reasons, the things page's counts, the search words,
// the category routes, a user's removal that survives recomputation, and the export document.
// Photos come from the labelled set the quality test checks (test/helpers/category-set.ts).

/** One photo of each kind, by file name in the labelled set, and what it must be. */
const PICKS: Record<string, string[]> = {
  'image_1000.png': ['screenshot'],
  'Screenshot 2024-05-18 151759.png': ['screenshot'],
  'IMG_2000.jpg': ['document'],
  'IMG_2100.jpg': ['document'],
  'selfie-000.jpg': ['selfie', 'portrait'],
  'back-001.jpg': ['portrait'],
  'group-0.jpg': ['group'],
  'night-0.jpg': ['night'],
  'PANO_0000.jpg': ['panorama'],
  'day-0.jpg': [],
  'DSC_4000.jpg': [],
};

const OWN = ['screenshot', 'document', 'selfie', 'panorama', 'night', 'group', 'portrait'];

describe.skipIf(!hasCorpus)('categories through the API', () => {
  let g: Gallery;
  const get = <T>(urlPath: string) => getOk<T>(g, urlPath);
  const ids = new Map<string, string>();
  const search = (q: string) => get<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`);
  const found = async (q: string) => new Set((await search(q)).items.map((i) => i.id));
  const details = (file: string) => get<PhotoDetails>(`/api/photos/${ids.get(file)}`);

  beforeAll(async () => {
    const set = await categorySet();
    g = await startGallery({ photos: [] });
    for (const name of Object.keys(PICKS)) {
      const p = set.find((x: LabelledPhoto) => path.basename(x.file) === name);
      if (!p) throw new Error(`labelled set has no ${name}`);
      copyFileSync(p.file, path.join(g.lib, name));
    }
    await indexLibrary(g, true);
    const page = await get<TimelinePage>('/api/timeline?limit=100');
    for (const item of page.items) {
      const d = await get<PhotoDetails>(`/api/photos/${item.id}`);
      ids.set(path.basename(d.files[0].path), item.id);
    }
  }, 300_000);
  afterAll(async () => g?.close());

  it('knows every photo’s categories once indexing is done, each with a score and a reason', async () => {
    expect(ids.size).toBe(Object.keys(PICKS).length);
    for (const [file, want] of Object.entries(PICKS)) {
      const d = await details(file);
      const own = d.categories.map((c) => c.name).filter((n) => OWN.includes(n));
      expect(own.sort(), file).toEqual([...want].sort());
      for (const c of d.categories) {
        expect(c.score, `${file} ${c.name}`).toBeGreaterThanOrEqual(0.5);
        expect(c.score).toBeLessThanOrEqual(1);
        expect(c.reason.length, `${file} ${c.name}`).toBeGreaterThan(2);
        expect(c.label.length).toBeGreaterThan(2);
      }
      expect(d.removedCategories).toEqual([]);
    }
    const selfie = (await details('selfie-000.jpg')).categories.find((c) => c.name === 'selfie');
    expect(selfie).toMatchObject({ label: 'Selfie', reason: 'front camera' });
    const receipt = (await details('IMG_2100.jpg')).categories.find((c) => c.name === 'document');
    expect(receipt).toMatchObject({ label: 'Receipt', subtype: 'receipt' });
    const group = (await details('group-0.jpg')).categories.find((c) => c.name === 'group');
    expect(group?.reason).toMatch(/\d+ faces/);
  });

  it('defines the categories and counts them on the things page, with covers', async () => {
    const defs = await get<CategoryList>('/api/categories');
    expect(defs.categories.map((c) => c.name)).toEqual(
      expect.arrayContaining([...OWN, 'food', 'pets', 'vehicles', 'sports']),
    );
    for (const c of defs.categories) expect(c.definition.length, c.name).toBeGreaterThan(20);

    const things = await get<ThingList>('/api/things');
    const card = (n: string) => things.categories.find((c) => c.name === n);
    expect(card('screenshot')).toMatchObject({ photos: 2, query: 'category:screenshot' });
    expect(card('document')).toMatchObject({ photos: 2, label: 'Documents' });
    expect(card('selfie')?.photos).toBe(1);
    expect(card('portrait')?.photos).toBe(2);
    for (const c of things.categories) {
      expect(c.coverUrl, c.name).toMatch(/^\/api\/photos\/[0-9a-f]+\/thumbnail\?v=/);
      expect((await search(c.query)).total, c.query).toBe(c.photos);
    }
  });

  it('understands the category words, category:NAME and negation', async () => {
    const of = (...files: string[]) => new Set(files.map((f) => ids.get(f)));
    expect(await found('screenshots')).toEqual(
      of('image_1000.png', 'Screenshot 2024-05-18 151759.png'),
    );
    expect(await found('screenshot')).toEqual(await found('category:screenshot'));
    expect(await found('documents')).toEqual(of('IMG_2000.jpg', 'IMG_2100.jpg'));
    expect(await found('receipts')).toEqual(of('IMG_2100.jpg'));
    expect(await found('selfies')).toEqual(of('selfie-000.jpg'));
    expect(await found('panoramas')).toEqual(of('PANO_0000.jpg'));
    expect(await found('night')).toEqual(of('night-0.jpg'));
    expect(await found('group photos')).toEqual(of('group-0.jpg'));
    expect(await found('portraits')).toEqual(of('selfie-000.jpg', 'back-001.jpg'));
    expect(await found('category:group')).toEqual(of('group-0.jpg'));
    expect(await found('category:receipt')).toEqual(of('IMG_2100.jpg'));

    const all = await found('-category:nothing-at-all');
    const without = await found('-screenshots');
    expect(without.size).toBe(ids.size - 2);
    expect(without.has(ids.get('image_1000.png')!)).toBe(false);
    expect(all.size).toBeLessThanOrEqual(ids.size);

    const r = await search('selfies');
    expect(r.understood.chips).toEqual([
      expect.objectContaining({ kind: 'category', label: 'Selfies', negate: false }),
    ]);
    const neg = await search('-screenshots');
    expect(neg.understood.chips[0]).toMatchObject({ kind: 'category', negate: true });
    const unknown = await search('category:sunsets');
    expect(unknown.total).toBe(0);
    expect(unknown.understood.chips[0].note).toMatch(/no category called "sunsets"/);
  });

  it('pages a category’s photos as a timeline, with month buckets', async () => {
    const page = await get<TimelinePage>('/api/categories/screenshot/photos?limit=1');
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await get<TimelinePage>(
      `/api/categories/screenshot/photos?limit=1&cursor=${page.nextCursor}`,
    );
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(page.items[0].id);
    const buckets = await get<{ total: number }>('/api/categories/screenshot/buckets');
    expect(buckets.total).toBe(2);
  });

  it('refuses an unknown category or photo with a 4xx and a message', async () => {
    const bad = await fetch(`${g.url}/api/categories/sunsets/photos`);
    expect(bad.status).toBe(400);
    const none = await send(`${g.url}/api/categories/selfie/removals`, 'POST', {
      ids: ['0'.repeat(16)],
    });
    expect(none.status).toBe(404);
    expect((await json<{ message: string }>(none)).message).toMatch(/no photo/);
    const empty = await send(`${g.url}/api/categories/selfie/removals`, 'POST', {});
    expect(empty.status).toBe(400);
  });

  it('keeps a user’s removal across recomputation, and undoes it', async () => {
    const id = ids.get('selfie-000.jpg')!;
    const res = await send(`${g.url}/api/categories/selfie/removals`, 'POST', { ids: [id] });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ changed: [id] });

    const d = await details('selfie-000.jpg');
    expect(d.categories.map((c) => c.name)).not.toContain('selfie');
    expect(d.categories.map((c) => c.name)).toContain('portrait');
    expect(d.removedCategories).toEqual([{ name: 'selfie', label: 'Selfie' }]);
    expect((await search('selfies')).total).toBe(0);
    expect((await get<ThingList>('/api/things')).categories.some((c) => c.name === 'selfie')).toBe(
      false,
    );

    // Recomputed (as when faces are detected again): still out.
    const repos = g.picto.repos;
    repos.db.transaction(() => refreshCategories(repos, id))();
    expect((await details('selfie-000.jpg')).categories.map((c) => c.name)).not.toContain('selfie');

    const undo = await send(`${g.url}/api/categories/selfie/removals`, 'DELETE', { ids: [id] });
    expect(await json(undo)).toEqual({ changed: [id] });
    const back = await details('selfie-000.jpg');
    expect(back.categories.find((c) => c.name === 'selfie')?.reason).toBe('front camera');
    expect(back.removedCategories).toEqual([]);
    expect((await search('selfies')).total).toBe(1);
  });

  it('exports each photo’s categories with score and reason', () => {
    const doc = g.picto.exporter.exportAll();
    const byId = new Map(doc.photos.map((p) => [p.id, p]));
    const night = byId.get(ids.get('night-0.jpg')!);
    expect(night?.categories).toEqual([
      { name: 'night', score: expect.any(Number), reason: expect.any(String) },
    ]);
    expect(byId.get(ids.get('IMG_2100.jpg')!)?.categories).toContainEqual(
      expect.objectContaining({ name: 'document', subtype: 'receipt' }),
    );
    expect(
      byId.get(ids.get('DSC_4000.jpg')!)?.categories.filter((c) => OWN.includes(c.name)),
    ).toEqual([]);
  });
});
