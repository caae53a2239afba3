import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus.js';
import { startNotesGallery } from '../helpers/notes-gallery.js';
import type { Gallery } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from './browser.js';
import { seriousViolations, withAxe } from './full-library.js';

const ready = hasCorpus && hasChromium && hasWebBuild;

/** Stars, the description and keywords in the info panel; what came from sidecars on Folders. */
describe.skipIf(!ready)('notes in the info panel, the import report on the folders page', () => {
  let g: Gallery;
  let b: Browser;
  const idOf = (name: string) => g.picto.repos.locations.byPath(path.join(g.lib, name))!.photo_id;
  const row = (name: string) => g.picto.repos.photos.get(idOf(name))!;

  beforeAll(async () => {
    g = await startNotesGallery();
    b = await openBrowser();
    await withAxe(b.page);
  });
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('shows the stars, caption and keywords Lightroom wrote, and edits them', async () => {
    const { page } = b;
    await page.goto(`${g.url}/?photo=${idOf('DSCN0012.jpg')}`);
    await page.locator('.viewer-preview.ready').waitFor();
    const info = page.getByRole('complementary', { name: 'Photo details' });
    if (!(await info.isVisible())) await page.keyboard.press('i');
    await info.getByText('Harbour at dusk').waitFor();
    await expect.poll(() => info.textContent()).toContain('4 of 5');
    await expect.poll(() => info.textContent()).toContain('from another program’s metadata');
    await info.getByRole('button', { name: 'Places/Korea/Seoul' }).waitFor();
    expect(await page.locator('.star-on').count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-notes');

    // A star sets the rating; the same star again clears it; keys 1–5 set it too.
    await info.getByRole('button', { name: '2 stars', exact: true }).click();
    await expect.poll(() => row('DSCN0012.jpg').rating).toBe(2);
    expect(row('DSCN0012.jpg').rating_source).toBe('user');
    await info.getByRole('button', { name: '2 stars (press to clear)' }).click();
    await expect.poll(() => row('DSCN0012.jpg').rating).toBeNull();
    await page.locator('.viewer-frame').click();
    await page.keyboard.press('5');
    await expect.poll(() => row('DSCN0012.jpg').rating).toBe(5);
    await expect.poll(() => page.locator('.star-on').count()).toBe(5);

    // The description: a click edits it, Ctrl+Enter saves, Esc gives up.
    await info.getByRole('button', { name: 'Harbour at dusk' }).click();
    const box = info.getByRole('textbox', { name: 'Description' });
    await box.fill('The harbour, late in the day');
    await box.press('Control+Enter');
    await expect.poll(() => row('DSCN0012.jpg').description).toBe('The harbour, late in the day');
    await info.getByRole('button', { name: 'The harbour, late in the day' }).click();
    await box.fill('not this');
    await box.press('Escape');
    await info.getByRole('button', { name: 'The harbour, late in the day' }).waitFor();
    // Esc in the box does not close the viewer, and the text typed is not saved.
    expect(await page.locator('.viewer').count()).toBe(1);
    expect(row('DSCN0012.jpg').description).toBe('The harbour, late in the day');
  });

  it('adds a keyword of the user’s and takes it off; another program’s keyword stays', async () => {
    const { page } = b;
    await page.goto(`${g.url}/?photo=${idOf('DSCN0012.jpg')}`);
    await page.locator('.viewer-preview.ready').waitFor();
    const info = page.getByRole('complementary', { name: 'Photo details' });
    await info.getByRole('button', { name: 'Places/Korea/Seoul' }).waitFor();
    // Lightroom's keyword is changed in Lightroom: no remove button for it.
    expect(await info.getByRole('button', { name: /^Remove keyword/ }).count()).toBe(0);

    await info.getByRole('button', { name: 'Add a keyword' }).click();
    const box = info.getByRole('textbox', { name: 'New keyword' });
    await box.fill(' / ');
    await box.press('Enter');
    await info
      .getByRole('alert')
      .getByText(/needs a word/)
      .waitFor();
    await box.fill('Trips | Busan');
    await box.press('Enter');
    await info.getByRole('button', { name: 'Trips/Busan', exact: true }).waitFor();
    const paths = () => g.picto.repos.keywords.forPhoto(idOf('DSCN0012.jpg')).map((k) => k.path);
    expect(paths()).toEqual(['Places/Korea/Seoul', 'Trips/Busan']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-keywords');

    await info.getByRole('button', { name: 'Remove keyword Trips/Busan' }).click();
    await expect
      .poll(() => info.getByRole('button', { name: 'Trips/Busan', exact: true }).count())
      .toBe(0);
    expect(paths()).toEqual(['Places/Korea/Seoul']);
    // Esc closes the form, not the viewer.
    await info.getByRole('button', { name: 'Add a keyword' }).click();
    await info.getByRole('textbox', { name: 'New keyword' }).press('Escape');
    expect(await page.locator('.viewer').count()).toBe(1);
  });

  it('says where a Takeout description came from', async () => {
    const { page } = b;
    await page.goto(`${g.url}/?photo=${idOf('DSCN0010.jpg')}`);
    await page.locator('.viewer-preview.ready').waitFor();
    const info = page.getByRole('complementary', { name: 'Photo details' });
    await info.getByText('Lunch by the river').waitFor();
    await expect.poll(() => info.textContent()).toContain('from Google Photos (Takeout)');
    await expect.poll(() => info.textContent()).toContain('Not rated');
  });

  it('lists what came from sidecars under the folder, and the sidecar not used', async () => {
    const { page } = b;
    await page.goto(`${g.url}/folders`);
    const summary = page.getByLabel(`From sidecars in ${g.lib}`);
    await summary.getByText(/From sidecars: .*description/).waitFor();
    await expect.poll(() => summary.textContent()).toContain('1 favourite');
    await summary.getByRole('button', { name: /1 sidecar not used/ }).click();
    await summary.getByText(path.join(g.lib, 'gone.jpg.json')).waitFor();
    await summary.getByText('matched no photo').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'folders-imported');
  });
});
