import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoDetails } from '../../src/shared/api.js';
import type { SearchResult } from '../../src/shared/search-api.js';
import { categorySet } from '../helpers/category-set.js';
import { hasCorpus } from '../helpers/corpus.js';
import { getOk, indexLibrary, startGallery, type Gallery } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from './browser.js';

const ready = hasCorpus && hasChromium && hasWebBuild;

// Photos of the labelled set (test/helpers/category-set.ts): two screenshots, a document, a
// front-camera selfie, a night photo, a group photo and an ordinary camera photo.
const FILES = [
  'image_1000.png',
  'Screenshot 2024-05-18 151759.png',
  'IMG_2000.jpg',
  'selfie-000.jpg',
  'night-0.jpg',
  'group-0.jpg',
  'DSC_4000.jpg',
];

const texts = (sel: string) =>
  [...(globalThis as any).document.querySelectorAll(sel)].map((e: any) => e.textContent as string);

/** The Categories section on the Things page, the info panel's reasons, removal, Review. */
describe.skipIf(!ready)('categories in the web app', () => {
  let g: Gallery;
  let b: Browser;
  const id = (file: string) => g.picto.repos.locations.byPath(path.join(g.lib, file))!.photo_id;
  const details = (file: string) => getOk<PhotoDetails>(g, `/api/photos/${id(file)}`);
  const total = async (q: string) =>
    (await getOk<SearchResult>(g, `/api/search?q=${encodeURIComponent(q)}`)).total;

  beforeAll(async () => {
    const set = await categorySet();
    g = await startGallery({ photos: [] });
    for (const name of FILES) {
      const p = set.find((x) => path.basename(x.file) === name);
      if (!p) throw new Error(`labelled set has no ${name}`);
      copyFileSync(p.file, path.join(g.lib, name));
    }
    await indexLibrary(g, true);
    b = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('shows a Categories section with covers and counts; a card opens its photos', async () => {
    const { page } = b;
    await page.goto(`${g.url}/things`);
    const section = page.getByRole('region', { name: 'Categories' });
    await section.locator('.thing-card img').first().waitFor();
    // Every cover has loaded (not a broken image).
    await expect
      .poll(() =>
        section
          .locator('.thing-card img')
          .evaluateAll((imgs) => imgs.every((i: any) => i.complete && i.naturalWidth > 0)),
      )
      .toBe(true);
    const titles = (await page.evaluate(texts, '[aria-label="Categories"] .thing-card')).map((t) =>
      t
        .replace(/\s+/g, ' ')
        .replace(/,(?=\S)/, ', ')
        .trim(),
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        'Screenshots, 2 photos',
        'Documents, 1 photo',
        'Selfies, 1 photo',
        'Night, 1 photo',
        'Group photos, 1 photo',
      ]),
    );
    await screenshot(page, 'categories-things');

    await section.getByRole('link', { name: /^Screenshots ?,/ }).click();
    await page.waitForSelector('.search-chip');
    expect(page.url()).toContain('q=category%3Ascreenshot');
    await expect.poll(() => page.locator('.search-cell .tile-img').count()).toBe(2);
    expect(await page.locator('.search-chip').first().textContent()).toContain('Screenshots');
    expect(b.errors).toEqual([]);
  });

  it('lists a photo’s categories with their reason in the info panel', async () => {
    const { page } = b;
    await page.goto(`${g.url}/?photo=${id('selfie-000.jpg')}`);
    await page.locator('.viewer-preview.ready').waitFor();
    await page.keyboard.press('i');
    const info = page.getByRole('complementary', { name: 'Photo details' });
    const list = info.locator('.info-categories');
    await list.waitFor();
    await expect.poll(() => list.textContent()).toContain('Selfie — front camera');
    await expect.poll(() => list.textContent()).toContain('Portrait —');
    await screenshot(page, 'categories-info');
  });

  it('takes a photo out of a category from the info panel, kept, and undoes it', async () => {
    const { page } = b;
    const info = page.getByRole('complementary', { name: 'Photo details' });
    await info.getByRole('button', { name: 'Not a selfie: remove from this category' }).click();
    await info.getByText('Not a selfie (your choice)').waitFor();
    await expect
      .poll(async () => (await info.locator('.info-categories').textContent()) ?? '')
      .not.toContain('Selfie —');
    const d = await details('selfie-000.jpg');
    expect(d.removedCategories.map((r) => r.name)).toEqual(['selfie']);
    expect(d.categories.map((c) => c.name)).not.toContain('selfie');
    expect(await total('selfies')).toBe(0);
    await screenshot(page, 'categories-removed');

    await info.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => info.locator('.info-categories').textContent()).toContain('Selfie —');
    expect((await details('selfie-000.jpg')).removedCategories).toEqual([]);
    expect(await total('selfies')).toBe(1);
    await page.keyboard.press('Escape');
    expect(b.errors).toEqual([]);
  });

  it('Review: selects every screenshot and moves them to the trash at once', async () => {
    const { page } = b;
    await page.goto(`${g.url}/review`);
    await expect.poll(() => page.locator('.tile').count()).toBe(2);
    await page.getByRole('link', { name: 'Documents' }).click();
    await expect.poll(() => page.locator('.tile').count()).toBe(1);
    await page.getByRole('link', { name: 'Screenshots' }).click();
    await expect.poll(() => page.locator('.tile').count()).toBe(2);
    await screenshot(page, 'categories-review');

    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByRole('button', { name: 'Move to trash' }).waitFor();
    await screenshot(page, 'categories-review-selected');
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => total('screenshots')).toBe(0);
    expect((await details('image_1000.png')).trashedAt).not.toBeNull();
    expect((await details('Screenshot 2024-05-18 151759.png')).trashedAt).not.toBeNull();
    expect((await details('IMG_2000.jpg')).trashedAt).toBeNull();
    await page.getByText('No screenshots').waitFor();
    expect(b.errors).toEqual([]);
  });
});
