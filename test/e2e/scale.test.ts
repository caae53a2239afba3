import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../bench/api-catalogue.js';
import { Picto } from '../../src/app/picto.js';
import { createServer, type PictoServer } from '../../src/server/server.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from './browser.js';

const PHOTOS = 30_000;

/** DOM size and scrubbing on a big generated library (no files: only the catalogue). */
describe.skipIf(!hasChromium || !hasWebBuild)('a big library in the browser', () => {
  let tmp: string;
  let picto: Picto;
  let server: PictoServer;
  let b: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-scale-'));
    await generateCatalogue(path.join(tmp, 'data'), PHOTOS, 300);
    picto = new Picto({ dataDir: path.join(tmp, 'data') });
    server = await createServer(picto, { port: 0, indexing: false });
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await picto?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const tiles = () => b.page.locator('.tile').count();

  it('keeps only the visible rows in the DOM', async () => {
    const { page } = b;
    await page.goto(server.url);
    await page.getByText(`${PHOTOS.toLocaleString()} photos`).waitFor();
    await page.locator('.tile-img-loaded').first().waitFor();
    expect(await tiles()).toBeGreaterThan(10);
    expect(await tiles()).toBeLessThan(150);
    // The scroll height covers every month before their photos are loaded.
    const height = await page.evaluate(
      () => (globalThis as any).document.getElementById('timeline').scrollHeight as number,
    );
    expect(height).toBeGreaterThan(PHOTOS * 20);
    await page.mouse.move(0, 0);
    await screenshot(page, 'big-library');
  });

  it('jumps through years with the date scrubber and loads what comes into view', async () => {
    const { page } = b;
    const box = (await page.getByRole('scrollbar').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6, { steps: 12 });
    await page.locator('.scrubber-label').waitFor();
    await screenshot(page, 'scrubber');
    await page.mouse.up();
    const scrolled = await page.evaluate(
      () => (globalThis as any).document.getElementById('timeline').scrollTop as number,
    );
    expect(scrolled).toBeGreaterThan(PHOTOS * 5);
    // The months now on screen load: real tiles replace the placeholders.
    await expect.poll(tiles, { timeout: 15_000 }).toBeGreaterThan(10);
    expect(await tiles()).toBeLessThan(150);
  });

  it('gives focus back to the photo shown last, even when its tile had scrolled out of the DOM', async () => {
    const { page } = b;
    await page.goto(server.url);
    await page.locator('.tile-img-loaded').first().waitFor();
    await page.locator('.tile .tile-hit').first().click();
    await page.locator('.viewer').waitFor();
    const opened = new URL(page.url()).searchParams.get('photo');
    for (let i = 0; i < 150; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('photo')).not.toBe(opened);
    await page.waitForTimeout(500);
    const last = new URL(page.url()).searchParams.get('photo');
    // Far from the tile first opened (its row has left the DOM); the grid behind followed.
    expect(await page.locator(`.tile[data-photo-id="${opened}"]`).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as any).document.activeElement
              ?.closest('[data-photo-id]')
              ?.getAttribute('data-photo-id') ?? null,
        ),
      )
      .toBe(last);
    await screenshot(page, 'big-library-focus-back');
  });
});
