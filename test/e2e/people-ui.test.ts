import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOk, send, startGallery, type Gallery } from '../server/harness.js';
import { openBrowser, screenshot, type Browser } from './browser.js';
import { indexWithPeople, TWO_PEOPLE_PHOTOS } from './full-library.js';
import { galleryReady } from './gallery-browser.js';

interface FaceView {
  id: string;
  personId: number | null;
  personName: string | null;
}

/** People, faces in the viewer and the duplicates review, on real faces (AI on). */
describe.skipIf(!galleryReady)('people, faces and duplicates in a browser', () => {
  let g: Gallery;
  let b: Browser;
  const id = (file: string) => g.picto.repos.locations.byPath(path.join(g.lib, file))!.photo_id;
  const faces = async (photo: string) =>
    (await getOk<{ faces: FaceView[] }>(g, `/api/photos/${photo}/faces`)).faces;

  beforeAll(async () => {
    g = await startGallery({ photos: TWO_PEOPLE_PHOTOS });
    await indexWithPeople(g);
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await g?.close();
  });

  it('names a person right in the People grid', async () => {
    const { page } = b;
    await page.goto(`${g.url}/people`);
    await page.locator('.person-card img').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add a name' }).count()).toBeGreaterThanOrEqual(
      2,
    );
    await page.getByRole('button', { name: 'Add a name' }).first().click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Barack');
    await page.keyboard.press('Enter');
    await page.getByText('Named Barack').waitFor();
    await page.getByRole('link', { name: 'Barack' }).waitFor();
    await screenshot(page, 'people-named-in-grid');
  });

  it('calls an unnamed person "this person", never "Add a name"', async () => {
    const { page } = b;
    const { people } = await getOk<{ people: { id: number; name: string | null }[] }>(
      g,
      '/api/people',
    );
    const unnamed = people.find((p) => p.name === null)!;
    await page.goto(`${g.url}/people/${unnamed.id}`);
    await page.locator('.tile-img-loaded').first().waitFor();
    expect(await page.locator('.crumbs').textContent()).toContain('Unnamed person');
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.getByText('This person is hidden from People').waitFor();
    expect(await page.getByText(/Add a name is/).count()).toBe(0);
    await page.getByRole('button', { name: 'Show in People' }).click();
    await page.getByText('This person is back in People').waitFor();
    // Suggestions, when there are any, ask in plain words.
    expect(await page.getByText(/Rest (yes|no)/).count()).toBe(0);
  });

  it('boxes unnamed faces only when asked, and names one with "Create NAME"', async () => {
    const { page } = b;
    const photo = id('biden.jpg');
    const [face] = await faces(photo);
    expect(face.personName).toBeNull();
    await page.goto(`${g.url}/?photo=${photo}`);
    await page.locator('.viewer-preview.ready').waitFor();
    expect(await page.locator('.face-box').count()).toBe(0);
    const toggle = page.getByRole('button', { name: 'Show unnamed faces' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.locator('.face-box').first().waitFor();
    await page.locator('.face-box-hit').first().click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Joe');
    await page.getByRole('button', { name: 'Create “Joe”' }).click();
    await page.getByText('This is Joe').waitFor();
    await expect.poll(async () => (await faces(photo))[0].personName).toBe('Joe');
    // Named faces keep their box; with no unnamed face left there is nothing to toggle.
    await page.locator('.face-label', { hasText: 'Joe' }).waitFor();
    await toggle.waitFor({ state: 'detached' });
    await screenshot(page, 'viewer-named-face');
  });

  it('undoes "Not NAME"', async () => {
    const { page } = b;
    const photo = id('biden.jpg');
    await page.locator('.face-box-hit').first().click();
    await page.getByRole('button', { name: 'Not Joe' }).click();
    await page.getByText('Not Joe: remembered').waitFor();
    await expect.poll(async () => (await faces(photo))[0].personName).toBeNull();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await faces(photo))[0].personName).toBe('Joe');
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
  });

  it('lists merge candidates by likeness: another Obama before Biden', async () => {
    const { page } = b;
    const { people } = await getOk<{ people: { id: number; name: string | null }[] }>(
      g,
      '/api/people',
    );
    const barack = people.find((p) => p.name === 'Barack')!;
    // One of Barack's faces in a person of its own, as if clustering had split him: moved, then
    // the move's "not Barack" forgotten (a split by clustering is no one's decision).
    const [face] = (await faces(id('obama2.jpg'))).filter((f) => f.personId === barack.id);
    expect((await send(`${g.url}/api/faces/${face.id}/move`, 'POST', { name: 'Barry' })).ok).toBe(
      true,
    );
    g.picto.repos.faceFeedback.unreject(face.id, barack.id);
    await page.goto(`${g.url}/people/${barack.id}`);
    await page.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who else is Barack?' });
    await dialog.locator('.merge-pick').first().waitFor();
    const names = await dialog.locator('.merge-pick .person-name').allInnerTexts();
    expect(names[0]).toBe('Barry');
    expect(names.indexOf('Barry')).toBeLessThan(names.indexOf('Joe'));
    // Barry is where the likely ones are; Joe among everyone else.
    const group = (name: string) =>
      dialog.locator('section', {
        has: page.getByRole('button', { name: new RegExp(`^${name}`) }),
      });
    expect(await group('Barry').getAttribute('aria-label')).not.toBe('Everyone else');
    expect(await group('Joe').getAttribute('aria-label')).toBe('Everyone else');
    await screenshot(page, 'merge-by-likeness');
    await dialog.getByRole('button', { name: /^Barry/ }).click();
    await dialog.getByRole('button', { name: 'Merge 1 person' }).click();
    await page.getByText('1 person merged into Barack').waitFor();
    await expect
      .poll(async () => (await faces(id('obama2.jpg'))).some((f) => f.personName === 'Barack'))
      .toBe(true);
  });

  it('suggests keeping the favourite of a duplicate pair, and says why', async () => {
    const { page } = b;
    const crop = id('obama_partial_face.jpg');
    await send(`${g.url}/api/favourites`, 'POST', { ids: [crop] });
    await page.goto(`${g.url}/duplicates`);
    const keep = page.locator('.dup-photo.keep');
    await keep.waitFor();
    expect(await keep.getAttribute('aria-label')).toMatch(/^Keep obama_partial_face\.jpg/);
    expect(await page.locator('.dup-reason').textContent()).toBe('Suggested: it is a favourite.');
    await screenshot(page, 'duplicates-favourite');
    // Choosing the other says it is your choice; every photo button has a name.
    await page.getByRole('button', { name: /^Keep obama\.jpg/ }).click();
    expect(await page.locator('.dup-reason').textContent()).toBe('Your choice.');
  });

  it('says so when no photo has a place, instead of an empty map', async () => {
    const { page } = b;
    await page.goto(`${g.url}/map`);
    await page.getByRole('heading', { name: 'No photos with a place yet' }).waitFor();
    await screenshot(page, 'map-empty');
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
