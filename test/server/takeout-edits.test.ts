import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoDetails } from '../../src/shared/api.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { SEOUL, sidecarJson } from '../helpers/takeout-tree.js';
import { indexLibrary, json, send, startGallery, type Gallery } from './harness.js';

/**
 * Where Google Takeout and the user's own date and place edits meet: the user's wins over the
 * sidecar, also when the sidecar is read again, and taking the edit back brings the sidecar's.
 */
describe.skipIf(!hasCorpus)('a Takeout date and place under the user’s edits', () => {
  let g: Gallery;
  let id: string;
  const url = (p: string) => `${g.url}${p}`;
  const details = async () => json<PhotoDetails>(await fetch(url(`/api/photos/${id}`)));
  const readAgain = async (stage: 'media' | 'interchange') => {
    // What a changed file or sidecar does (the scan re-queues the stage); interchange follows
    // media (`rerunAfter`).
    g.picto.repos.jobs.enqueue(id, stage, new Date().toISOString(), 9);
    g.picto.runner.notify();
    await g.picto.runner.drain();
  };

  beforeAll(async () => {
    g = await startGallery({ photos: [] });
    // No EXIF at all: the date and the place can only come from the sidecar.
    const file = path.join(g.lib, 'upload.jpg');
    await sharp(corpusPath('exif/gps/DSCN0010.jpg')).resize({ width: 640 }).jpeg().toFile(file);
    writeFileSync(
      `${file}.json`,
      sidecarJson({ title: 'upload.jpg', taken: '2019-06-14T03:00:00Z', geo: SEOUL }),
    );
    await indexLibrary(g);
    id = g.picto.repos.locations.byPath(file)!.photo_id;
  });
  afterAll(async () => g?.close());

  it('takes the date and place from the sidecar first', async () => {
    const d = await details();
    expect(d.takenAtSource).toBe('takeout');
    // 03:00 UTC is noon in Seoul (+09:00).
    expect(d.takenAt).toBe('2019-06-14T12:00:00+09:00');
    expect(d.placeSource).toBe('takeout');
    expect(d.gps?.lat).toBeCloseTo(SEOUL[0], 4);
  });

  it('keeps the user’s date and place when the file and the sidecar are read again', async () => {
    expect(
      (await send(url('/api/photos/place'), 'POST', { ids: [id], name: 'lisbon' })).status,
    ).toBe(200);
    expect(
      (await send(url('/api/photos/date'), 'POST', { ids: [id], set: '2020-01-02T10:00' })).status,
    ).toBe(200);
    await readAgain('interchange');
    await readAgain('media');
    const d = await details();
    expect(d.takenAtSource).toBe('user');
    expect(d.takenAt?.startsWith('2020-01-02T10:00')).toBe(true);
    expect(d.gps?.lat).toBeCloseTo(38.72, 1);
    expect(d.placeSource).toBeNull();
    expect(d.edits).toMatchObject({ date: true, place: true });
  });

  it('goes back to the sidecar’s date and place when the edits are taken back', async () => {
    await send(url('/api/photos/place'), 'POST', { ids: [id], reset: true });
    await send(url('/api/photos/date'), 'POST', { ids: [id], reset: true });
    await g.picto.runner.drain();
    const d = await details();
    expect(d.edits).toBeNull();
    expect(d.takenAtSource).toBe('takeout');
    expect(d.takenAt).toBe('2019-06-14T12:00:00+09:00');
    expect(d.placeSource).toBe('takeout');
    expect(d.gps?.lat).toBeCloseTo(SEOUL[0], 4);
  });
});
