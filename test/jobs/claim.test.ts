// [Note: visible first] in src/jobs/pipeline.ts: the claim order, on a real catalogue with
// hand-made jobs (no workers run).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import {
  OPENED_PRIORITY,
  PIPELINE,
  POOL_STAGES,
  VISIBLE_PRIORITY,
} from '../../src/jobs/pipeline.js';

const NOW = '2026-01-01T00:00:00.000Z';
const stages = ['media', 'similarity', 'objects', 'faces'] as const;

describe('claiming the visible step first', () => {
  let tmp: string;
  let repos: Repos;
  let until = 1_000;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-claim-'));
    repos = createRepos(openDatabase(path.join(tmp, 'db.sqlite')));
    for (const id of ['p1', 'p2', 'p3']) {
      repos.photos.insertPending({ id, hash: `hash-${id}-0000`, size: 1, sortAt: NOW, now: NOW });
      for (const s of stages) repos.jobs.enqueue(id, s, NOW, PIPELINE[s].priority);
    }
  });
  afterEach(() => {
    repos.db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const claim = (limit: number) =>
    repos.jobs
      .claim('me', ++until, limit, NOW, { visible: VISIBLE_PRIORITY, stages: POOL_STAGES })
      .map((j) => [j.photo_id, j.stage]);
  const done = (photo: string, ...names: string[]) => {
    for (const n of names) repos.jobs.complete(photo, n, 'v', NOW);
  };

  it('claims every waiting visible step, oldest job first, before any AI', () => {
    expect(claim(2)).toEqual([
      ['p1', 'media'],
      ['p1', 'similarity'],
      ['p2', 'media'],
      ['p2', 'similarity'],
    ]);
    // p1 and p2 are running their visible step: their AI waits; p3's visible step goes first.
    expect(claim(5)).toEqual([
      ['p3', 'media'],
      ['p3', 'similarity'],
    ]);
    expect(claim(5)).toEqual([]);
    done('p2', 'media', 'similarity');
    expect(claim(5)).toEqual([
      ['p2', 'objects'],
      ['p2', 'faces'],
    ]);
  });

  it('takes a photo opened in the viewer next, all its stages in one task', () => {
    expect(repos.jobs.prioritize('p3', OPENED_PRIORITY, NOW)).toBe(4);
    expect(claim(1)).toEqual(stages.map((s) => ['p3', s]));
    expect(claim(1)).toEqual([
      ['p1', 'media'],
      ['p1', 'similarity'],
    ]);
  });

  it('without tiers takes every pending job of a photo, of the named stages only', () => {
    const plain = (limit: number, only?: string[]) =>
      repos.jobs
        .claim('lane', ++until, limit, NOW, only ? { stages: only } : {})
        .map((j) => [j.photo_id, j.stage]);
    // The transcode lane's claim: one stage, one photo at a time, oldest first.
    expect(plain(1, ['objects'])).toEqual([['p1', 'objects']]);
    expect(plain(1, ['objects'])).toEqual([['p2', 'objects']]);
    // Every stage: the first photo with pending work, all its pending jobs at once (p1's objects
    // job is running and is not claimed again, nor returned).
    expect(plain(1)).toEqual([
      ['p1', 'media'],
      ['p1', 'similarity'],
      ['p1', 'faces'],
    ]);
    // The tiered claim of another owner sees none of the jobs the lane holds.
    expect(claim(5)).toEqual([
      ['p2', 'media'],
      ['p2', 'similarity'],
      ['p3', 'media'],
      ['p3', 'similarity'],
    ]);
    expect(plain(5, ['objects'])).toEqual([['p3', 'objects']]);
    expect(plain(5, ['objects'])).toEqual([]);
  });
});
