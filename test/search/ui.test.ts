import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type Browser } from '../e2e/browser.js';
import {
  closeGalleryInBrowser,
  galleryReady,
  openGalleryInBrowser,
} from '../e2e/gallery-browser.js';
import type { Gallery } from '../server/harness.js';
import { SEARCH_PHOTOS } from './photos.js';

// Browser code reaches the DOM through globalThis (tests compile without DOM types).
const texts = (sel: string) =>
  [...(globalThis as any).document.querySelectorAll(sel)].map((e: any) => e.textContent as string);

describe.skipIf(!galleryReady)('search, map and duplicates pages in a browser', () => {
  let g: Gallery;
  let b: Browser;

  beforeAll(async () => {
    ({ g, b } = await openGalleryInBrowser({ photos: SEARCH_PHOTOS, index: true }));
  });
  afterAll(() => closeGalleryInBrowser(g, b));

  it('searches from the box, shows chips, and a chip removed widens the search', async () => {
    const { page } = b;
    await page.goto(`${g.url}/search`);
    await page.fill('.search-input', 'italy 2008 -car');
    await page.press('.search-input', 'Enter');
    await page.waitForSelector('.search-chip');
    expect(await page.evaluate(texts, '.search-chip')).toEqual([
      'placeItaly',
      'date2008',
      'tagnot car',
    ]);
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('.search-cell .tile-img').length === 3,
    );
    await screenshot(page, 'search-chips');
    await page.click('.search-chip:nth-child(1) .search-chip-x');
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('.search-chip').length === 2,
    );
    expect(page.url()).toContain('q=2008+-car');
    // A photo opens in the viewer.
    await page.click('.search-cell .tile-hit');
    await page.waitForSelector('.viewer');
    await page.keyboard.press('Escape');
    expect(b.errors).toEqual([]);
  });

  it('shows photos with a place on the offline map, and a cluster opens its area', async () => {
    const { page } = b;
    await page.goto(`${g.url}/map`);
    await page.waitForSelector('.map-cluster');
    await page.waitForSelector('.leaflet-overlay-pane path');
    expect(await page.evaluate(texts, '.map-cluster-count')).toEqual(['3']);
    await screenshot(page, 'map');
    await page.click('.map-cluster');
    await page.waitForSelector('.search-chip');
    expect(await page.evaluate(texts, '.search-chip')).toEqual(['areamap area']);
    expect(b.errors).toEqual([]);
  });

  it('reviews duplicates and keeps the suggested photo', async () => {
    const { page } = b;
    await page.goto(`${g.url}/duplicates`);
    await page.waitForSelector('.dup-group');
    expect(await page.evaluate(texts, '.dup-kind')).toEqual(['cropped from the other']);
    await screenshot(page, 'duplicates');
    await page.click('.dup-actions .button-primary');
    await page.waitForSelector('.empty, .empty-state, [class*="empty"]');
    const trashed = (await (await fetch(`${g.url}/api/trash`)).json()) as { items: unknown[] };
    expect(trashed.items).toHaveLength(1);
    expect(b.errors).toEqual([]);
  });
});
