import { chromium, type Browser } from 'playwright-core';

/**
 * How the benchmark and the browser tests start Chromium: Debian's own build (Playwright must
 * never download one), headless, with nothing that talks to the network on its own.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches that Chromium (a browser without a profile; test/e2e/browser.ts opens one with). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: HEADLESS_ARGS });
}
