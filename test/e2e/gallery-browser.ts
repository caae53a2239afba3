// The setup the corpus-gallery browser suites share: a real server on the gallery photos and a
// headless Chromium on it, opened before the suite and closed after.
import { hasCorpus } from '../helpers/corpus.js';
import { indexLibrary, startGallery, type Gallery } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, type Browser } from './browser.js';

/** A browser suite on corpus photos needs the corpus, Chromium and the built web app. */
export const galleryReady = hasCorpus && hasChromium && hasWebBuild;

/**
 * Starts the gallery server on `photos` (the gallery's own by default; its folder added and indexed
 * first when `index` is set, AI off) and opens a browser. On a failure half-way, what was started
 * is closed again before the error goes on.
 */
export async function openGalleryInBrowser(
  opts: { photos?: string[]; index?: boolean; browser?: Parameters<typeof openBrowser>[0] } = {},
): Promise<{ g: Gallery; b: Browser }> {
  const g = await startGallery({ photos: opts.photos });
  try {
    if (opts.index) await indexLibrary(g);
    return { g, b: await openBrowser(opts.browser) };
  } catch (e) {
    await g.close();
    throw e;
  }
}

/** Closes the browser, then the gallery; either may be missing when the suite's setup failed. */
export async function closeGalleryInBrowser(g?: Gallery, b?: Browser): Promise<void> {
  await b?.close();
  await g?.close();
}
