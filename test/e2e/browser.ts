import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, HEADLESS_ARGS } from '../../bench/headless.js';
import { repoRoot } from '../helpers/corpus.js';

export { CHROMIUM };
export const hasChromium = existsSync(CHROMIUM);
export const hasWebBuild = existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'));
export const screenshotDir = path.join(repoRoot, 'test-artifacts', 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors: a test fails on any. */
  errors: string[];
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile; never a downloaded browser. */
export async function openBrowser(
  opts: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'picto-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: HEADLESS_ARGS,
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    colorScheme: opts.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // The app may only talk to its own server: anything else would be a CDN, a font, a tracker.
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.hostname !== '127.0.0.1')
      errors.push(`external request: ${r.url()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let entry animations (panels, dialogs, image fades) finish so the picture shows the end state.
  await page.waitForTimeout(450);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/**
 * Waits until at least n thumbnails have loaded. Browser code reaches the DOM through globalThis
 * (tests compile without DOM types); string expressions would need 'unsafe-eval', which the CSP
 * rightly refuses.
 */
export async function thumbnailsLoaded(page: Page, n: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (min) => (globalThis as any).document.querySelectorAll('.tile-img-loaded').length >= min,
    n,
    {
      timeout,
    },
  );
}
