import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PhotoDetails, TimelinePage } from '../../src/shared/api.js';
import type { SearchResult } from '../../src/shared/search-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { GALLERY_PHOTOS, getOk, startGallery, type Gallery } from '../server/harness.js';
import {
  hasChromium,
  hasWebBuild,
  openBrowser,
  screenshot,
  thumbnailsLoaded,
  type Browser,
} from './browser.js';

const ready = hasCorpus && hasChromium && hasWebBuild;

/**
 * The folder picker, dates and places set in the info panel, and search suggestions while typing,
 * at a laptop's width (1280) and a phone's (390).
 */
describe.skipIf(!ready)('picking folders, editing dates and places, suggestions', () => {
  let g: Gallery;
  let b: Browser;
  let phone: Browser;
  const id = (file: string) => g.picto.repos.locations.byPath(path.join(g.lib, file))!.photo_id;
  const details = (photo: string) => getOk<PhotoDetails>(g, `/api/photos/${photo}`);

  beforeAll(async () => {
    g = await startGallery({ photos: GALLERY_PHOTOS });
    b = await openBrowser({ width: 1280, height: 800 });
    phone = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await b?.close();
    await phone?.close();
    await g?.close();
  });

  /** Opens a photo with the info panel showing. */
  async function openInfo(page: Page, photo: string) {
    await page.goto(`${g.url}/?photo=${photo}`);
    await page.locator('.viewer-preview.ready').waitFor();
    if (!(await page.locator('.info').isVisible())) await page.keyboard.press('i');
    await page.locator('.info-scroll').waitFor();
  }

  it('adds a folder picked in the folder browser', async () => {
    const { page } = b;
    await page.goto(`${g.url}/folders`);
    // The path typed so far is where browsing starts.
    await page.getByLabel('Folder path').fill(g.tmp);
    await page.getByRole('button', { name: 'Browse…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a folder' });
    await dialog.getByText(g.tmp, { exact: true }).waitFor();
    expect(await dialog.locator('.folder-dir-name').allInnerTexts()).toContain('Pictures');
    await screenshot(page, 'folder-picker');
    await dialog.getByRole('button', { name: 'Pictures' }).click();
    await dialog.getByText(g.lib, { exact: true }).waitFor();
    // Up goes back, and in again.
    await dialog.getByRole('button', { name: 'Up one folder' }).click();
    await dialog.getByText(g.tmp, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Pictures' }).click();
    await dialog.getByText(g.lib, { exact: true }).waitFor();
    const scanned = g.picto.events.once((e) => e.type === 'scan.done');
    await dialog.getByRole('button', { name: 'Add this folder' }).click();
    await page.getByText(`Added ${g.lib}: looking for photos…`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await scanned;
    await g.picto.runner.drain();
    await page
      .getByRole('list', { name: 'Library folders' })
      .getByText('Pictures')
      .first()
      .waitFor();

    // On a phone the dialog fits, and a folder already in the library says so.
    await phone.page.goto(`${g.url}/folders`);
    await phone.page.getByLabel('Folder path').fill(g.tmp);
    await screenshot(phone.page, 'phone-add-folder');
    await phone.page.getByRole('button', { name: 'Browse…' }).click();
    const small = phone.page.getByRole('dialog', { name: 'Choose a folder' });
    await small.getByText('in your library').waitFor();
    const box = (await small.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'phone-folder-picker');
    await phone.page.keyboard.press('Escape');
    await small.waitFor({ state: 'detached' });
  });

  it('sets a date in the info panel, and goes back to the file’s', async () => {
    const { page } = b;
    const photo = id('DSCN0021.jpg');
    const file = await details(photo);
    await openInfo(page, photo);
    await page.getByRole('button', { name: 'Edit date' }).click();
    const input = page.getByLabel('Date and time taken');
    expect(await input.inputValue()).toBe(file.takenAt!.slice(0, 19));
    await input.fill('2031-05-06T07:08:09');
    await screenshot(page, 'info-edit-date');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Date changed').waitFor();
    await page.locator('.info').getByText('set in Picto').waitFor();
    await page
      .locator('.info')
      .getByText(/The file says/)
      .waitFor();
    expect(await details(photo)).toMatchObject({
      takenAt: '2031-05-06T07:08:09+02:00', // its GPS is in Italy: summer time there
      takenAtSource: 'user',
    });
    const first = await getOk<TimelinePage>(g, '/api/timeline?limit=1');
    expect(first.items[0].id).toBe(photo);
    await page.getByRole('button', { name: 'Use the file’s date' }).click();
    await page.getByText('Back to the date in the file').waitFor();
    await expect.poll(async () => (await details(photo)).takenAtSource).toBe('exif');
    expect((await details(photo)).takenAt).toBe(file.takenAt);
  });

  it('gives a photo without a place one by city name, and takes it away again', async () => {
    const { page } = b;
    const photo = id('Portrait_6.jpg');
    await openInfo(page, photo);
    const place = page.locator('.info-section', {
      has: page.getByRole('heading', { name: 'Place' }),
    });
    await place.getByText('No place in the file').waitFor();
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByRole('combobox', { name: 'City' }).fill('lisb');
    await page
      .getByRole('option', { name: /Lisbon/ })
      .first()
      .waitFor();
    await screenshot(page, 'info-edit-place');
    await page.keyboard.press('Enter');
    await page.getByText('Place set to Lisbon').waitFor();
    await place
      .getByText(/Lisbon/)
      .first()
      .waitFor();
    await expect.poll(async () => (await details(photo)).place?.city).toBe('Lisbon');
    await place.getByRole('button', { name: 'Remove the place' }).click();
    await page.getByText('Place removed').waitFor();
    await place.getByText('No place in the file').waitFor();
    expect((await details(photo)).gps).toBeNull();

    // The same panel on a phone, editing.
    await openInfo(phone.page, photo);
    await phone.page.getByRole('button', { name: 'Edit date' }).click();
    await screenshot(phone.page, 'phone-info-edit-date');
    await phone.page.keyboard.press('Escape');
    await phone.page.getByRole('button', { name: 'Edit date' }).waitFor();
  });

  it('suggests places and cameras while typing, and runs the one chosen', async () => {
    const { page } = b;
    const city = (await details(id('DSCN0025.jpg'))).place!.city!;
    await page.goto(`${g.url}/search`);
    const box = page.getByRole('combobox', { name: 'Search photos' });
    await box.fill(city.slice(0, 3).toLowerCase());
    const option = page.getByRole('option', { name: new RegExp(city) }).first();
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'search-suggestions');
    await option.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeTruthy();
    const q = new URL(page.url()).searchParams.get('q')!;
    const found = await getOk<SearchResult>(g, `/api/search?q=${encodeURIComponent(q)}`);
    expect(found.items.length).toBeGreaterThan(0);
    await thumbnailsLoaded(page, found.items.length);
    expect(await page.locator('.tile').count()).toBe(found.items.length);

    // On a phone: arrows and Enter choose, the list stays on the screen.
    const p = phone.page;
    await p.goto(`${g.url}/search`);
    const small = p.getByRole('combobox', { name: 'Search photos' });
    await small.fill('nik');
    await p.getByRole('option', { name: /NIKON/i }).first().waitFor();
    const list = (await p.getByRole('listbox', { name: 'Suggestions' }).boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(390);
    await screenshot(p, 'phone-search-suggestions');
    await small.press('ArrowDown');
    expect(await small.getAttribute('aria-activedescendant')).toBeTruthy();
    await small.press('Enter');
    await expect.poll(() => new URL(p.url()).searchParams.get('q')).toMatch(/nikon/i);
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
