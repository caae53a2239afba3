// A Live Photo stays one item when either of its files is renamed or moved (issue 13): the pair is
// stored on the two photo rows, which keep their ids through renames and moves (identity by
// content), and pairing again by the Apple ContentIdentifier finds the same pair wherever the
// files are. Real files (test/helpers/videos.ts), the real scanner and pipeline, AI off.

import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { hasCorpus } from '../helpers/corpus.js';
import { indexWithoutAi } from '../helpers/indexing.js';
import { testVideos } from '../helpers/videos.js';

describe.skipIf(!hasCorpus)('a Live Photo pair through renames and moves', () => {
  let tmp: string;
  let lib: string;
  let picto: Picto;
  let still: string;
  let mov: string;
  let stillId: string;
  let movId: string;

  const idOf = (p: string) => picto.repos.locations.byPath(p)?.photo_id;
  const row = (id: string) => picto.repos.photos.get(id)!;

  /** Rescans, runs what it queued, and checks the pair is whole and one item. */
  async function expectPaired(): Promise<void> {
    await picto.scan();
    await picto.runner.drain();
    expect(idOf(still)).toBe(stillId);
    expect(idOf(mov)).toBe(movId);
    expect(row(stillId)).toMatchObject({ kind: 'live', motion_id: movId, live_of: null });
    expect(row(movId)).toMatchObject({ kind: 'video', live_of: stillId });
    const page = picto.gallery.page({ kind: 'all' }, { limit: 50 });
    expect(page.items.map((i) => i.id)).toEqual([stillId]);
    expect(picto.status.photos().total).toBe(1);
  }

  beforeAll(async () => {
    const v = await testVideos();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-live-moves-'));
    lib = path.join(tmp, 'Pictures');
    mkdirSync(lib);
    still = path.join(lib, path.basename(v.liveStill));
    mov = path.join(lib, path.basename(v.liveMov));
    copyFileSync(v.liveStill, still);
    copyFileSync(v.liveMov, mov);
    picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
    await indexWithoutAi(picto, lib);
    stillId = idOf(still)!;
    movId = idOf(mov)!;
    expect(row(stillId).motion_id).toBe(movId);
  }, 300_000);

  afterAll(async () => {
    await picto?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('renaming the MOV keeps the pair (the names no longer match)', async () => {
    const to = path.join(lib, 'motion of the party.mov');
    renameSync(mov, to);
    mov = to;
    await expectPaired();
  });

  it('renaming the still keeps the pair', async () => {
    const to = path.join(lib, 'Party.jpg');
    renameSync(still, to);
    still = to;
    await expectPaired();
  });

  it('moving the MOV alone into another folder keeps the pair', async () => {
    mkdirSync(path.join(lib, 'Movies'));
    const to = path.join(lib, 'Movies', path.basename(mov));
    renameSync(mov, to);
    mov = to;
    await expectPaired();
  });

  it('moving the still alone, then both back together, keeps the pair', async () => {
    mkdirSync(path.join(lib, 'Stills'));
    const to = path.join(lib, 'Stills', path.basename(still));
    renameSync(still, to);
    still = to;
    await expectPaired();
    const back = path.join(lib, 'IMG_0007.MOV');
    renameSync(mov, back);
    mov = back;
    const backStill = path.join(lib, 'IMG_0007.JPG');
    renameSync(still, backStill);
    still = backStill;
    await expectPaired();
  });
});
