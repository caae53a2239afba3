import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelinePage } from '../../src/shared/api.js';
import type { DirListing } from '../../src/shared/fs-api.js';
import type { SuggestResult } from '../../src/shared/suggest-api.js';
import { createServer, type PictoServer } from '../../src/server/server.js';
import { createPeople } from '../../bench/search-catalogue.js';
import { FakeLibrary, hexId } from '../search/fixture.js';
import { json, raw, send } from './harness.js';

// The API behind the web's pickers and grids: the folder picker's directory listing (this machine
// only), an album's photo ids, search suggestions, and the names grid tiles carry.

const P = (n: number) => hexId(n);
const TOKEN = 'test-token-for-other-machines';

describe('pickers and tile names over HTTP', () => {
  let lib: FakeLibrary;
  let server: PictoServer;
  let home: string;
  const url = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    lib = new FakeLibrary();
    createPeople(lib.db, [
      { id: 1, name: 'Alice Martin' },
      { id: 2, name: 'Bob' },
    ]);
    lib.add([
      {
        id: P(1),
        path: 'a.jpg',
        sortAt: '2020-05-01T10:00:00',
        tags: [
          ['person', 0.9],
          ['dog', 0.8],
          ['cup', 0.4],
          ['chair', 0.3],
        ],
        persons: [1, 2],
        place: { city: 'Nice', country: 'France', countryCode: 'FR' },
      },
      { id: P(2), path: 'b.jpg', sortAt: '2020-05-02T10:00:00', tags: [['cat', 0.7]] },
      { id: P(3), path: 'c.jpg', sortAt: '2020-05-03T10:00:00' },
    ]);
    lib.db.prepare('UPDATE faces SET embedding = zeroblob(512)').run();
    server = await createServer(lib.picto, { port: 0, indexing: false, token: TOKEN });

    home = mkdtempSync(path.join(os.tmpdir(), 'picto-home-'));
    for (const d of ['Pictures', 'Documents', 'Pictures/2019', '.cache', 'Zeta 10', 'Zeta 9'])
      mkdirSync(path.join(home, d), { recursive: true });
    writeFileSync(path.join(home, 'notes.txt'), 'never listed');
    symlinkSync(path.join(home, 'Pictures'), path.join(home, 'Photos link'));
  });
  afterAll(async () => {
    await server?.close();
    await lib?.close();
    rmSync(home, { recursive: true, force: true });
  });

  describe('the folder picker', () => {
    it('lists directory names only: no files, no hidden folders, links to folders kept', async () => {
      const res = await fetch(url(`/api/fs/dirs?path=${encodeURIComponent(home)}`));
      expect(res.status).toBe(200);
      const l = await json<DirListing>(res);
      expect(l.path).toBe(home);
      expect(l.parent).toBe(path.dirname(home));
      expect(l.dirs.map((d) => d.name)).toEqual([
        'Documents',
        'Photos link',
        'Pictures',
        'Zeta 9',
        'Zeta 10',
      ]);
      expect(l.dirs[2]).toEqual({
        name: 'Pictures',
        path: path.join(home, 'Pictures'),
        library: false,
      });
      expect(JSON.stringify(l)).not.toContain('notes.txt');
      expect(l.truncated).toBe(false);
      expect(l.places[0]).toEqual({ name: 'Home', path: os.homedir() });
    });

    it('starts at the home folder, marks library folders, refuses what is not a folder', async () => {
      const l = await json<DirListing>(await fetch(url('/api/fs/dirs')));
      expect(l.path).toBe(path.resolve(os.homedir()));
      expect(l.home).toBe(l.path);
      const up = await json<DirListing>(await fetch(url('/api/fs/dirs?path=/')));
      expect(up.parent).toBeNull();
      const missing = await fetch(
        url(`/api/fs/dirs?path=${encodeURIComponent(path.join(home, 'nope'))}`),
      );
      expect(missing.status).toBe(404);
      const file = await fetch(
        url(`/api/fs/dirs?path=${encodeURIComponent(path.join(home, 'notes.txt'))}`),
      );
      expect(file.status).toBe(400);
      const relative = await fetch(url('/api/fs/dirs?path=Pictures'));
      expect(relative.status).toBe(400);
      expect((await json<{ message: string }>(relative)).message).toMatch(/absolute/);
      // A library folder is marked as one.
      const libDir = mkdtempSync(path.join(home, 'lib-'));
      await lib.picto.folders.add(libDir);
      const again = await json<DirListing>(
        await fetch(url(`/api/fs/dirs?path=${encodeURIComponent(home)}`)),
      );
      expect(again.dirs.find((d) => d.path === libDir)?.library).toBe(true);
    });

    it('answers only on this machine: 403 for another one, even with the token', async () => {
      const asOther = (headers: Record<string, string>) =>
        raw(server.url, `/api/fs/dirs?path=${encodeURIComponent(home)}`, {
          host: '127.0.0.1',
          headers: { host: 'photos.example.com', ...headers },
        });
      const withToken = await asOther({ authorization: `Bearer ${TOKEN}` });
      expect(withToken.status).toBe(403);
      expect(JSON.parse(withToken.body.toString())).toMatchObject({ error: 'forbidden' });
      expect(withToken.body.toString()).not.toContain('Pictures');
      expect((await asOther({})).status).toBe(401);
      // The same client, token and all, may use the rest of the API.
      const system = await raw(server.url, '/api/system', {
        host: '127.0.0.1',
        headers: { host: 'photos.example.com', authorization: `Bearer ${TOKEN}` },
      });
      expect(system.status).toBe(200);
    });
  });

  it("gives an album's photo ids, trash left out", async () => {
    const a = lib.picto.collection.createAlbum('Picked', '', [P(1), P(2), P(3)]);
    lib.picto.trash.moveToTrash([P(3)]);
    const res = await fetch(url(`/api/albums/${a.id}/photo-ids`));
    expect(await json(res)).toEqual({ ids: [P(2), P(1)] });
    expect((await fetch(url('/api/albums/9999/photo-ids'))).status).toBe(404);
    lib.picto.trash.restore([P(3)]);
  });

  it('suggests while typing', async () => {
    const r = await json<SuggestResult>(await fetch(url('/api/search/suggest?q=ali')));
    expect(r.suggestions[0]).toMatchObject({
      kind: 'person',
      label: 'Alice Martin',
      query: 'Alice Martin',
      count: 1,
    });
    expect(r.suggestions[0].coverUrl).toMatch(/^\/api\/faces\/.+\/crop\?v=/);
    expect(await json(await fetch(url('/api/search/suggest?q=')))).toEqual({ suggestions: [] });
    expect((await fetch(url('/api/search/suggest?q=a&limit=50'))).status).toBe(400);
  });

  it('names tiles by place, named people and tags, and cached month pages follow names', async () => {
    const month = () =>
      fetch(url('/api/timeline?month=2020-05')).then((r) => json<TimelinePage>(r));
    const tile = async (id: string) => (await month()).items.find((i) => i.id === id)!;
    expect(await tile(P(1))).toMatchObject({
      place: 'Nice',
      people: ['Alice Martin', 'Bob'],
      tags: ['person', 'dog', 'cup'],
    });
    expect(await tile(P(3))).toMatchObject({ place: null, people: [], tags: [] });
    // Renaming, hiding and new tags reach the cached page.
    lib.picto.people.corrections.rename(2, 'Robert');
    expect((await tile(P(1))).people).toEqual(['Alice Martin', 'Robert']);
    lib.picto.people.corrections.setHidden(1, true);
    expect((await tile(P(1))).people).toEqual(['Robert']);
    lib.db
      .prepare(
        `INSERT INTO photo_objects (photo_id, label, score, x, y, w, h) VALUES (?, 'bicycle', 0.99, 0, 0, 1, 1)`,
      )
      .run(P(3));
    expect((await tile(P(3))).tags).toEqual(['bicycle']);
    // Search results and person pages are named the same way.
    const search = await json<{ items: { id: string; tags: string[] }[] }>(
      await fetch(url('/api/search?q=bicycle')),
    );
    expect(search.items).toMatchObject([{ id: P(3), tags: ['bicycle'] }]);
    const person = await json<TimelinePage>(await fetch(url('/api/people/2/photos')));
    expect(person.items[0]).toMatchObject({ id: P(1), people: ['Robert'] });
  });

  it('sends the new routes to the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(
      await send(url('/api/openapi.json'), 'GET'),
    );
    for (const p of [
      '/api/search/suggest',
      '/api/fs/dirs',
      '/api/albums/{id}/photo-ids',
      '/api/people/{id}/similar',
      '/api/faces/{id}/reject/undo',
      '/api/photos/date',
      '/api/photos/place',
      '/api/places/find',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
