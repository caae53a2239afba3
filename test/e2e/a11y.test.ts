import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type Browser } from './browser.js';
import { galleryReady } from './gallery-browser.js';
import {
  seriousViolations,
  startFullLibrary,
  withAxe,
  type AxeViolation,
  type FullLibrary,
} from './full-library.js';

/** A page to check: where to go, and what shows that it has drawn its content. */
interface Check {
  name: string;
  url: (lib: FullLibrary) => string;
  ready: string;
  /** Something to do once the page is there (open the info panel). */
  then?: (b: Browser) => Promise<void>;
}

const CHECKS: Check[] = [
  { name: 'photos', url: () => '/', ready: '.tile-img-loaded' },
  { name: 'search', url: () => '/search?q=2008', ready: '.search-cell .tile-img-loaded' },
  { name: 'map', url: () => '/map', ready: '.map-cluster' },
  { name: 'people', url: () => '/people', ready: '.person-card img' },
  { name: 'person', url: (l) => `/people/${l.personId}`, ready: '.tile-img-loaded' },
  { name: 'things', url: () => '/things', ready: '.thing-card img' },
  { name: 'favourites', url: () => '/favourites', ready: '.tile-img-loaded' },
  { name: 'albums', url: () => '/albums', ready: '.album-cover img' },
  { name: 'album', url: (l) => `/albums/${l.albumId}`, ready: '.tile-img-loaded' },
  { name: 'duplicates', url: () => '/duplicates', ready: '.dup-photo img' },
  { name: 'folders', url: () => '/folders', ready: '.folder-card' },
  { name: 'trash', url: () => '/trash', ready: '.tile-img-loaded' },
  {
    name: 'viewer',
    url: (l) => `/?photo=${l.id('DSCN0010.jpg')}`,
    ready: '.viewer-preview.ready',
  },
  {
    name: 'viewer-info',
    url: (l) => `/?photo=${l.id('DSCN0010.jpg')}`,
    ready: '.viewer-preview.ready',
    then: async ({ page }) => {
      const info = page.getByRole('complementary', { name: 'Photo details' });
      if (!(await info.isVisible())) await page.keyboard.press('i');
      await info.getByText('NIKON').first().waitFor();
    },
  },
  {
    name: 'viewer-edit',
    url: (l) => `/?photo=${l.id('DSCN0010.jpg')}`,
    ready: '.viewer-preview.ready',
    then: async ({ page }) => {
      const info = page.getByRole('complementary', { name: 'Photo details' });
      if (!(await info.isVisible())) await page.keyboard.press('i');
      await info.getByRole('button', { name: 'Edit date' }).click();
      await info.getByRole('button', { name: 'Edit place' }).click();
      await info.getByRole('combobox', { name: 'City' }).fill('lisb');
      await info.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'search-suggest',
    url: () => '/search',
    ready: '.search-input',
    then: async ({ page }) => {
      await page.getByRole('combobox', { name: 'Search photos' }).fill('nik');
      await page.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'folder-picker',
    url: () => '/folders',
    ready: '.folder-card',
    then: async ({ page }) => {
      await page.getByRole('button', { name: 'Browse…' }).click();
      await page.locator('.folder-dirs[aria-busy="false"]').waitFor();
    },
  },
  {
    name: 'merge',
    url: (l) => `/people/${l.personId}`,
    ready: '.tile-img-loaded',
    then: async ({ page }) => {
      await page.getByRole('button', { name: 'Merge' }).click();
      await page.locator('.merge-pick').first().waitFor();
    },
  },
  {
    name: 'selection',
    url: () => '/',
    ready: '.tile-img-loaded',
    then: async ({ page }) => {
      await page.locator('.tile').first().hover();
      await page.locator('.tile').first().getByRole('button', { name: 'Select' }).click();
      await page.getByText('1 selected').waitFor();
    },
  },
];

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

function describeViolations(page: string, vs: AxeViolation[]): string[] {
  return vs.map(
    (v) =>
      `${page}: ${v.id} (${v.impact}, ${v.nodes.length}) ${v.help}: ` +
      v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
        .join(' | '),
  );
}

describe.skipIf(!galleryReady)('accessibility (axe-core, WCAG 2.1 A/AA) on every page', () => {
  let lib: FullLibrary;
  let b: Browser;

  beforeAll(async () => {
    lib = await startFullLibrary();
    b = await openBrowser();
    await withAxe(b.page);
  });
  afterAll(async () => {
    await b?.close();
    await lib?.g.close();
  });

  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no serious or critical violation at ${size.name} size, ${scheme} theme`, async () => {
        const { page } = b;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme: scheme });
        const problems: string[] = [];
        for (const c of CHECKS) {
          await page.goto(`${lib.g.url}${c.url(lib)}`);
          await page.locator(c.ready).first().waitFor({ timeout: 20_000 });
          await c.then?.(b);
          // Entry animations (fades, slides) must end first: colours are checked as drawn.
          await page.waitForTimeout(500);
          problems.push(...describeViolations(c.name, await seriousViolations(page)));
          if (size.name === 'phone' || scheme === 'dark')
            await screenshot(page, `a11y-${c.name}-${size.name}-${scheme}`);
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('had no page errors', () => {
    expect(b.errors).toEqual([]);
  });
});
