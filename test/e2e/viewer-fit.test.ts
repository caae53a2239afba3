import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testVideos } from '../helpers/videos.js';
import { indexLibrary, startGallery, type Gallery } from '../server/harness.js';
import { openBrowser, screenshot, type Browser } from './browser.js';
import { galleryReady } from './gallery-browser.js';

const W = 1280;
const H = 800;

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
const rectOf = (page: Page, sel: string): Promise<Rect> =>
  page.locator(sel).evaluate((e: any) => {
    const r = e.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      width: r.width,
      height: r.height,
    };
  });

/**
 * The desktop viewer's top bar never covers the photo (issue 16): a landscape photo, a portrait
 * one (turned upright by its EXIF orientation), a landscape video and a portrait one (a rotation
 * matrix) each fit the space below the bar, as large as it allows; a slideshow takes the whole
 * screen and its bar fades away while the mouse rests, as in Google Photos.
 */
describe.skipIf(!galleryReady)('the viewer fits the photo below its bar', () => {
  let g: Gallery;
  let b: Browser;
  const id = (file: string) =>
    g.picto.repos.locations.byPath(path.join(g.lib, path.basename(file)))!.photo_id;

  beforeAll(async () => {
    const v = await testVideos();
    g = await startGallery({
      photos: ['exif/gps/DSCN0010.jpg', 'exif/orientation/recurser/Portrait_6.jpg'],
    });
    for (const f of [v.faceH264, v.rotated]) copyFileSync(f, path.join(g.lib, path.basename(f)));
    await indexLibrary(g);
    b = await openBrowser({ width: W, height: H });
    ids = {
      landscape: id('DSCN0010.jpg'),
      portrait: id('Portrait_6.jpg'),
      video: id(v.faceH264),
      portraitVideo: id(v.rotated),
    };
  });
  let ids: Record<'landscape' | 'portrait' | 'video' | 'portraitVideo', string>;
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  for (const which of ['landscape', 'portrait', 'video', 'portraitVideo'] as const) {
    it(`fits a ${which} item below the bar, as large as the space allows`, async () => {
      const { page } = b;
      await page.goto(`${g.url}/?photo=${ids[which]}`);
      const media = which.endsWith('ideo') ? '.viewer-video' : '.viewer-preview.ready';
      await page.locator(media).waitFor();
      if (media === '.viewer-video')
        await page.waitForFunction(
          () => ((globalThis as any).document.querySelector('.viewer-video')?.readyState ?? 0) >= 1,
        );
      // The mouse over the photo: the bar is shown (it fades only in a slideshow).
      await page.mouse.move(W / 2, H / 2);
      const bar = await rectOf(page, '.viewer-bar');
      expect(await barOpacity(page)).toBe('1');
      const shown = await rectOf(page, media);
      const stage = await rectOf(page, '.viewer-stage');
      expect(shown.top).toBeGreaterThanOrEqual(bar.bottom - 0.5);
      expect(shown.bottom).toBeLessThanOrEqual(H + 0.5);
      expect(shown.left).toBeGreaterThanOrEqual(-0.5);
      expect(shown.right).toBeLessThanOrEqual(stage.right + 0.5);
      // As large as it fits: it touches the space's sides or its top and bottom.
      const fillsHeight = Math.abs(shown.height - (H - bar.bottom)) <= 1;
      const fillsWidth = Math.abs(shown.width - stage.width) <= 1;
      expect(fillsHeight || fillsWidth).toBe(true);
      // A portrait item is limited by the height (that is where the bar used to cover it).
      if (which.startsWith('portrait')) expect(fillsHeight).toBe(true);
      await screenshot(page, `viewer-fit-${which}`);
    });
  }

  it('gives a slideshow the whole screen and fades the bar while the mouse rests', async () => {
    const { page } = b;
    await page.goto(`${g.url}/?photo=${ids.portrait}`);
    await page.locator('.viewer-preview.ready').waitFor();
    await page.mouse.move(W / 2, H / 2);
    await page.getByRole('button', { name: 'Start slideshow' }).click();
    await page.locator('.viewer-idle').waitFor({ timeout: 5000 });
    const shown = await rectOf(page, '.viewer-preview.ready');
    expect(Math.abs(shown.height - H)).toBeLessThanOrEqual(1);
    await expect.poll(() => barOpacity(page)).toBe('0');
    await screenshot(page, 'viewer-fit-slideshow');
    await page.keyboard.press('Escape');
    await page.locator('.viewer-playing').waitFor({ state: 'detached' });
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});

/** The bar's computed opacity (tests compile without DOM types). */
const barOpacity = (page: Page): Promise<string> =>
  page
    .locator('.viewer-bar')
    .evaluate((e: any) => (globalThis as any).getComputedStyle(e).opacity as string);
