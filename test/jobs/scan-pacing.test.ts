// [Note: scan pacing] (library/scanner.ts): a scan waits for the indexer only while it is far
// ahead of the visible steps done, and never on an indexer that is paused, stopped or stuck.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { VISIBLE_PRIORITY } from '../../src/jobs/pipeline.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { PhotoTask, PhotoTaskResult } from '../../src/jobs/task.js';
import { EventBus } from '../../src/shared/events.js';

/** An executor whose tasks finish when the test says so. */
function heldPool() {
  const held: { task: PhotoTask; finish: () => void }[] = [];
  let released = false;
  return {
    held,
    size: 1,
    run(task: PhotoTask): Promise<PhotoTaskResult> {
      const result = { photoId: task.photoId, outcomes: {}, ms: 1 };
      if (released) return Promise.resolve(result);
      return new Promise((resolve) => held.push({ task, finish: () => resolve(result) }));
    },
    /** The runner stops: everything still held finishes. */
    release() {
      released = true;
      for (const h of held.splice(0)) h.finish();
    },
  };
}

/** Settles on the next turns of the event loop, or says it has not. */
async function settled(p: Promise<void>, ms = 30): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, ms));
  return done;
}

describe('scan pacing', () => {
  let tmp: string;
  let repos: Repos;
  const runners: JobRunner[] = [];

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-pace-'));
    repos = createRepos(openDatabase(path.join(tmp, 'picto.db')));
    const now = new Date().toISOString();
    const folder = repos.folders.insert(tmp, now);
    for (let i = 0; i < 10; i++) {
      const id = `p${i}`;
      repos.photos.insertPending({ id, hash: `h${i}`, size: 1, sortAt: now, now });
      repos.locations.insert({
        photo_id: id,
        folder_id: folder.id,
        path: path.join(tmp, `${i}.jpg`),
        size: 1,
        mtime_ms: 0,
        first_seen_at: now,
      });
      repos.jobs.enqueue(id, 'media', now, VISIBLE_PRIORITY + 1);
    }
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    repos.db.close();
    rmSync(tmp, { recursive: true, force: true });
  }, 10_000);

  const runner = (pool: ReturnType<typeof heldPool>, scanWaitMs = 60_000) => {
    const r = new JobRunner({
      repos,
      events: new EventBus(),
      pool,
      thumbDir: tmp,
      pollMs: 20,
      scanLead: 3,
      scanWaitMs,
    });
    runners.push(r);
    return r;
  };

  it('waits while the scan is more than the lead ahead, and goes on as visible steps finish', async () => {
    const pool = heldPool();
    const r = runner(pool);
    expect(await settled(r.scanPacer()(1000))).toBe(true); // not started: never waits
    r.start();
    const room = r.scanPacer();
    expect(await settled(room(3))).toBe(true);
    const ahead = room(5);
    expect(await settled(ahead)).toBe(false);
    while (pool.held.length < 2) await new Promise((res) => setTimeout(res, 10));
    pool.held[0].finish();
    expect(await settled(ahead)).toBe(false); // 5 queued, 1 done: still 4 ahead
    pool.held[1].finish();
    expect(await settled(ahead)).toBe(true);
  });

  it('does not wait on a paused or stopped indexer', async () => {
    const pool = heldPool();
    const r = runner(pool);
    r.start();
    const room = r.scanPacer();
    const ahead = room(100);
    expect(await settled(ahead)).toBe(false);
    r.pause();
    expect(await settled(ahead)).toBe(true);
    expect(await settled(room(100))).toBe(true);
    r.resume();
    const again = room(100);
    expect(await settled(again)).toBe(false);
    const stopping = r.stop();
    expect(await settled(again)).toBe(true);
    await stopping;
  });

  it('goes on after a while when nothing finishes (a stuck indexer)', async () => {
    const pool = heldPool();
    const r = runner(pool, 50);
    r.start();
    const ahead = r.scanPacer()(100);
    expect(await settled(ahead, 0)).toBe(false);
    await ahead;
  });
});
