import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import type { Gallery } from '../server/harness.js';
import { screenshot, thumbnailsLoaded, type Browser } from './browser.js';
import { closeGalleryInBrowser, galleryReady, openGalleryInBrowser } from './gallery-browser.js';
const W = 390;
const H = 844;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator) => (await l.boundingBox())!;
const shown = (page: Page) => new URL(page.url()).searchParams.get('photo');

/** A finger on the screen (CDP touch events: pointer events of type "touch", as on a phone). */
async function touch(cdp: CDPSession, points: { x: number; y: number }[], holdMs = 0) {
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first] });
  for (const p of rest) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  }
  if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The phone layout (390 × 844): each fault the issue lists, measured. */
describe.skipIf(!galleryReady)('the gallery on a phone', () => {
  let g: Gallery;
  let b: Browser;
  let cdp: CDPSession;

  beforeAll(async () => {
    ({ g, b } = await openGalleryInBrowser({ index: true, browser: { width: W, height: H } }));
    cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  });
  afterAll(async () => {
    await cdp?.detach();
    await closeGalleryInBrowser(g, b);
  });

  it('has a bottom bar of four labelled places and More, with the rest and the theme in a sheet', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 4);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const tabs = nav.locator('.nav-link:visible');
    expect(await tabs.count()).toBe(5);
    expect(await tabs.allInnerTexts()).toEqual(['Photos', 'Search', 'People', 'Albums', 'More']);
    for (const t of await tabs.all()) {
      const bx = await box(t);
      expect(bx.y + bx.height).toBeLessThanOrEqual(H);
      expect(bx.width).toBeGreaterThanOrEqual(70);
    }
    await screenshot(page, 'phone-timeline');
    await nav.getByRole('button', { name: 'More' }).click();
    const sheet = page.getByRole('dialog', { name: 'More' });
    await sheet.waitFor();
    for (const name of ['Map', 'Things', 'Favourites', 'Duplicates', 'Folders', 'Trash'])
      await sheet.getByRole('link', { name }).waitFor();
    await sheet.getByRole('radio', { name: 'Dark' }).click();
    expect(
      await page.evaluate(() => (globalThis as any).document.documentElement.dataset.theme),
    ).toBe('dark');
    await screenshot(page, 'phone-more-dark');
    await sheet.getByRole('radio', { name: 'Auto' }).click();
    await sheet.getByRole('link', { name: 'Folders' }).click();
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    expect(await sheet.isVisible()).toBe(false);
    // A page under More marks More as where you are.
    await expect
      .poll(() => nav.getByRole('button', { name: 'More' }).getAttribute('class'))
      .toContain('nav-active');
  });

  it('shows which folder it is: its name in full and the end of the path, all of it on a tap', async () => {
    const { page } = b;
    const card = page.locator('.folder-card').first();
    await card.waitFor();
    const name = card.locator('.folder-name');
    expect(await name.textContent()).toBe('Pictures');
    expect(await name.evaluate((e: any) => e.scrollWidth <= e.clientWidth)).toBe(true);
    const path = card.locator('.folder-path');
    expect(await path.getAttribute('title')).toBe(g.lib);
    await path.click();
    expect(await path.evaluate((e: any) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await path.textContent()).toBe(g.lib);
    await screenshot(page, 'phone-folders');
  });

  it('keeps the People title clear of the Hidden switch', async () => {
    const { page } = b;
    await page.goto(`${g.url}/people`);
    const title = page.getByRole('heading', { name: 'People', level: 1 });
    await title.waitFor();
    const t = await box(title);
    const toggle = await box(page.locator('.people-toggle'));
    expect(overlap(t, toggle)).toBe(false);
    expect(t.x + t.width).toBeLessThanOrEqual(W);
  });

  it('selects with a long press, and the selection bar fits with every action in reach', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 4);
    const first = await box(page.locator('.tile').first());
    await touch(cdp, [{ x: first.x + first.width / 2, y: first.y + first.height / 2 }], 700);
    await page.getByText('1 selected').waitFor();
    expect(shown(page)).toBeNull();
    // Once selecting, a tap adds a photo.
    const second = await box(page.locator('.tile').nth(1));
    await touch(cdp, [{ x: second.x + second.width / 2, y: second.y + second.height / 2 }]);
    await page.getByText('2 selected').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'phone-selection');
    const count = await box(page.locator('.selection-count'));
    const buttons = await page.locator('.selection-actions .action').all();
    expect(buttons.length).toBe(3);
    const boxes = await Promise.all(buttons.map(box));
    for (const [i, bx] of boxes.entries()) {
      expect(bx.x).toBeGreaterThanOrEqual(0);
      expect(bx.x + bx.width).toBeLessThanOrEqual(W);
      expect(bx.y + bx.height).toBeLessThanOrEqual(H);
      expect(overlap(bx, count)).toBe(false);
      for (const other of boxes.slice(i + 1)) expect(overlap(bx, other)).toBe(false);
    }
    // Every label is shown whole (at most two lines, nothing cut off).
    for (const bt of buttons) {
      const label = bt.locator('.action-label');
      expect(await label.evaluate((e: any) => e.scrollHeight <= e.clientHeight + 1)).toBe(true);
    }
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => page.locator('.tile-selected').count()).toBe(0);
  });

  it('shows the viewer title on one line, and a swipe from the edge goes to the next photo', async () => {
    const { page } = b;
    await page.locator('.tile').nth(2).click();
    await page.locator('.viewer-preview.ready').waitFor();
    const before = shown(page);
    const date = page.locator('.viewer-date-short');
    expect(await date.isVisible()).toBe(true);
    const lineHeight = await date.evaluate((e: any) =>
      parseFloat((globalThis as any).getComputedStyle(e).lineHeight),
    );
    expect((await box(date)).height).toBeLessThanOrEqual(lineHeight + 1);
    expect((await box(page.locator('.viewer-bar'))).height).toBeLessThanOrEqual(80);
    // Nothing invisible sits at the right edge to catch the finger.
    const hit = await page.evaluate(
      ([x, y]) => {
        const el = (globalThis as any).document.elementFromPoint(x, y);
        return {
          frame: Boolean(el?.closest('.viewer-frame')),
          button: el?.closest('button') !== null,
        };
      },
      [W - 12, H / 2],
    );
    expect(hit).toEqual({ frame: true, button: false });
    await screenshot(page, 'phone-viewer');
    await touch(cdp, [
      { x: W - 12, y: H / 2 },
      { x: W - 80, y: H / 2 },
      { x: W - 200, y: H / 2 },
    ]);
    await expect.poll(() => shown(page)).not.toBe(before);
    // The actions that do not fit are under More.
    await page.getByRole('button', { name: 'More options' }).click();
    await page.getByRole('menuitem', { name: 'Download original' }).waitFor();
    await page.getByRole('menuitem', { name: 'Slideshow' }).waitFor();
    await screenshot(page, 'phone-viewer-more');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.viewer').waitFor({ state: 'detached' });
  });

  it('keeps the scrubber in its gutter: a thumb at rest, the years while scrubbing, never over a photo at rest', async () => {
    const { page } = b;
    await page.goto(g.url);
    await thumbnailsLoaded(page, 4);
    const scrubber = page.locator('.scrubber');
    await scrubber.waitFor();
    // Everything of the scrubber that can be seen at rest lies right of every photo.
    const tilesRight = Math.max(
      ...(await page
        .locator('.tile')
        .evaluateAll((els) => els.map((e: any) => e.getBoundingClientRect().right as number))),
    );
    const seen = async (sel: string) =>
      page.locator(sel).evaluateAll((els) =>
        els
          .filter((e: any) => Number((globalThis as any).getComputedStyle(e).opacity) > 0)
          .map((e: any) => {
            const r = e.getBoundingClientRect();
            return { left: r.left as number, right: r.right as number, text: e.textContent };
          }),
      );
    const atRest = [
      ...(await seen('.scrubber-year')),
      ...(await seen('.scrubber-dot')),
      ...(await seen('.scrubber-handle')),
    ];
    expect(atRest.length).toBeGreaterThan(0);
    for (const el of atRest) {
      expect(el.left).toBeGreaterThanOrEqual(tilesRight);
      expect(el.right).toBeLessThanOrEqual(W);
    }
    await page.waitForTimeout(300);
    await screenshot(page, 'phone-scrubber-rest');

    // A finger on the thumb, dragged down: the years show, each on its own readable chip, and
    // the timeline follows.
    const handle = await box(page.locator('.scrubber-handle'));
    const track = await box(scrubber);
    const x = handle.x + handle.width / 2;
    const y0 = handle.y + handle.height / 2;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x, y: y0 }],
    });
    for (const f of [0.3, 0.6, 0.8])
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x, y: track.y + track.height * f }],
      });
    await expect.poll(() => scrubber.getAttribute('class')).toContain('scrubber-dragging');
    await page.waitForTimeout(250);
    const years = await seen('.scrubber-year');
    expect(years.map((y) => y.text)).toEqual(['2026', '2008']);
    for (const el of await page.locator('.scrubber-year').all()) {
      const style = await el.evaluate((e: any) => {
        const cs = (globalThis as any).getComputedStyle(e);
        return { size: parseFloat(cs.fontSize), bg: cs.backgroundColor };
      });
      expect(style.size).toBeGreaterThanOrEqual(12);
      expect(style.bg).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(
      await page
        .locator('.scroller')
        .first()
        .evaluate((e: any) => e.scrollTop as number),
    ).toBeGreaterThan(0);
    await screenshot(page, 'phone-scrubber-dragging');
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => scrubber.getAttribute('class')).not.toContain('scrubber-dragging');
  });

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
