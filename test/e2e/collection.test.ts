import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { getOk, send, type Gallery } from '../server/harness.js';
import { screenshot, thumbnailsLoaded, type Browser } from './browser.js';
import { closeGalleryInBrowser, galleryReady, openGalleryInBrowser } from './gallery-browser.js';
const DSCN = ['DSCN0010', 'DSCN0012', 'DSCN0021', 'DSCN0025', 'DSCN0027', 'DSCN0029'];

const headerCount = async (page: Page) =>
  Number((await page.locator('.topbar-sub').textContent())?.replace(/\D/g, ''));

/** Albums, trash and search results: counts, the photo picker, bulk actions, the small faults. */
describe.skipIf(!galleryReady)('collections in a browser', () => {
  let g: Gallery;
  let b: Browser;
  const id = (file: string) =>
    g.picto.repos.locations.byPath(path.join(g.lib, `${file}.jpg`))!.photo_id;

  beforeAll(async () => {
    ({ g, b } = await openGalleryInBrowser({ index: true }));
  });
  afterAll(() => closeGalleryInBrowser(g, b));

  it('keeps the count right after a restore, even when answers come back out of order', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 8);
    expect(await headerCount(page)).toBe(8);
    // Hold back the first month counts asked after the trash, so they arrive after the newer
    // ones the restore asks for (as happens while indexing refreshes every second).
    let held: Promise<void> | null = null;
    let release!: () => void;
    await page.route('**/api/timeline/buckets', async (route: Route) => {
      if (held) return route.continue();
      held = new Promise((r) => (release = r));
      const answer = await route.fetch();
      await held;
      await route.fulfill({ response: answer });
    });
    const victim = await page.locator('.tile').first().getAttribute('data-photo-id');
    await page.locator('.tile').first().hover();
    await page.locator('.tile').first().getByRole('button', { name: 'Select' }).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => headerCount(page)).toBe(7);
    await expect.poll(() => held !== null, { timeout: 5000 }).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator(`.tile[data-photo-id="${victim}"]`).count()).toBe(1);
    await expect.poll(() => headerCount(page)).toBe(8);
    release();
    await page.waitForTimeout(1500);
    expect(await headerCount(page)).toBe(8);
    expect(await page.locator('.tile').count()).toBe(8);
    expect((await getOk(g, '/api/timeline/buckets')).total).toBe(8);
    await page.unroute('**/api/timeline/buckets');
  });

  it('adds photos to an album from a picker over the timeline', async () => {
    const { page } = b;
    const res = await send(`${g.url}/api/albums`, 'POST', {
      name: 'Arezzo',
      photoIds: [id(DSCN[0])],
    });
    const album = (await res.json()) as { id: number };
    await page.goto(`${g.url}/albums/${album.id}`);
    await thumbnailsLoaded(page, 1);
    await page.getByRole('button', { name: 'Add photos' }).click();
    const picker = page.getByRole('dialog', { name: 'Add photos to Arezzo' });
    await picker.waitFor();
    await picker.locator('.tile-img-loaded').nth(7).waitFor();
    // The photo already in the album is shown checked, says so, and cannot be picked again.
    const member = picker.locator(`.tile[data-photo-id="${id(DSCN[0])}"] .tile-hit`);
    await expect.poll(() => member.getAttribute('aria-disabled')).toBe('true');
    expect(await member.getAttribute('aria-label')).toMatch(/, already in Arezzo$/);
    await member.click({ force: true });
    await member.focus();
    await page.keyboard.press('Space');
    expect(await picker.locator('.picker-count').textContent()).toBe('Choose the photos to add');
    for (const f of [DSCN[1], DSCN[2], DSCN[3]])
      await picker.locator(`.tile[data-photo-id="${id(f)}"] .tile-hit`).click();
    await picker.getByText('3 photos selected').waitFor();
    await screenshot(page, 'album-picker');
    await picker.getByRole('button', { name: 'Add 3 photos' }).click();
    await page.getByText('Added 3 photos to Arezzo').waitFor();
    await expect.poll(() => page.locator('.main .tile').count()).toBe(4);
    // Opened again, all four are marked; the day's check circle picks only the other two.
    await page.getByRole('button', { name: 'Add photos' }).click();
    await picker.locator('.tile-img-loaded').nth(7).waitFor();
    await expect.poll(() => picker.locator('.tile-locked').count()).toBe(4);
    await picker
      .locator('.day-head', { hasText: 'Oct 22, 2008' })
      .getByRole('button', { name: 'Select this day' })
      .click();
    await picker.getByText('2 photos selected').waitFor();
    expect(
      await picker
        .locator('.tile-selected')
        .evaluateAll((els) =>
          els.map((e: any) => e.getAttribute('data-photo-id') as string).sort(),
        ),
    ).toEqual([id(DSCN[4]), id(DSCN[5])].sort());
    await screenshot(page, 'album-picker-members');
    await picker.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says in the picker what its keys do: Enter and Space pick, Esc closes without adding', async () => {
    const { page } = b;
    const opacity = (sel: string) =>
      page.locator(sel).evaluate((e: any) => (globalThis as any).getComputedStyle(e).opacity);
    await page.getByRole('button', { name: 'Add photos' }).click();
    const picker = page.getByRole('dialog', { name: 'Add photos to Arezzo' });
    await picker.locator('.tile-img-loaded').nth(7).waitFor();
    const free = [id(DSCN[4]), id(DSCN[5])];
    const tile = (photo: string) => picker.locator(`.tile[data-photo-id="${photo}"] .tile-hit`);
    // Focus from the keyboard (a key first: a focus after the click that opened the picker
    // would not be :focus-visible, and the hint shows only for keyboard focus).
    await page.keyboard.press('Shift');
    await tile(free[0]).focus();
    // The focused tile is described by the picker's hint, and only that one shows.
    expect(await tile(free[0]).getAttribute('aria-describedby')).toBe('tile-keys-pick');
    const hint = picker.locator('.kbd-hint-pick');
    expect(await hint.textContent()).toBe(
      'Enter or Space picks or unpicks · Shift+Space picks a range · Esc closes without adding',
    );
    await expect.poll(() => opacity('.kbd-hint-pick')).toBe('1');
    expect(await opacity('.kbd-hint-browse')).toBe('0');
    expect(await opacity('.kbd-hint-select')).toBe('0');
    // In the top layer with the dialog, not under its backdrop.
    expect(await hint.evaluate((e: any) => e.closest('dialog[open]') !== null)).toBe(true);
    await screenshot(page, 'album-picker-keys');
    // What it says is what the keys do: Enter picks (it opens nothing), Space too, and again
    // unpicks.
    await page.keyboard.press('Enter');
    await picker.getByText('1 photo selected').waitFor();
    expect(await page.locator('.viewer').count()).toBe(0);
    await tile(free[1]).focus();
    await page.keyboard.press('Space');
    await picker.getByText('2 photos selected').waitFor();
    await page.keyboard.press('Enter');
    await picker.getByText('1 photo selected').waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.main .tile').count()).toBe(4);
    expect(g.picto.repos.albums.photoIds(g.picto.repos.albums.byName('Arezzo')!.id)).toHaveLength(
      4,
    );

    // On the album page the tiles say the grid's keys: Enter opens until something is selected,
    // then Enter selects too and Esc clears.
    const first = page.locator('.main .tile .tile-hit').first();
    await page.keyboard.press('Shift');
    await first.focus();
    expect(await first.getAttribute('aria-describedby')).toBe('tile-keys-browse');
    await expect.poll(() => opacity('.kbd-hint-browse')).toBe('1');
    await page.keyboard.press('Space');
    await page.getByText('1 selected').waitFor();
    expect(await first.getAttribute('aria-describedby')).toBe('tile-keys-select');
    await expect.poll(() => opacity('.kbd-hint-select')).toBe('1');
    expect(await opacity('.kbd-hint-browse')).toBe('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.main .tile-selected').count()).toBe(0);
    expect(await page.locator('.viewer').count()).toBe(0);
    await page.keyboard.press('Space');
    await page.getByText('1 selected').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.main .tile-selected').count()).toBe(0);
    await page.mouse.click(5, 5);
  });

  it('sets the cover and removes a photo from the album in the viewer', async () => {
    const { page } = b;
    const albumId = g.picto.repos.albums.byName('Arezzo')!.id;
    await page.locator(`.tile[data-photo-id="${id(DSCN[2])}"] .tile-hit`).click();
    await page.locator('.viewer-preview.ready').waitFor();
    await page.getByRole('button', { name: 'More options' }).click();
    await page.getByRole('menuitem', { name: 'Use as cover of Arezzo' }).click();
    await page.getByText('Now the cover of Arezzo').waitFor();
    expect(g.picto.repos.albums.get(albumId)?.cover_photo_id).toBe(id(DSCN[2]));
    await page.getByRole('button', { name: 'More options' }).click();
    await page.getByRole('menuitem', { name: 'Remove from Arezzo' }).click();
    await page.getByText('Removed from Arezzo').waitFor();
    expect(g.picto.repos.albums.photoIds(albumId)).not.toContain(id(DSCN[2]));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.main .tile').count()).toBe(3);
  });

  it('says in the dialog, in words, that an album name is taken', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 8);
    await page.locator('.tile').first().hover();
    await page.locator('.tile').first().getByRole('button', { name: 'Select' }).click();
    await page.getByRole('button', { name: 'Add to album' }).click();
    const dialog = page.getByRole('dialog', { name: /Add 1 photo to an album/ });
    await dialog.getByLabel('New album name').fill('Arezzo');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const error = dialog.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'There is already an album called “Arezzo”. Pick it in the list below, or choose another name.',
    );
    expect(await error.isVisible()).toBe(true);
    await screenshot(page, 'album-name-taken');
    await dialog.getByRole('button', { name: /^Arezzo/ }).click();
    await page.getByText(/Added 1 photo to Arezzo|Already in Arezzo/).waitFor();
  });

  it('deletes an album without asking for it again afterwards', async () => {
    const { page } = b;
    const albumId = g.picto.repos.albums.byName('Arezzo')!.id;
    await page.goto(`${g.url}/albums/${albumId}`);
    await thumbnailsLoaded(page, 1);
    const asked: string[] = [];
    const seen = (r: { url(): string }) => {
      if (new URL(r.url()).pathname.startsWith(`/api/albums/${albumId}`)) asked.push(r.url());
    };
    const errorsBefore = b.errors.length;
    await page.getByRole('button', { name: 'Delete album' }).click();
    page.on('request', seen);
    await page.getByRole('button', { name: 'Delete album' }).last().click();
    await page.getByText('Deleted the album Arezzo').waitFor();
    await page.getByRole('heading', { name: 'Albums', level: 1 }).waitFor();
    await page.waitForTimeout(2500);
    page.off('request', seen);
    expect(asked.map((u) => new URL(u).pathname)).toEqual([`/api/albums/${albumId}`]);
    expect(b.errors.slice(errorsBefore)).toEqual([]);
  });

  it('selects search results and acts on them like the timeline', async () => {
    const { page } = b;
    await page.goto(`${g.url}/search?q=2008`);
    await page.locator('.search-cell .tile-img-loaded').nth(5).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.locator('.search-summary').textContent()).not.toMatch(/\d+\s*ms/);
    const cells = page.locator('.search-cell .tile');
    await cells.nth(0).hover();
    await cells.nth(0).getByRole('button', { name: 'Select' }).click();
    await cells
      .nth(2)
      .getByRole('button', { name: 'Select' })
      .click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    await screenshot(page, 'search-selection');
    await page.getByRole('button', { name: 'Favourite' }).click();
    await page.getByText('Added 3 photos to favourites').waitFor();
    expect((await getOk(g, '/api/favourites/buckets')).total).toBe(3);
    await cells.nth(3).hover();
    await cells.nth(3).getByRole('button', { name: 'Select' }).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('Moved 1 photo to the trash').waitFor();
    await expect.poll(() => page.locator('.search-cell').count()).toBe(5);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.search-cell').count()).toBe(6);
  });

  it('shows the scrubber for a single month and no preload warning on other pages', async () => {
    const { page } = b;
    const warnings: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) => {
      if (m.type() === 'warning') warnings.push(m.text());
    };
    page.on('console', onConsole);
    const res = await send(`${g.url}/api/albums`, 'POST', {
      name: 'October',
      photoIds: DSCN.map(id),
    });
    const album = (await res.json()) as { id: number };
    await page.setViewportSize({ width: 1440, height: 420 });
    await page.goto(`${g.url}/albums/${album.id}`);
    await thumbnailsLoaded(page, 3);
    const scrubber = page.getByRole('scrollbar');
    await scrubber.waitFor();
    expect(await scrubber.getByText('2008').count()).toBe(1);
    await screenshot(page, 'scrubber-one-month');
    // Chrome warns about an unused preload a few seconds after the load.
    await page.waitForTimeout(3500);
    page.off('console', onConsole);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
