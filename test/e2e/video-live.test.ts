import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasCorpus } from '../helpers/corpus.js';
import { LONG_HEVC_SECONDS, longHevc } from '../helpers/long-hevc.js';
import { getOk, startGallery, type Gallery } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from './browser.js';

const ready = hasCorpus && hasChromium && hasWebBuild;

interface Playback {
  currentTime: number;
  paused: boolean;
  duration: number;
  readyState: number;
  videoWidth: number;
}
const playback = (page: Page) =>
  page.locator('.viewer-video').evaluate((v: any): Playback => ({
    currentTime: v.currentTime,
    paused: v.paused,
    duration: v.duration,
    readyState: v.readyState,
    videoWidth: v.videoWidth,
  }));

/**
 * An HEVC video opened in the viewer before its transcode is done ([Note: live transcode]): it
 * plays from the transcode as it is being made, says that seeking waits for the end, and when the
 * transcode is done it goes on from where it was in the finished file, which seeks. Headless
 * Debian Chromium, which cannot play HEVC itself; a 90-s 640×360 HEVC MOV made by the tests.
 */
describe.skipIf(!ready)('an HEVC video played while it is converted', () => {
  let g: Gallery;
  let b: Browser;
  let id: string;
  const transcode = async () =>
    (await getOk<{ video: { transcode: string } }>(g, `/api/photos/${id}`)).video.transcode;

  beforeAll(async () => {
    const long = await longHevc();
    g = await startGallery({ photos: [] });
    const file = path.join(g.lib, 'long-hevc.mov');
    copyFileSync(long, file);
    // Indexed with the transcode lane stopped: the viewer opens it before any of it is converted.
    await g.picto.transcoder.stop();
    const { folder } = await g.picto.folders.add(g.lib);
    g.picto.folders.setAi(folder.id, false);
    await g.picto.scan();
    g.picto.runner.start();
    while (g.picto.repos.jobs.hasOpenWork(['video'])) await new Promise((r) => setTimeout(r, 100));
    id = g.picto.repos.locations.byPath(file)!.photo_id;
    b = await openBrowser({ width: 1280, height: 800 });
  }, 600_000);
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('plays at once while the transcode runs, then seeks in the finished file', async () => {
    const { page } = b;
    g.picto.transcoder.start();
    await page.goto(`${g.url}/?photo=${id}`);
    await page.locator('.viewer-video').waitFor({ timeout: 30_000 });
    // It plays (frames decoded, time advancing) while the server is still converting it.
    await page.waitForFunction(
      () => {
        const v = (globalThis as any).document.querySelector('.viewer-video');
        return Boolean(v && v.readyState >= 2 && v.currentTime > 0.5);
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await transcode()).toBe('running');
    const early = await playback(page);
    expect(early.videoWidth).toBe(640);
    expect(early.paused).toBe(false);
    const note = page.getByText('Still converting for your browser', { exact: false });
    expect(await note.isVisible()).toBe(true);
    await screenshot(page, 'video-live-converting');
    await expect
      .poll(async () => (await playback(page)).currentTime)
      .toBeGreaterThan(early.currentTime);

    // Done: the note goes, the finished file takes over where playback was, and it seeks.
    await note.waitFor({ state: 'detached', timeout: 120_000 });
    expect(await transcode()).toBe('done');
    await expect
      .poll(async () => (await playback(page)).duration, { timeout: 30_000 })
      .toBeGreaterThan(LONG_HEVC_SECONDS - 1);
    const after = await playback(page);
    expect(after.duration).toBeLessThan(LONG_HEVC_SECONDS + 1);
    expect(after.currentTime).toBeGreaterThan(early.currentTime);
    await page.locator('.viewer-video').evaluate((v: any) => {
      v.currentTime = 70;
    });
    await page.waitForFunction(
      () => {
        const v = (globalThis as any).document.querySelector('.viewer-video');
        return Boolean(v && v.currentTime > 70.3 && !v.paused);
      },
      undefined,
      { timeout: 30_000 },
    );
    await screenshot(page, 'video-live-finished');
    expect(b.errors).toEqual([]);
  }, 240_000);
});
