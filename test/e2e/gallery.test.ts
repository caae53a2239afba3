import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GALLERY_PHOTOS, type Gallery } from '../server/harness.js';
import { hasWebBuild, screenshot, thumbnailsLoaded, type Browser } from './browser.js';
import { closeGalleryInBrowser, galleryReady, openGalleryInBrowser } from './gallery-browser.js';

if (!hasWebBuild)
  console.warn('\n*** e2e: web/dist is missing (npm run build); browser tests SKIPPED ***\n');

describe.skipIf(!galleryReady)('the gallery in a browser', () => {
  let g: Gallery;
  let b: Browser;
  const count = GALLERY_PHOTOS.length;

  beforeAll(async () => {
    ({ g, b } = await openGalleryInBrowser());
  });
  afterAll(() => closeGalleryInBrowser(g, b));

  it('starts empty and says what to do', async () => {
    const { page } = b;
    await page.goto(g.url);
    await page.getByRole('heading', { name: 'Add a folder to start' }).waitFor();
    await screenshot(page, 'empty-state');
  });

  it('adds a folder by its path and shows thumbnails as they are made', async () => {
    const { page } = b;
    await page.getByLabel('Folder path').fill(g.lib);
    await page.getByRole('button', { name: 'Add folder' }).click();
    // Tiles appear while indexing runs, pushed by server-sent events (no reload).
    await page.locator('.tile').first().waitFor({ timeout: 30_000 });
    await thumbnailsLoaded(page, count, 60_000);
    await expect.poll(() => page.locator('.month-title').first().textContent()).toBeTruthy();
    await page.mouse.move(0, 0);
    await screenshot(page, 'timeline-light');
  });

  it('opens the viewer and navigates with the keyboard', async () => {
    const { page } = b;
    const first = await page.locator('.tile').first().getAttribute('data-photo-id');
    await page.locator('.tile-hit').first().click();
    await page.locator('.viewer-preview.ready').waitFor();
    expect(new URL(page.url()).searchParams.get('photo')).toBe(first);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('photo')).not.toBe(first);
    const second = new URL(page.url()).searchParams.get('photo');
    await page.locator('.viewer-preview.ready').waitFor();
    await page.mouse.move(720, 450);
    await screenshot(page, 'viewer');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).searchParams.get('photo')).toBe(first);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('photo')).toBe(second);
  });

  it('zooms with the wheel and resets', async () => {
    const { page } = b;
    const frame = page.locator('.viewer-frame');
    await page.mouse.move(720, 450);
    await page.mouse.wheel(0, -400);
    await expect
      .poll(async () => Number(await frame.getAttribute('data-zoom')))
      .toBeGreaterThan(1.5);
    await page.keyboard.press('0');
    await expect.poll(async () => Number(await frame.getAttribute('data-zoom'))).toBe(1);
  });

  it('shows the info panel with camera, exposure and file path', async () => {
    const { page } = b;
    // Go to a photo with camera EXIF (the DSCN photos are from 2008).
    const id = g.picto.repos.locations.byPath(`${g.lib}/DSCN0010.jpg`)!.photo_id;
    await page.goto(`${g.url}/?photo=${id}`);
    await page.locator('.viewer-preview.ready').waitFor();
    await page.keyboard.press('i');
    const info = page.getByRole('complementary', { name: 'Photo details' });
    await info.getByText('NIKON').first().waitFor();
    await expect.poll(() => info.textContent()).toContain('DSCN0010.jpg');
    await expect.poll(() => info.textContent()).toMatch(/ƒ\/\d/);
    await screenshot(page, 'viewer-info');
  });

  it('favourites with F and lists it in Favourites', async () => {
    const { page } = b;
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Remove from favourites' }).waitFor();
    await page.keyboard.press('i');
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Favourites' }).click();
    await expect.poll(() => page.locator('.tile').count()).toBe(1);
  });

  it('selects a range with shift-click and makes an album of it', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Photos' }).click();
    await page.locator('.tile').nth(3).waitFor();
    await page.locator('.tile').nth(0).hover();
    await page.locator('.tile').nth(0).getByRole('button', { name: 'Select' }).click();
    await page
      .locator('.tile')
      .nth(2)
      .getByRole('button', { name: 'Select' })
      .click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    await screenshot(page, 'selection');
    await page.getByRole('button', { name: 'Add to album' }).click();
    await page.getByLabel('New album name').fill('Tuscany');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Created Tuscany with 3 photos').waitFor();
    await page.getByRole('link', { name: 'Albums' }).click();
    const card = page.getByRole('link', { name: /^Tuscany ?, 3 photos$/ });
    await card.waitFor();
    await page.locator('.album-cover img').first().waitFor();
    await screenshot(page, 'albums');
    await card.click();
    await expect.poll(() => page.locator('.tile').count()).toBe(3);
    await thumbnailsLoaded(page, 3);
    await screenshot(page, 'album');
  });

  it('moves a photo to the trash with Del and restores it', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Photos' }).click();
    await page.locator('.tile').first().waitFor();
    const victim = await page.locator('.tile').first().getAttribute('data-photo-id');
    await page.locator('.tile-hit').first().click();
    await page.locator('.viewer').waitFor();
    await page.keyboard.press('Delete');
    await page.getByText('Moved to trash').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`.tile[data-photo-id="${victim}"]`).count()).toBe(0);

    await page.getByRole('link', { name: 'Trash' }).click();
    await expect.poll(() => page.locator('.tile').count()).toBe(1);
    await page.getByText('Emptying the trash deletes their files').waitFor();
    await thumbnailsLoaded(page, 1);
    await screenshot(page, 'trash');
    await page.locator('.tile').first().hover();
    await page.locator('.tile').first().getByRole('button', { name: 'Select' }).click();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Restored 1 photo').waitFor();
    await page.getByRole('heading', { name: 'Trash is empty' }).waitFor();

    await page.getByRole('link', { name: 'Photos' }).click();
    await expect.poll(() => page.locator(`.tile[data-photo-id="${victim}"]`).count()).toBe(1);
    expect(g.picto.repos.photos.get(victim!)?.trashed_at).toBeNull();
  });

  it('shows folders with their status', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Folders' }).click();
    await page.getByText(g.lib).waitFor();
    await page.locator('.folder-card').first().waitFor();
    await screenshot(page, 'folders');
  });

  it('follows the dark theme', async () => {
    const { page } = b;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('link', { name: 'Photos' }).click();
    await thumbnailsLoaded(page, 4);
    const bg = await page.evaluate(
      () => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor,
    );
    expect(bg).toBe('rgb(19, 20, 22)');
    await page.mouse.move(0, 0);
    await screenshot(page, 'timeline-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('fits a phone screen', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Photos' }).click();
    await thumbnailsLoaded(page, 4);
    // On a phone the navigation is a bar at the bottom of the screen.
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    expect(nav!.y).toBeGreaterThan(700);
    await screenshot(page, 'timeline-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('is installable as an app (web manifest, icons)', async () => {
    const { page, context } = b;
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    await cdp.detach();
  });

  it('had no page errors and made no requests outside the server', () => {
    expect(b.errors).toEqual([]);
  });
});
