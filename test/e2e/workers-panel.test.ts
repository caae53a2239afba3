// The Folders page with `serve --queue` (issue 17): the queue unreachable is said in words (and
// that this machine indexes meanwhile), then connected, then a remote worker appears in the list
// with its counts. Real redis-server, real `picto serve` and `picto worker` processes.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus } from '../helpers/corpus.js';
import { freePort, startRedis, type TestRedis } from '../../bench/redis.js';
import { jobs, picto, run, startServe, waitFor, type Proc } from '../remote/harness.js';
import { makeLibrary } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot, type Browser } from './browser.js';

const PHOTOS = [
  'objects/coco128/images/000000000009.jpg',
  'objects/coco128/images/000000000025.jpg',
  'exif/gps/DSCN0010.jpg',
];

describe.skipIf(!(hasCorpus && hasChromium && hasWebBuild))('the Folders page with a queue', () => {
  let tmp: string;
  let b: Browser;
  let redis: TestRedis | undefined;
  const procs: Proc[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-workers-ui-'));
    b = await openBrowser();
  });
  afterAll(async () => {
    for (const p of procs) await p.kill();
    await b?.close();
    await redis?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('says when the queue is unreachable, then lists the remote worker', async () => {
    const data = path.join(tmp, 'data');
    picto(data, 'add', makeLibrary(tmp, PHOTOS));
    const redisPort = await freePort();
    const port = await freePort();
    const primary = await startServe(data, port, 1, `redis://127.0.0.1:${redisPort}`);
    procs.push(primary);
    const { page } = b;
    await page.goto(`http://127.0.0.1:${port}/folders`);
    const panel = page.getByRole('region', { name: 'Workers' });
    await panel.getByText('unreachable').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => panel.textContent())
      .toMatch(/This machine keeps indexing on its own meanwhile/);
    expect(await panel.textContent()).toContain('No other machine helps yet');
    await screenshot(page, 'folders-queue-unreachable');

    // Redis comes up where the primary expects it; a worker joins.
    redis = await startRedis({ port: redisPort });
    await panel.getByText('connected').waitFor({ timeout: 30_000 });
    const token = picto(data, 'token').trim();
    const worker = run([
      'worker',
      '--queue',
      redis.url,
      '--server',
      `http://127.0.0.1:${port}`,
      '--token',
      token,
      '--concurrency',
      '1',
    ]);
    procs.push(worker);
    const id = await waitFor(
      'the worker registered',
      async () => (await jobs(port)).workers.find((w) => w.kind === 'remote' && w.online)?.id,
    );
    const row = panel.locator(`[data-worker-id="${id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.textContent()).toMatch(/1 at a time/);
    expect(await panel.textContent()).not.toContain('No other machine helps yet');
    await screenshot(page, 'folders-queue-workers');
    expect(b.errors).toEqual([]);
  }, 240_000);
});
