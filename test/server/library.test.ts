import { appendFileSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Album,
  AlbumList,
  Buckets,
  EmptyTrashResult,
  FolderIssues,
  FolderList,
  JobsStatus,
  TimelinePage,
} from '../../src/shared/api.js';
import { thumbnailPaths } from '../../src/media/index.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import {
  BROKEN_PHOTO,
  GALLERY_PHOTOS,
  indexLibrary,
  json,
  send,
  startGallery,
  type Gallery,
} from './harness.js';

describe.skipIf(!hasCorpus)('gallery API: favourites, albums, trash, folders, jobs', () => {
  let g: Gallery;
  let ids: string[];
  const idOf = (name: string) => g.picto.repos.locations.byPath(path.join(g.lib, name))!.photo_id;
  const url = (p: string) => `${g.url}${p}`;
  const list = async (p: string) =>
    (await json<TimelinePage>(await fetch(url(p)))).items.map((i) => i.id);

  beforeAll(async () => {
    g = await startGallery({ photos: [...GALLERY_PHOTOS, BROKEN_PHOTO] });
    await indexLibrary(g);
    ids = await list('/api/timeline?limit=100');
  });
  afterAll(async () => g?.close());

  it('marks and unmarks favourites', async () => {
    const two = ids.slice(0, 2);
    // Month pages are cached; the cache must follow the change.
    const month = (
      await json<TimelinePage>(await fetch(url('/api/timeline?limit=1')))
    ).items[0].takenAt.slice(0, 7);
    const favInMonth = async () =>
      (await json<TimelinePage>(await fetch(url(`/api/timeline?month=${month}`)))).items.filter(
        (i) => i.favourite,
      ).length;
    expect(await favInMonth()).toBe(0);
    const on = await send(url('/api/favourites'), 'POST', { ids: two });
    expect(await json(on)).toEqual({ changed: 2 });
    expect(await favInMonth()).toBeGreaterThan(0);
    expect((await list('/api/favourites')).sort()).toEqual([...two].sort());
    expect((await json<Buckets>(await fetch(url('/api/favourites/buckets')))).total).toBe(2);
    const timeline = await json<TimelinePage>(await fetch(url('/api/timeline?limit=100')));
    expect(
      timeline.items
        .filter((i) => i.favourite)
        .map((i) => i.id)
        .sort(),
    ).toEqual([...two].sort());
    await send(url('/api/favourites'), 'DELETE', { ids: [two[0]] });
    expect(await list('/api/favourites')).toEqual([two[1]]);
  });

  it('refuses bad selections', async () => {
    const empty = await send(url('/api/favourites'), 'POST', { ids: [] });
    expect(empty.status).toBe(400);
    expect(await json(empty)).toMatchObject({ error: 'validation', field: 'body/ids' });
    const missing = await send(url('/api/favourites'), 'POST', {});
    expect(await json(missing)).toMatchObject({ statusCode: 400, field: 'body/ids' });
    const unknown = await send(url('/api/favourites'), 'POST', { ids: ['0123456789abcdef'] });
    expect(unknown.status).toBe(404);
    const notJson = await fetch(url('/api/favourites'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ids":',
    });
    expect(notJson.status).toBe(400);
    const form = await fetch(url('/api/favourites'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ids=1',
    });
    expect(form.status).toBe(415);
  });

  it('does the whole album life: create, add, cover, rename, describe, remove, delete', async () => {
    const created = await send(url('/api/albums'), 'POST', {
      name: 'Italy 2008',
      photoIds: ids.slice(0, 3),
    });
    expect(created.status).toBe(201);
    const album = await json<Album>(created);
    expect(album).toMatchObject({ name: 'Italy 2008', photoCount: 3, description: '' });
    expect(album.coverThumbUrl).toMatch(/thumbnail\?v=/);

    const dup = await send(url('/api/albums'), 'POST', { name: 'italy 2008' });
    expect(dup.status).toBe(409);
    const blank = await send(url('/api/albums'), 'POST', { name: '' });
    expect(await json(blank)).toMatchObject({ statusCode: 400, field: 'body/name' });

    expect(
      await json(
        await send(url(`/api/albums/${album.id}/photos`), 'POST', { ids: ids.slice(2, 5) }),
      ),
    ).toEqual({ changed: 2 });
    expect((await list(`/api/albums/${album.id}/photos`)).sort()).toEqual(ids.slice(0, 5).sort());
    expect((await json<Buckets>(await fetch(url(`/api/albums/${album.id}/buckets`)))).total).toBe(
      5,
    );

    const renamed = await json<Album>(
      await send(url(`/api/albums/${album.id}`), 'PATCH', {
        name: 'Tuscany',
        description: 'Autumn trip',
        coverPhotoId: ids[4],
      }),
    );
    expect(renamed).toMatchObject({
      name: 'Tuscany',
      description: 'Autumn trip',
      coverPhotoId: ids[4],
      photoCount: 5,
    });
    const nothing = await send(url(`/api/albums/${album.id}`), 'PATCH', {});
    expect(nothing.status).toBe(400);

    const details = await json(await fetch(url(`/api/photos/${ids[0]}`)));
    expect(details.albums).toEqual([{ id: album.id, name: 'Tuscany' }]);

    expect(
      await json(await send(url(`/api/albums/${album.id}/photos`), 'DELETE', { ids: [ids[0]] })),
    ).toEqual({ changed: 1 });
    const all = await json<AlbumList>(await fetch(url('/api/albums')));
    expect(all.albums.find((a) => a.id === album.id)?.photoCount).toBe(4);

    const del = await fetch(url(`/api/albums/${album.id}`), { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await fetch(url(`/api/albums/${album.id}`))).status).toBe(404);
    expect((await fetch(url(`/api/albums/${album.id}/photos`))).status).toBe(404);
    expect((await fetch(url('/api/albums/abc'))).status).toBe(400);
  });

  it('moves to the trash and restores without touching files', async () => {
    const id = idOf('DSCN0021.jpg');
    const album = await json<Album>(
      await send(url('/api/albums'), 'POST', { name: 'Trash test', photoIds: [id] }),
    );
    expect(await json(await send(url('/api/trash'), 'POST', { ids: [id] }))).toEqual({
      changed: 1,
    });
    expect(await list('/api/timeline?limit=100')).not.toContain(id);
    expect(await list('/api/trash')).toEqual([id]);
    expect((await json<Album>(await fetch(url(`/api/albums/${album.id}`)))).photoCount).toBe(0);
    expect(existsSync(path.join(g.lib, 'DSCN0021.jpg'))).toBe(true);
    expect(await json(await send(url('/api/trash/restore'), 'POST', { ids: [id] }))).toEqual({
      changed: 1,
    });
    expect(await list('/api/timeline?limit=100')).toContain(id);
    expect(await list('/api/trash')).toEqual([]);
    expect((await json<Album>(await fetch(url(`/api/albums/${album.id}`)))).photoCount).toBe(1);
  });

  it('empties the trash only with an explicit confirmation, deleting the files', async () => {
    const gone = idOf('DSCN0025.jpg');
    const file = path.join(g.lib, 'DSCN0025.jpg');
    const hash = g.picto.repos.photos.get(gone)!.content_hash;
    const thumbs = thumbnailPaths(g.picto.layout.thumbs, hash);
    expect(existsSync(thumbs.thumb)).toBe(true);

    // Emptying needs confirm: true; a photo that is not in the trash is refused.
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }]) {
      const res = await send(url('/api/trash/empty'), 'POST', body);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ field: 'body/confirm' });
    }
    const notTrashed = await send(url('/api/trash/empty'), 'POST', { confirm: true, ids: [gone] });
    expect(notTrashed.status).toBe(409);
    expect(existsSync(file)).toBe(true);

    await send(url('/api/trash'), 'POST', { ids: [gone] });
    const res = await send(url('/api/trash/empty'), 'POST', { confirm: true });
    expect(res.status).toBe(200);
    expect(await json<EmptyTrashResult>(res)).toEqual({
      deletedPhotos: 1,
      deletedFiles: 1,
      kept: [],
    });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(thumbs.thumb)).toBe(false);
    expect((await fetch(url(`/api/photos/${gone}`))).status).toBe(404);
    expect(await list('/api/trash')).toEqual([]);
  });

  it('keeps a trashed file that changed on disk since the last scan', async () => {
    const id = idOf('DSCN0027.jpg');
    const file = path.join(g.lib, 'DSCN0027.jpg');
    await send(url('/api/trash'), 'POST', { ids: [id] });
    appendFileSync(file, Buffer.from('edited elsewhere'));
    const r = await json<EmptyTrashResult>(
      await send(url('/api/trash/empty'), 'POST', { confirm: true, ids: [id] }),
    );
    expect(r.deletedPhotos).toBe(0);
    expect(r.kept).toEqual([{ id, path: file, reason: expect.stringMatching(/changed on disk/) }]);
    expect(existsSync(file)).toBe(true);
    expect(await list('/api/trash')).toEqual([id]);
    await send(url('/api/trash/restore'), 'POST', { ids: [id] });
  });

  it('lists folders with counts and failures, and switches AI', async () => {
    const folders = await json<FolderList>(await fetch(url('/api/folders')));
    expect(folders.folders).toHaveLength(1);
    const f = folders.folders[0];
    expect(f).toMatchObject({
      path: g.lib,
      online: true,
      ai: false,
      pending: 0,
      errors: 1,
      scanning: null,
    });
    expect(f.photos).toBeGreaterThanOrEqual(GALLERY_PHOTOS.length - 1);

    const issues = await json<FolderIssues>(await fetch(url(`/api/folders/${f.id}/issues`)));
    const broken = issues.failed.find((i) => i.path.endsWith('broken.png'));
    expect(broken).toMatchObject({ stage: 'media', error: expect.any(String) });

    const off = await send(url(`/api/folders/${f.id}`), 'PATCH', { ai: false });
    expect(await json(off)).toMatchObject({ id: f.id, ai: false });
    expect((await send(url('/api/folders/999'), 'PATCH', { ai: true })).status).toBe(404);
    expect((await fetch(url('/api/folders/999/issues'))).status).toBe(404);
  });

  it('adds, rescans and removes folders, refusing bad paths', async () => {
    const missing = await send(url('/api/folders'), 'POST', { path: path.join(g.tmp, 'nope') });
    expect(missing.status).toBe(400);
    expect((await json(missing)).message).toMatch(/not found/);
    const relative = await send(url('/api/folders'), 'POST', { path: 'Pictures' });
    expect(relative.status).toBe(400);
    const nested = path.join(g.lib, 'sub');
    mkdirSync(nested, { recursive: true });
    expect((await send(url('/api/folders'), 'POST', { path: nested })).status).toBe(409);
    const file = await send(url('/api/folders'), 'POST', {
      path: path.join(g.lib, 'DSCN0010.jpg'),
    });
    expect(file.status).toBe(400);

    const other = path.join(g.tmp, 'Other');
    mkdirSync(other);
    copyFileSync(corpusPath('exif/gps/DSCN0038.jpg'), path.join(other, 'DSCN0038.jpg'));
    const scanned = g.picto.events.once((e) => e.type === 'scan.done');
    const added = await send(url('/api/folders'), 'POST', { path: other, ai: false });
    expect(added.status).toBe(201);
    const body = await json(added);
    expect(body).toMatchObject({ created: true, folder: { path: other, ai: false } });
    await scanned;
    const again = await send(url('/api/folders'), 'POST', { path: other });
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ created: false });

    const rescanned = g.picto.events.once((e) => e.type === 'scan.done');
    const rescan = await fetch(url(`/api/folders/${body.folder.id}/rescan`), { method: 'POST' });
    expect(rescan.status).toBe(202);
    await rescanned;
    await g.picto.runner.drain();
    expect((await json(await fetch(url(`/api/folders/${body.folder.id}`)))).photos).toBe(1);

    // Switching AI on queues the AI stages for the folder's photo (removing the folder drops them).
    const on = await send(url(`/api/folders/${body.folder.id}`), 'PATCH', { ai: true });
    expect(await json(on)).toMatchObject({ id: body.folder.id, ai: true });

    const removed = await fetch(url(`/api/folders/${body.folder.id}`), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(existsSync(path.join(other, 'DSCN0038.jpg'))).toBe(true);
    expect((await json<FolderList>(await fetch(url('/api/folders')))).folders).toHaveLength(1);
    expect((await fetch(url(`/api/folders/${body.folder.id}`), { method: 'DELETE' })).status).toBe(
      404,
    );
  });

  it('reports, pauses, resumes and retries jobs', async () => {
    const status = await json<JobsStatus>(await fetch(url('/api/jobs')));
    const media = status.stages.find((s) => s.stage === 'media')!;
    expect(media.failed).toBe(1);
    expect(media.pending + media.running).toBe(0);
    expect(status.paused).toBe(false);

    expect(await json(await fetch(url('/api/jobs/pause'), { method: 'POST' }))).toMatchObject({
      paused: true,
    });
    expect(await json(await fetch(url('/api/jobs')))).toMatchObject({ paused: true });
    expect(await json(await fetch(url('/api/jobs/resume'), { method: 'POST' }))).toMatchObject({
      paused: false,
    });

    // Other stages (AI, similarity) belong to other modules: only the media stage is checked here.
    const mediaFailures = async () =>
      (await json(await fetch(url('/api/jobs/failed')))).failed.filter(
        (f: { stage: string }) => f.stage === 'media',
      );
    const failed = { failed: await mediaFailures() };
    expect(failed.failed).toHaveLength(1);
    expect(failed.failed[0]).toMatchObject({
      stage: 'media',
      path: path.join(g.lib, 'broken.png'),
      attempts: expect.any(Number),
    });

    const retried = await json(await send(url('/api/jobs/retry'), 'POST', { stage: 'media' }));
    expect(retried).toEqual({ requeued: 1 });
    await g.picto.runner.drain();
    expect(await mediaFailures()).toHaveLength(1);
  });
});
