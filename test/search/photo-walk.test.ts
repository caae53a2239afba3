import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { lastPhotoRowid, type PhotoWindow } from '../../src/db/photo-windows.js';
import { RepeatedWalk, walkPhotos } from '../../src/search/photo-walk.js';

// [Note: passes over every photo in slices]: a walk visits every photo once, and the queries it
// runs a window at a time find what the same query over the whole table finds.

describe('walks over the photos table', () => {
  let tmp: string;
  let repos: Repos;
  const now = '2025-01-01T00:00:00.000Z';
  const id = (i: number) => i.toString(16).padStart(16, '0');

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-photo-walk-'));
    repos = createRepos(openDatabase(path.join(tmp, 'picto.db')));
  });
  afterEach(() => {
    repos.db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** 25 ready photos, odd ones in a folder with AI on, every third with a position. */
  const library = () => {
    const ai = repos.folders.insert('/ai', now).id;
    const plain = repos.folders.insert('/plain', now).id;
    repos.folders.setAi(plain, false);
    repos.folders.setAi(ai, true);
    for (let i = 1; i <= 25; i++) {
      repos.photos.insertPending({ id: id(i), hash: id(i).repeat(4), size: 1, sortAt: now, now });
      const lat = i % 3 === 0 ? 38.7 : null;
      repos.db
        .prepare("UPDATE photos SET status = 'ready', lat = ?, lon = ? WHERE id = ?")
        .run(lat, lat === null ? null : -9.1, id(i));
      repos.locations.insert({
        photo_id: id(i),
        folder_id: i % 2 ? ai : plain,
        path: `/x/${i}.jpg`,
        size: 1,
        mtime_ms: 0,
        first_seen_at: now,
      });
    }
  };
  const windows = async (end: number, size: number, stopAt?: number) => {
    const seen: PhotoWindow[] = [];
    await walkPhotos(
      end,
      (w) => seen.push(w) === stopAt,
      () => false,
      size,
    );
    return seen;
  };

  it('covers rowids 1..end once, in order, and stops when asked', async () => {
    expect(await windows(25, 10)).toEqual([
      { after: 0, upTo: 10 },
      { after: 10, upTo: 20 },
      { after: 20, upTo: 25 },
    ]);
    expect(await windows(0, 10)).toEqual([]);
    expect(await windows(25, 10, 2)).toHaveLength(2);
    let steps = 0;
    await walkPhotos(
      25,
      () => void steps++,
      () => steps >= 1,
      10,
    );
    expect(steps).toBe(1);
  });

  it('runs one walk at a time, once more when asked during it', async () => {
    let runs = 0;
    let release!: () => void;
    const walk = new RepeatedWalk(() => false);
    const once = async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    };
    const first = walk.run(once);
    await walk.run(once);
    await walk.run(once);
    expect(runs).toBe(1);
    release();
    await first;
    expect(runs).toBe(2);
    await walk.run(once);
    expect(runs).toBe(3);
  });

  it('queues text reading window by window as the whole-table query does', () => {
    library();
    const end = lastPhotoRowid(repos.db);
    expect(end).toBe(25);
    let n = 0;
    for (let after = 0; after < end; after += 7) {
      n += repos.jobs.queueFresh('ocr', 1, 100, now, { after, upTo: after + 7 });
    }
    expect(n).toBe(13);
    const queued = (
      repos.db.prepare("SELECT photo_id FROM jobs WHERE stage = 'ocr'").all() as {
        photo_id: string;
      }[]
    ).map((r) => r.photo_id);
    expect(queued.sort()).toEqual(Array.from({ length: 13 }, (_, k) => id(2 * k + 1)).sort());
    // Nothing twice; the whole-table query agrees there is nothing left.
    expect(repos.jobs.queueFresh('ocr', 1, 100, now, { after: 0, upTo: end })).toBe(0);
    expect(repos.jobs.queueBatch('ocr', 'ocr@1', 1, 100, now)).toBe(0);
    // A limit within a window.
    expect(repos.jobs.queueFresh('semantic', 1, 2, now, { after: 0, upTo: 10 })).toBe(2);
  });

  it('finds stale places and orphaned ones in one window only', () => {
    library();
    const { places } = repos.discovery;
    const first = places.stale('places@1', 100, undefined, { after: 0, upTo: 10 });
    expect(first.map((p) => p.id).sort()).toEqual([id(3), id(6), id(9)]);
    expect(places.stale('places@1', 100).length).toBe(8);
    places.upsert(
      first.map((p) => ({
        photo_id: p.id,
        lat: p.lat,
        lon: p.lon,
        city: null,
        city_key: null,
        city_id: null,
        city_km: null,
        region: null,
        region_key: null,
        country_code: null,
        country: null,
        continent: null,
        continent_key: null,
        version: 'places@1',
      })),
    );
    repos.db
      .prepare('UPDATE photos SET lat = NULL, lon = NULL WHERE id IN (?, ?)')
      .run(id(3), id(6));
    expect(places.dropOrphansIn({ after: 10, upTo: 25 })).toBe(0);
    expect(places.dropOrphansIn({ after: 0, upTo: 10 })).toBe(2);
    expect(places.stale('places@1', 100, undefined, { after: 0, upTo: 10 })).toEqual([]);
  });
});
