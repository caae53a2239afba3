import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult, ThingList } from '../../src/shared/search-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from '../e2e/browser.js';
import { indexLibrary, startGallery, type Gallery, getOk } from '../server/harness.js';

// COCO photos with known objects (ground truth in corpus/objects) that the objects model finds
// well above its threshold: a dog (beside a teddy bear), a cat, a car and a cat, a car and a
// truck, a pizza, a bus with people. (The dog with a frisbee, 000000000307, also gets a cat at
// exactly the threshold since CenterNet's padding is black: not a photo to count tags on.)
const PHOTOS = [
  'objects/coco128/images/000000000309.jpg',
  'objects/coco128/images/000000000599.jpg',
  'objects/coco128/images/000000000650.jpg',
  'objects/coco128/images/000000000094.jpg',
  'objects/coco128/images/000000000194.jpg',
  'objects/ultralytics/bus.jpg',
];

const texts = (sel: string) =>
  [...(globalThis as any).document.querySelectorAll(sel)].map((e: any) => e.textContent as string);

describe.skipIf(!hasCorpus)('things: the tags page', () => {
  let g: Gallery;
  let things: ThingList;
  const get = <T>(urlPath: string) => getOk<T>(g, urlPath);

  beforeAll(async () => {
    g = await startGallery({ photos: PHOTOS });
    await indexLibrary(g, true);
    things = await get<ThingList>('/api/things');
  });
  afterAll(async () => g?.close());

  it('lists tags and groups with counts, covers and the query that lists their photos', async () => {
    const tag = (name: string) => things.tags.find((t) => t.name === name);
    expect(tag('cat')).toMatchObject({ photos: 2, query: 'tag:cat' });
    expect(tag('dog')).toMatchObject({ photos: 1, query: 'tag:dog' });
    expect(tag('bus')).toMatchObject({ photos: 1 });
    expect(tag('person')?.photos).toBeGreaterThanOrEqual(1);
    for (const t of things.tags) {
      expect(t.coverUrl, t.name).toMatch(/^\/api\/photos\/[0-9a-f]+\/thumbnail\?v=/);
    }
    const counts = things.tags.map((t) => t.photos);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // A group counts a photo once: two cats and a dog are three photos of animals.
    const animal = things.groups.find((x) => x.name === 'animal');
    expect(animal).toMatchObject({ photos: 3, query: 'tag:animal' });
    expect(animal?.labels?.slice(0, 2)).toEqual(['cat', 'dog']);
    expect(things.groups.find((x) => x.name === 'vehicle')?.labels).toEqual(
      expect.arrayContaining(['car', 'bus']),
    );
    expect(things.groups.some((x) => x.name === 'people')).toBe(false);

    for (const x of [...things.tags, ...things.groups]) {
      const r = await get<SearchResult>(`/api/search?q=${encodeURIComponent(x.query)}`);
      expect(r.total, x.query).toBe(x.photos);
    }
  });

  it('leaves out photos in the trash', async () => {
    const dog = await get<SearchResult>('/api/search?q=tag:dog');
    const res = await fetch(`${g.url}/api/trash`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [dog.items[0].id] }),
    });
    expect(res.status).toBeLessThan(300);
    const after = await get<ThingList>('/api/things');
    expect(after.tags.some((t) => t.name === 'dog')).toBe(false);
    expect(after.groups.find((x) => x.name === 'animal')?.photos).toBe(2);
  });

  it.skipIf(!hasChromium || !hasWebBuild)(
    'shows kinds and tags; a card opens its photos',
    async () => {
      const b: Browser = await openBrowser();
      try {
        const { page } = b;
        await page.goto(`${g.url}/things`);
        await page.waitForSelector('.thing-card img');
        // Each title ends with a comma only screen readers get ("Cat, 2 photos").
        const titles = (await page.evaluate(texts, '.thing-card .memory-title')).map((t) =>
          t.replace(/,$/, ''),
        );
        expect(titles).toEqual(expect.arrayContaining(['Animal', 'Vehicle', 'Cat', 'Bus']));
        await screenshot(page, 'things');
        await page.getByRole('link', { name: /^Cat ?,/ }).click();
        await page.waitForSelector('.search-chip');
        expect(page.url()).toContain('q=tag%3Acat');
        await page.waitForFunction(
          () =>
            (globalThis as any).document.querySelectorAll('.search-cell .tile-img').length === 2,
        );
        expect(b.errors).toEqual([]);
      } finally {
        await b.close();
      }
    },
  );
});
