import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Gallery } from '../server/harness.js';
import { screenshot, thumbnailsLoaded, type Browser } from './browser.js';
import { closeGalleryInBrowser, galleryReady, openGalleryInBrowser } from './gallery-browser.js';

// Browser code reaches the DOM through globalThis (tests compile without DOM types).
const activePhoto = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return (el?.closest('[data-photo-id]')?.getAttribute('data-photo-id') as string) ?? null;
  });
const focusInViewer = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return Boolean(el?.closest('.viewer'));
  });
const shown = (page: Page) => new URL(page.url()).searchParams.get('photo');

/** The viewer from the keyboard: which photo Space plays, where Tab goes, where Esc returns. */
describe.skipIf(!galleryReady)('the viewer and the grid from the keyboard', () => {
  let g: Gallery;
  let b: Browser;
  let ids: string[];

  beforeAll(async () => {
    ({ g, b } = await openGalleryInBrowser({ index: true }));
    await b.page.goto(g.url);
    await thumbnailsLoaded(b.page, 8);
    ids = await b.page
      .locator('.tile')
      .evaluateAll((els) => els.map((e: any) => e.getAttribute('data-photo-id') as string));
  });
  afterAll(() => closeGalleryInBrowser(g, b));

  it('reaches the photos with the skip link and shows how to select', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 8);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect
      .poll(() => skip.evaluate((e: any) => e === e.ownerDocument.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => activePhoto(page)).toBe(ids[0]);
    // The focus ring is drawn over the photo, and the hint says how to select.
    const ring = await page
      .locator(`.tile[data-photo-id="${ids[0]}"] .tile-hit`)
      .evaluate((e: any) => (globalThis as any).getComputedStyle(e, '::after').borderTopWidth);
    expect(ring).toBe('3px');
    await expect
      .poll(() =>
        page
          .locator('.kbd-hint-browse')
          .evaluate((e: any) => (globalThis as any).getComputedStyle(e).opacity),
      )
      .toBe('1');
    await expect
      .poll(() => page.locator('.kbd-hint-browse').textContent())
      .toContain('Space or Ctrl+Enter selects');
    await screenshot(page, 'keyboard-focus');
  });

  it('selects with Space, a range with Shift+Space, toggles with Ctrl+Enter, clears with Esc', async () => {
    const { page } = b;
    await page.locator(`.tile[data-photo-id="${ids[0]}"] .tile-hit`).focus();
    await page.keyboard.press('Space');
    await page.getByText('1 selected').waitFor();
    await page.locator(`.tile[data-photo-id="${ids[3]}"] .tile-hit`).focus();
    await page.keyboard.press('Shift+Space');
    await page.getByText('4 selected').waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByText('3 selected').waitFor();
    // While selecting, Enter toggles too (it never opens the viewer behind the selection).
    await page.keyboard.press('Enter');
    await page.getByText('4 selected').waitFor();
    expect(shown(page)).toBeNull();
    // The page keeps its heading in selection mode.
    expect(await page.getByRole('heading', { level: 1, name: 'Photos' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.tile-selected').count()).toBe(0);
  });

  it('opens with Enter, keeps Tab inside the viewer and gives focus back to the tile on Esc', async () => {
    const { page } = b;
    await page.locator(`.tile[data-photo-id="${ids[2]}"] .tile-hit`).focus();
    await page.keyboard.press('Enter');
    await page.locator('.viewer-preview.ready').waitFor();
    expect(shown(page)).toBe(ids[2]);
    await expect.poll(() => focusInViewer(page)).toBe(true);
    // The page behind is inert: Tab never leaves the viewer.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInViewer(page), `after ${i + 1} Tabs`).toBe(true);
    }
    expect(await page.locator('.sidebar').getAttribute('inert')).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
    await expect.poll(() => activePhoto(page)).toBe(ids[2]);
    expect(await page.locator('.sidebar').getAttribute('inert')).toBeNull();
  });

  it('plays the slideshow from the photo on screen, not the one first opened', async () => {
    const { page } = b;
    await page.locator(`.tile[data-photo-id="${ids[0]}"] .tile-hit`).click();
    await page.locator('.viewer-preview.ready').waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(page)).toBe(ids[1]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(page)).toBe(ids[2]);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause slideshow' }).waitFor();
    expect(shown(page)).toBe(ids[2]);
    expect(await page.locator('.tile-selected').count()).toBe(0);
    // Space pauses again even with a toolbar button focused (a button would take Space itself).
    await page.getByRole('button', { name: 'Info' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Start slideshow' }).waitFor();
    expect(shown(page)).toBe(ids[2]);
    // Esc after moving: focus goes to the tile of the photo shown last.
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
    await expect.poll(() => activePhoto(page)).toBe(ids[2]);
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
