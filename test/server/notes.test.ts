import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderList, PhotoDetails } from '../../src/shared/api.js';
import type { ImportReport } from '../../src/shared/interchange-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { startNotesGallery } from '../helpers/notes-gallery.js';
import { json, send, type Gallery } from './harness.js';

/** The info panel's API: notes read from sidecars, edited by the user; the folder's import report. */
describe.skipIf(!hasCorpus)('photo notes and the import report over HTTP', () => {
  let g: Gallery;
  let folderId: number;
  const url = (p: string) => `${g.url}${p}`;
  const idOf = (name: string) => g.picto.repos.locations.byPath(path.join(g.lib, name))!.photo_id;
  const details = async (id: string) => json<PhotoDetails>(await fetch(url(`/api/photos/${id}`)));

  beforeAll(async () => {
    g = await startNotesGallery();
    const folders = await json<FolderList>(await fetch(url('/api/folders')));
    folderId = folders.folders[0].id;
  });
  afterAll(async () => g?.close());

  it('shows what Google Takeout and Lightroom said about a photo', async () => {
    const takeout = await details(idOf('DSCN0010.jpg'));
    expect(takeout.description).toBe('Lunch by the river');
    expect(takeout.descriptionSource).toBe('takeout');
    expect(takeout.favourite).toBe(true);
    expect(takeout.rating).toBeNull();
    // Its own GPS is the file's: the sidecar had none and would not win anyway.
    expect(takeout.placeSource).toBeNull();

    const lightroom = await details(idOf('DSCN0012.jpg'));
    expect(lightroom.rating).toBe(4);
    expect(lightroom.ratingSource).toBe('xmp');
    expect(lightroom.description).toBe('Harbour at dusk');
    expect(lightroom.keywords).toEqual([{ path: 'Places/Korea/Seoul', source: 'xmp' }]);
  });

  it('sets and clears the rating and the description as the user’s', async () => {
    const id = idOf('DSCN0012.jpg');
    const rated = await send(url(`/api/photos/${id}`), 'PATCH', { rating: 5 });
    expect(rated.status).toBe(200);
    const after = await json<PhotoDetails>(rated);
    expect(after.rating).toBe(5);
    expect(after.ratingSource).toBe('user');
    expect(after.description).toBe('Harbour at dusk');

    const both = await json<PhotoDetails>(
      await send(url(`/api/photos/${id}`), 'PATCH', {
        rating: null,
        description: '  The harbour,\nlate  ',
      }),
    );
    expect(both.rating).toBeNull();
    expect(both.description).toBe('The harbour,\nlate');
    expect(both.descriptionSource).toBe('user');

    const cleared = await json<PhotoDetails>(
      await send(url(`/api/photos/${id}`), 'PATCH', { description: '' }),
    );
    expect(cleared.description).toBeNull();
    // A rescan reads the sidecar again: what the user set (and cleared) stays.
    await g.picto.scan();
    await g.picto.runner.drain();
    const still = await details(id);
    expect(still.rating).toBeNull();
    expect(still.description).toBeNull();
    expect(still.keywords).toEqual([{ path: 'Places/Korea/Seoul', source: 'xmp' }]);
  });

  it('adds a keyword of the user’s, takes it out again, and leaves the sidecar’s alone', async () => {
    const id = idOf('DSCN0012.jpg');
    const kw = url(`/api/photos/${id}/keywords`);
    const added = await send(kw, 'POST', { keyword: 'Trips | Busan' });
    expect(added.status).toBe(200);
    expect((await json<PhotoDetails>(added)).keywords).toEqual([
      { path: 'Places/Korea/Seoul', source: 'xmp' },
      { path: 'Trips/Busan', source: 'user' },
    ]);
    const refused = await send(kw, 'DELETE', { keyword: 'Places/Korea/Seoul' });
    expect(refused.status).toBe(409);
    expect((await json<{ message: string }>(refused)).message).toMatch(/another program/);
    expect((await send(kw, 'POST', { keyword: ' / ' })).status).toBe(400);
    const removed = await send(kw, 'DELETE', { keyword: 'trips/busan' });
    expect(removed.status).toBe(200);
    expect((await json<PhotoDetails>(removed)).keywords).toEqual([
      { path: 'Places/Korea/Seoul', source: 'xmp' },
    ]);
    expect(
      (await send(url('/api/photos/0123456789abcdef/keywords'), 'POST', { keyword: 'x' })).status,
    ).toBe(404);
  });

  it('refuses ratings and bodies it cannot use with a 4xx that says why', async () => {
    const id = idOf('DSCN0010.jpg');
    for (const body of [{ rating: 6 }, { rating: 0 }, { rating: 2.5 }, {}, { stars: 3 }]) {
      const res = await send(url(`/api/photos/${id}`), 'PATCH', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json<{ message: string }>(res)).message).toBeTruthy();
    }
    const long = await send(url(`/api/photos/${id}`), 'PATCH', { description: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    const unknown = await send(url('/api/photos/0123456789abcdef'), 'PATCH', { rating: 3 });
    expect(unknown.status).toBe(404);
    expect((await details(id)).rating).toBeNull();
  });

  it('reports what came from sidecars for a folder, and the sidecar that matched no photo', async () => {
    const res = await fetch(url(`/api/folders/${folderId}/imported`));
    expect(res.status).toBe(200);
    const report = await json<ImportReport>(res);
    expect(report.descriptions).toBeGreaterThanOrEqual(1);
    expect(report.favorites).toBe(1);
    expect(report.keywords).toBeGreaterThanOrEqual(1);
    expect(report.unmatchedSidecars).toEqual([path.join(g.lib, 'gone.jpg.json')]);
    expect(report.pending).toBe(0);
    expect((await fetch(url('/api/folders/999/imported'))).status).toBe(404);
  });
});
