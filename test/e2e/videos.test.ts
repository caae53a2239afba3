import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasCorpus } from '../helpers/corpus.js';
import { videoTools } from '../../src/media/video/index.js';
import { testVideos, type TestVideos } from '../helpers/videos.js';
import { getOk, indexLibrary, send, startGallery, type Gallery } from '../server/harness.js';
import {
  hasChromium,
  hasWebBuild,
  openBrowser,
  screenshot,
  thumbnailsLoaded,
  type Browser,
} from './browser.js';

const ready = hasCorpus && hasChromium && hasWebBuild;

// Browser code reaches the DOM through globalThis (tests compile without DOM types).
const shown = (page: Page) => new URL(page.url()).searchParams.get('photo');

/** What a <video> is doing: time, intrinsic size, and whether it plays muted. */
interface Playback {
  currentTime: number;
  paused: boolean;
  muted: boolean;
  videoWidth: number;
  videoHeight: number;
  duration: number;
}
const playback = (page: Page, selector: string) =>
  page.locator(selector).evaluate((v: any): Playback => ({
    currentTime: v.currentTime,
    paused: v.paused,
    muted: v.muted,
    videoWidth: v.videoWidth,
    videoHeight: v.videoHeight,
    duration: v.duration,
  }));

/** Waits until the video behind `selector` has played past `t` seconds. */
async function playsPast(page: Page, selector: string, t: number): Promise<Playback> {
  await page.waitForFunction(
    ([sel, min]) => {
      const v = (globalThis as any).document.querySelector(sel);
      return Boolean(v && v.currentTime > min);
    },
    [selector, t] as const,
    { timeout: 30_000 },
  );
  return playback(page, selector);
}

/**
 * Videos and Live Photos in the browser (issue 13): made by the tests from a corpus face photo
 * (3-s 960×540 pan and zoom as H.264 MP4 and as HEVC MOV, which Chromium on Linux cannot play and
 * the server transcodes) and a Live Photo pair (a JPEG and its 2.5-s MOV), beside two photos.
 */
describe.skipIf(!ready)('videos and Live Photos in the gallery', () => {
  let g: Gallery;
  let b: Browser;
  let v: TestVideos;
  let id: (file: string) => string;

  beforeAll(async () => {
    v = await testVideos();
    g = await startGallery({ photos: ['exif/gps/DSCN0010.jpg', 'exif/gps/DSCN0012.jpg'] });
    for (const f of [v.faceH264, v.faceHevc, v.liveStill, v.liveMov])
      copyFileSync(f, path.join(g.lib, path.basename(f)));
    await indexLibrary(g);
    id = (file: string) =>
      g.picto.repos.locations.byPath(path.join(g.lib, path.basename(file)))!.photo_id;
    b = await openBrowser({ width: 1280, height: 800 });
    await b.page.goto(g.url);
    await thumbnailsLoaded(b.page, 5);
  });
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('shows a video with its length bottom-right and a Live Photo as one tile with its badge', async () => {
    const { page } = b;
    // Two photos, two videos and one Live Photo: the Live Photo's MOV is not a tile of its own.
    expect(await page.locator('.tile').count()).toBe(5);
    expect(await page.locator('.tile[data-kind="video"]').count()).toBe(2);
    expect(await page.locator('.tile[data-kind="live"]').count()).toBe(1);

    for (const file of [v.faceH264, v.faceHevc]) {
      const tile = page.locator(`.tile[data-photo-id="${id(file)}"]`);
      expect(await tile.getAttribute('data-kind')).toBe('video');
      const badge = tile.locator('.tile-badge');
      expect((await badge.textContent())?.trim()).toBe('0:03');
      // The badge sits in the bottom-right corner of the tile.
      const t = (await tile.boundingBox())!;
      const bb = (await badge.boundingBox())!;
      expect(t.x + t.width - (bb.x + bb.width)).toBeLessThan(12);
      expect(t.y + t.height - (bb.y + bb.height)).toBeLessThan(12);
      // Screen readers hear what it is first, and how long (after who and what is in it).
      const name = await tile.locator('.tile-hit').getAttribute('aria-label');
      expect(name).toMatch(/^Video[^,]*, 0:03, /);
    }
    const live = page.locator(`.tile[data-photo-id="${id(v.liveStill)}"]`);
    expect((await live.locator('.tile-badge').textContent())?.trim()).toBe('Live');
    expect(await live.locator('.tile-hit').getAttribute('aria-label')).toMatch(/^Live Photo[ ,]/);
    // Photos carry no badge.
    expect(await page.locator('.tile[data-kind="photo"] .tile-badge').count()).toBe(0);
    await screenshot(page, 'videos-grid-1280');
  });

  it('plays a muted preview in a video tile while the mouse rests on it', async () => {
    const { page } = b;
    const tile = page.locator(`.tile[data-photo-id="${id(v.faceHevc)}"]`);
    await tile.hover();
    await page.locator('.tile-video-playing').waitFor({ timeout: 30_000 });
    const p = await playsPast(page, '.tile-video-playing', 0.3);
    expect(p.muted).toBe(true);
    expect(p.paused).toBe(false);
    // A low-resolution clip of the same picture (16:9).
    expect(p.videoWidth).toBeGreaterThan(0);
    expect(p.videoWidth).toBeLessThanOrEqual(640);
    expect(p.videoWidth / p.videoHeight).toBeCloseTo(960 / 540, 1);
    await screenshot(page, 'videos-hover-preview');
    // Leaving the tile stops it and takes it away.
    await page.mouse.move(5, 5);
    await page.locator('.tile-video').waitFor({ state: 'detached' });
    // A Live Photo's tile plays its motion the same way.
    await page.locator(`.tile[data-photo-id="${id(v.liveStill)}"]`).hover();
    await page.locator('.tile-video-playing').waitFor({ timeout: 30_000 });
    expect((await playsPast(page, '.tile-video-playing', 0.3)).muted).toBe(true);
    await page.mouse.move(5, 5);
    await page.locator('.tile-video').waitFor({ state: 'detached' });
  });

  it('plays the transcoded HEVC video in the viewer: Space pauses and plays, arrows move on', async () => {
    const { page } = b;
    await page.locator(`.tile[data-photo-id="${id(v.faceHevc)}"] .tile-hit`).click();
    await page.locator('.viewer-video').waitFor({ timeout: 60_000 });
    const p = await playsPast(page, '.viewer-video', 0.5);
    // The transcode keeps the picture's size (it is under 1080p) and its length.
    expect(p.videoWidth).toBe(960);
    expect(p.videoHeight).toBe(540);
    expect(p.duration).toBeGreaterThan(2.5);
    expect(p.duration).toBeLessThan(3.5);
    expect(await page.locator('.viewer-video').getAttribute('poster')).toContain('/preview');
    await screenshot(page, 'videos-viewer-1280');

    // Space plays and pauses the video, and never starts the slideshow.
    await page.keyboard.press('Space');
    await expect.poll(async () => (await playback(page, '.viewer-video')).paused).toBe(true);
    expect(await page.getByRole('button', { name: 'Start slideshow' }).count()).toBe(1);
    // M mutes and unmutes it.
    const muted = (await playback(page, '.viewer-video')).muted;
    await page.keyboard.press('m');
    await expect.poll(async () => (await playback(page, '.viewer-video')).muted).toBe(!muted);
    await page.keyboard.press('m');
    const at = (await playback(page, '.viewer-video')).currentTime;
    await page.keyboard.press('Space');
    await expect
      .poll(async () => (await playback(page, '.viewer-video')).currentTime)
      .toBeGreaterThan(at);
    // Even with the player focused (its own keys would seek), the arrows move between items.
    await page.locator('.viewer-video').focus();
    const before = shown(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(page)).not.toBe(before);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(page)).toBe(before);
    await page.locator('.viewer-video').waitFor();
  });

  it('plays a video in the slideshow to its end, then moves on', async () => {
    const { page } = b;
    await page.locator('.viewer-video').waitFor();
    const here = shown(page);
    await page.locator('.viewer-video').evaluate((el: any) => {
      el.pause();
      el.currentTime = el.duration - 0.5;
    });
    await page.getByRole('button', { name: 'Start slideshow' }).click();
    // Half a second of video is left: the show goes on when it ends, not after a photo's 4 s.
    await expect.poll(() => shown(page), { timeout: 3000 }).not.toBe(here);
    await page.getByRole('button', { name: 'Pause slideshow' }).click();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(page)).toBe(here);
  });

  it('says the length, frame rate and codec in the info panel', async () => {
    const { page } = b;
    const info = page.getByRole('complementary', { name: 'Photo details' });
    if (!(await info.isVisible())) await page.keyboard.press('i');
    await info.getByText('HEVC (H.265)', { exact: false }).waitFor();
    const text = await info.textContent();
    expect(text).toContain('0:03');
    expect(text).toContain('15 fps');
    expect(text).toContain('960 × 540');
    await screenshot(page, 'videos-viewer-info');
    await page.keyboard.press('i');
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
  });

  it('shows a Live Photo as its still and plays its motion on the Live button', async () => {
    const { page } = b;
    await page.locator(`.tile[data-photo-id="${id(v.liveStill)}"] .tile-hit`).click();
    await page.locator('.viewer-preview.ready').waitFor();
    const button = page.getByRole('button', { name: 'Live: play the motion' });
    await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
    // Resting the mouse on it plays the motion over the still, muted.
    await button.hover();
    await page.locator('.viewer-live.ready').waitFor({ timeout: 30_000 });
    const p = await playsPast(page, '.viewer-live', 0.3);
    expect(p.muted).toBe(true);
    expect(p.duration).toBeGreaterThan(2);
    expect(p.duration).toBeLessThan(3.5);
    await screenshot(page, 'videos-live-1280');
    // It plays once: then the still is back.
    await page.locator('.viewer-live.ready').waitFor({ state: 'detached', timeout: 10_000 });
    // A press plays it again (with sound: the press is the user's).
    await page.mouse.move(600, 400);
    await button.click();
    await page.locator('.viewer-live.ready').waitFor({ timeout: 10_000 });
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
  });

  it('shows the poster and the transcode progress until the video is ready, then plays it', async () => {
    const { page } = b;
    // A new HEVC video while the transcode lane is stopped: indexed (poster, thumbnails) but not
    // playable yet. The same clip mirrored, so that its content (its identity) is new.
    await g.picto.transcoder.stop();
    const { ffmpeg } = await videoTools();
    const file = path.join(g.lib, 'mirrored-hevc.mov');
    await promisify(execFile)(ffmpeg.path, [
      ...['-nostdin', '-loglevel', 'error', '-y', '-i', v.faceHevc, '-vf', 'hflip'],
      ...['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'],
      ...['-tag:v', 'hvc1', '-c:a', 'copy', file],
    ]);
    const [folder] = (await getOk<{ folders: { id: number }[] }>(g, '/api/folders')).folders;
    await send(`${g.url}/api/folders/${folder.id}/rescan`, 'POST');
    await expect
      .poll(() => g.picto.repos.locations.byPath(file)?.photo_id ?? null, { timeout: 60_000 })
      .not.toBeNull();
    const newId = id(file);
    await expect
      .poll(
        async () => (await getOk<{ thumbUrl: string | null }>(g, `/api/photos/${newId}`)).thumbUrl,
        {
          timeout: 60_000,
        },
      )
      .not.toBeNull();

    await page.goto(`${g.url}/?photo=${newId}`);
    const progress = page.getByRole('progressbar', { name: 'Preparing the video' });
    await progress.waitFor();
    await page.getByText('Preparing the video for your browser').waitFor();
    await page.locator('.viewer-preview.ready').waitFor();
    expect(await page.locator('.viewer-video').count()).toBe(0);
    await screenshot(page, 'videos-viewer-pending');

    // The lane runs again: the video the viewer asked for goes first, `video.ready` ends the wait.
    g.picto.transcoder.start();
    await page.locator('.viewer-video').waitFor({ timeout: 60_000 });
    expect(await progress.count()).toBe(0);
    const p = await playsPast(page, '.viewer-video', 0.3);
    expect(p.videoWidth).toBe(960);
    expect(p.videoHeight).toBe(540);
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
  });

  it('on a phone (390 px): a finger held on a video plays its preview, the player fits', async () => {
    const phone = await openBrowser({ width: 390, height: 844 });
    const cdp = await phone.context.newCDPSession(phone.page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    try {
      const { page } = phone;
      await page.goto(g.url);
      await thumbnailsLoaded(page, 5);
      const tile = page.locator(`.tile[data-photo-id="${id(v.faceH264)}"]`);
      expect((await tile.locator('.tile-badge').textContent())?.trim()).toBe('0:03');
      await screenshot(page, 'videos-grid-390');
      // Touch has no hover: the preview plays while the finger rests (the long press also selects).
      const t = (await tile.boundingBox())!;
      const at = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
      await page.locator('.tile-video-playing').waitFor({ timeout: 30_000 });
      await screenshot(page, 'videos-hold-390');
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.locator('.tile-video').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.tile-selected').count()).toBe(0);
      await page.goto(`${g.url}/?photo=${id(v.faceH264)}`);
      await page.locator('.viewer-video').waitFor({ timeout: 60_000 });
      const box = (await page.locator('.viewer-video').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      expect(box.x).toBeGreaterThanOrEqual(0);
      await screenshot(page, 'videos-viewer-390');
      await page.goto(`${g.url}/?photo=${id(v.liveStill)}`);
      await page.locator('.viewer-preview.ready').waitFor();
      await screenshot(page, 'videos-live-390');
      expect(phone.errors).toEqual([]);
    } finally {
      await cdp.detach();
      await phone.close();
    }
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
