import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Folder, FolderList, JobsStatus } from '../../src/shared/api.js';
import { testVideos } from '../helpers/videos.js';
import { getOk, send, startGallery, type Gallery } from '../server/harness.js';
import { openBrowser, screenshot, thumbnailsLoaded, type Browser } from './browser.js';
import { galleryReady } from './gallery-browser.js';

/** What the folder card and the indexing panel say, as text. */
async function shownCounts(page: Page): Promise<{ card: string; panel: string }> {
  const card = await page.locator('.folder-card .folder-meta').first().innerText();
  const panel = await page.locator('.indexing-counts').innerText();
  // Drop "scanned just now": it moves on its own.
  return { card: card.replace(/ · scanned .*$/, ''), panel };
}

/** The same sentences, written from the API's numbers. */
function expectedCounts(list: FolderList): { card: string; panel: string } {
  const f: Folder = list.folders[0];
  const t = list.totals;
  const photos = (n: number) => `${n} photo${n === 1 ? '' : 's'}`;
  const status =
    f.pending > 0 ? `Indexing · ${f.photos - f.pending} of ${f.photos} ready` : 'Up to date';
  return {
    card: `${photos(f.photos)} · ${status}${f.trashed ? ` · ${f.trashed} in the trash` : ''}`,
    panel: `${t.ready} of ${photos(t.photos)} ready${t.trashed ? ` · ${t.trashed} in the trash` : ''}`,
  };
}

/** Waits until no job runs (after a pause the running ones finish) and the counts settle. */
async function settled(g: Gallery): Promise<FolderList> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const jobs = await getOk<JobsStatus>(g, '/api/jobs');
    const list = await getOk<FolderList>(g, '/api/folders');
    const key = JSON.stringify([list.folders[0]?.pending, list.totals]);
    if (jobs.stages.every((s) => s.running === 0) && key === last) return list;
    last = key;
    await new Promise((r) => setTimeout(r, 1100));
  }
  throw new Error('the counts never settled');
}

/**
 * The Folders page's numbers while a folder indexes and after (issue 16): the folder card, the
 * indexing panel, the API and the Photos page say the same, and a photo in the trash is not one of
 * the folder's photos but said apart. The folder holds photos, a second copy of one of them (one
 * photo, as on the Photos page), a video and a Live Photo (its MOV is part of the still, as on the
 * Photos page, and waits for its pairing before that: never one more item).
 */
describe.skipIf(!galleryReady)('the Folders page counts', () => {
  let g: Gallery;
  let b: Browser;
  const items = 8 + 2; // the gallery photos, the video and the Live Photo (its still and MOV)

  beforeAll(async () => {
    const v = await testVideos();
    g = await startGallery();
    for (const f of [v.faceH264, v.liveStill, v.liveMov])
      copyFileSync(f, path.join(g.lib, path.basename(f)));
    copyFileSync(path.join(g.lib, 'DSCN0010.jpg'), path.join(g.lib, 'DSCN0010 copy.jpg'));
    b = await openBrowser({ width: 1280, height: 800 });
  });
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('shows what is ready while a folder indexes, in the numbers of the API', async () => {
    const { page } = b;
    // Paused before the folder is added: the scan finds everything, nothing is indexed yet.
    expect((await send(`${g.url}/api/jobs/pause`, 'POST')).status).toBe(200);
    await page.goto(`${g.url}/folders`);
    await page.getByLabel('Folder path').fill(g.lib);
    await page.getByRole('button', { name: 'Add folder' }).click();
    await page.locator('.folder-card').waitFor();
    const waiting = await settled(g);
    // Before anything is read the MOV beside the still of its name waits for its pairing: it is
    // no item of its own, on the Photos page neither (whose count is the totals').
    expect(waiting.folders[0]).toMatchObject({ photos: items, pending: items });
    expect(waiting.totals).toMatchObject({ photos: items, ready: 0, pending: items });
    await expect
      .poll(() => shownCounts(page), { timeout: 10_000 })
      .toEqual(expectedCounts(waiting));
    await page.getByRole('heading', { name: 'Indexing paused' }).waitFor();
    await screenshot(page, 'folders-indexing-paused');

    // Resumed, then paused again after the first photos are ready: part way through.
    const first = g.picto.events.once((e) => e.type === 'photos.changed' && e.reason === 'indexed');
    await send(`${g.url}/api/jobs/resume`, 'POST');
    await first;
    await send(`${g.url}/api/jobs/pause`, 'POST');
    const partWay = await settled(g);
    expect(partWay.totals.ready).toBeGreaterThan(0);
    expect(partWay.totals.ready + partWay.totals.pending).toBe(partWay.totals.photos);
    expect(partWay.folders[0].photos).toBe(partWay.totals.photos);
    await expect
      .poll(() => shownCounts(page), { timeout: 10_000 })
      .toEqual(expectedCounts(partWay));
    await screenshot(page, 'folders-indexing-part-way');
    // The bars (the panel's and the sidebar's) say the same fraction.
    const bars = page.getByRole('progressbar', { name: 'Photos ready' });
    await expect.poll(() => bars.count()).toBe(2);
    for (const bar of await bars.all())
      await expect
        .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
        .toBe(Math.round((100 * partWay.totals.ready) / partWay.totals.photos));

    await send(`${g.url}/api/jobs/resume`, 'POST');
    await g.picto.runner.drain();
    const done = await settled(g);
    expect(done.folders[0]).toMatchObject({ photos: items, pending: 0, errors: 0, trashed: 0 });
    expect(done.totals).toMatchObject({ photos: items, ready: items, pending: 0 });
    await page.getByRole('heading', { name: 'Library up to date' }).waitFor();
    await expect.poll(() => shownCounts(page), { timeout: 10_000 }).toEqual(expectedCounts(done));
    expect(await page.locator('.folder-card .status').innerText()).toBe('Up to date');
    await screenshot(page, 'folders-indexed');
  });

  it('does not count a photo in the trash as the folder’s, says it apart, and agrees with the Photos page and status', async () => {
    const { page } = b;
    const id = g.picto.repos.locations.byPath(path.join(g.lib, 'DSCN0010.jpg'))!.photo_id;
    expect((await send(`${g.url}/api/trash`, 'POST', { ids: [id] })).status).toBe(200);
    const list = await getOk<FolderList>(g, '/api/folders');
    expect(list.folders[0]).toMatchObject({ photos: items - 1, trashed: 1, pending: 0 });
    expect(list.totals).toMatchObject({ photos: items - 1, ready: items - 1, trashed: 1 });
    // The page follows the trash without a reload.
    await expect
      .poll(() => shownCounts(page), { timeout: 10_000 })
      .toEqual({
        card: `${items - 1} photos · Up to date · 1 in the trash`,
        panel: `${items - 1} of ${items - 1} photos ready · 1 in the trash`,
      });
    await screenshot(page, 'folders-with-trash');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'phone-folders-with-trash');
    await page.setViewportSize({ width: 1280, height: 800 });

    // `picto status --json` counts the same (its `photos` block keeps counting every photo).
    const status = g.picto.status.summary();
    expect(status.folders[0]).toMatchObject({ photos: items - 1, trashed: 1 });
    expect(status.library).toEqual(list.totals);
    expect(status.photos).toMatchObject({ total: items, trashed: 1 });

    // The Photos page says the same number.
    await page.locator('.folder-card').getByRole('link', { name: '1 in the trash' }).click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Photos', exact: true }).click();
    await thumbnailsLoaded(page, 4);
    await expect
      .poll(() => page.locator('.topbar-sub').first().innerText())
      .toBe(`${items - 1} photos`);

    // Restored, it is the folder's again.
    await send(`${g.url}/api/trash/restore`, 'POST', { ids: [id] });
    await page.getByRole('link', { name: 'Folders' }).click();
    await expect
      .poll(() => shownCounts(page), { timeout: 10_000 })
      .toEqual({
        card: `${items} photos · Up to date`,
        panel: `${items} of ${items} photos ready`,
      });
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
