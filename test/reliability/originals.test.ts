import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SidecarService } from '../../src/interchange/sidecars.js';
import { hasCorpus } from '../helpers/corpus.js';
import { indexLibrary, json, send, startGallery, type Gallery } from '../server/harness.js';

// Originals of every kind the library meets: EXIF JPEGs, rotated ones, HEIC, AVIF, WebP, PNG, RAW
// stubs, corrupt files, and portraits for the people actions.
const PHOTOS = [
  'exif/gps/DSCN0010.jpg',
  'exif/gps/DSCN0012.jpg',
  'exif/gps/DSCN0021.jpg',
  'exif/orientation/recurser/Portrait_6.jpg',
  'exif/formats/heic/metadata-extractor/IMG_2927.HEIC',
  'exif/formats/avif/link-u/kimono.rotate90.avif',
  'exif/formats/webp/metadata-extractor/HTC Desire.webp',
  'exif/formats/png/metadata-extractor/sampleWithExifData.png',
  'exif/formats/raw/exiftool_stubs/Nikon.nef',
  'exif/corrupt/pillow/truncated_jpeg.jpg',
  'exif/corrupt/pillow/hopper_bad_exif.jpg',
  'faces/face_recognition/obama.jpg',
  'faces/face_recognition/obama2.jpg',
  'faces/face_recognition/biden.jpg',
  'faces/face_recognition/two_people.jpg',
  'faces/facenet-pytorch/multiface.jpg',
];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe.skipIf(!hasCorpus)('every user action leaves originals byte-identical', () => {
  let g: Gallery;
  let before: Map<string, { sha: string; mtime: number }>;
  const deleted = new Set<string>();

  beforeAll(async () => {
    g = await startGallery({ photos: PHOTOS });
    before = new Map(listFiles(g.lib).map((f) => [f, { sha: sha(f), mtime: statSync(f).mtimeMs }]));
    await indexLibrary(g, true);
    await g.picto.people.recluster();
  }, 600_000);

  afterAll(async () => {
    await g?.close();
  });

  const url = (p: string) => `${g.url}${p}`;
  const ok = async (res: Response | Promise<Response>) => {
    const r = await res;
    expect(r.status, `${r.url}: ${r.status}`).toBeLessThan(400);
    return r;
  };

  it('runs a whole session of user actions through the API', async () => {
    const page = await json<{ items: { id: string }[] }>(
      await ok(fetch(url('/api/timeline?limit=200'))),
    );
    const ids = page.items.map((p) => p.id);
    expect(ids.length).toBe(PHOTOS.length);

    // Look at everything, the way the viewer does.
    for (const id of ids) {
      await ok(fetch(url(`/api/photos/${id}`)));
      const details = await json<{ thumbUrl: string | null; previewUrl: string | null }>(
        await fetch(url(`/api/photos/${id}`)),
      );
      if (details.thumbUrl) await ok(fetch(url(details.thumbUrl)));
      if (details.previewUrl) await ok(fetch(url(details.previewUrl)));
      await ok(fetch(url(`/api/photos/${id}/original`), { headers: { range: 'bytes=0-99' } }));
      await ok(fetch(url(`/api/photos/${id}/original?download=true`)));
      await ok(fetch(url(`/api/photos/${id}/faces`)));
    }

    // Favourites and albums.
    await ok(send(url('/api/favourites'), 'POST', { ids: ids.slice(0, 5) }));
    await ok(send(url('/api/favourites'), 'DELETE', { ids: [ids[0]] }));
    const album = await json<{ id: number }>(
      await ok(send(url('/api/albums'), 'POST', { name: 'Session', photoIds: ids.slice(0, 6) })),
    );
    await ok(
      send(url(`/api/albums/${album.id}`), 'PATCH', {
        name: 'Session 2',
        description: 'x',
        coverPhotoId: ids[1],
      }),
    );
    await ok(send(url(`/api/albums/${album.id}/photos`), 'DELETE', { ids: [ids[2]] }));
    const other = await json<{ id: number }>(
      await ok(send(url('/api/albums'), 'POST', { name: 'Gone' })),
    );
    await ok(send(url(`/api/albums/${other.id}`), 'DELETE'));

    // People: name, merge, move a face, reject one, hide, recluster.
    const people = await json<{ people: { id: number }[] }>(await ok(fetch(url('/api/people'))));
    expect(people.people.length).toBeGreaterThan(1);
    const [a, b] = people.people;
    await ok(send(url(`/api/people/${a.id}`), 'PATCH', { name: 'Barack' }));
    await ok(send(url(`/api/people/${a.id}/merge`), 'POST', { ids: [b.id] }));
    const faces = await json<{ faces: { id: string }[] }>(
      await ok(fetch(url(`/api/people/${a.id}/faces`))),
    );
    await ok(send(url(`/api/faces/${faces.faces[0].id}/move`), 'POST', { name: 'Someone Else' }));
    if (faces.faces[1]) await ok(send(url(`/api/faces/${faces.faces[1].id}/reject`), 'POST', {}));
    await ok(send(url(`/api/people/${a.id}`), 'PATCH', { hidden: true }));
    await ok(send(url(`/api/people/${a.id}`), 'PATCH', { hidden: false }));
    await ok(send(url('/api/people/recluster'), 'POST'));
    await ok(send(url('/api/people/find'), 'POST', { photoId: ids[ids.length - 1] }));

    // Search and discovery.
    for (const q of [
      'person',
      'Barack 2008',
      'tag:person -tag:car',
      'italy',
      "'; DROP TABLE photos; --",
    ]) {
      await ok(fetch(url(`/api/search?q=${encodeURIComponent(q)}`)));
    }
    await ok(fetch(url('/api/places')));
    await ok(fetch(url('/api/map/clusters')));
    await ok(fetch(url('/api/memories')));
    const dups = await json<{ groups?: { id: string }[] }>(await ok(fetch(url('/api/duplicates'))));
    expect(dups).toBeTruthy();

    // Folders and jobs.
    const folders = await json<{ folders: { id: number }[] }>(await ok(fetch(url('/api/folders'))));
    const folder = folders.folders[0];
    await ok(send(url(`/api/folders/${folder.id}/rescan`), 'POST'));
    await ok(send(url(`/api/folders/${folder.id}`), 'PATCH', { ai: false }));
    await ok(send(url(`/api/folders/${folder.id}`), 'PATCH', { ai: true }));
    await ok(send(url('/api/jobs/pause'), 'POST'));
    await ok(send(url('/api/jobs/resume'), 'POST'));
    await ok(send(url('/api/jobs/retry'), 'POST', {}));
    await ok(fetch(url(`/api/folders/${folder.id}/issues`)));

    // Trash: two photos in, one restored, the other removed for good (the only deletion).
    const victim = ids[ids.length - 2];
    const saved = ids[ids.length - 3];
    const victimFiles = (
      await json<{ files: { path: string }[] }>(await fetch(url(`/api/photos/${victim}`)))
    ).files.map((f) => f.path);
    await ok(send(url('/api/trash'), 'POST', { ids: [victim, saved] }));
    await ok(send(url('/api/trash/restore'), 'POST', { ids: [saved] }));
    const refused = await send(url('/api/trash/empty'), 'POST', {});
    expect(refused.status).toBe(400);
    const emptied = await json<{ deletedFiles: number }>(
      await ok(send(url('/api/trash/empty'), 'POST', { confirm: true })),
    );
    expect(emptied.deletedFiles).toBe(victimFiles.length);
    for (const f of victimFiles) deleted.add(f);

    // Sidecars on request, and a backup.
    await new SidecarService(g.picto.repos).write();
    await g.picto.backup('manual');
    await g.picto.runner.drain();
  }, 600_000);

  it('left every original byte-identical, except what emptying the trash removed', () => {
    const after = listFiles(g.lib);
    for (const [file, was] of before) {
      if (deleted.has(file)) {
        expect(existsSync(file), file).toBe(false);
        continue;
      }
      expect(sha(file), file).toBe(was.sha);
      expect(statSync(file).mtimeMs, file).toBe(was.mtime);
    }
    // The only new files are the sidecars the user asked for.
    const added = after.filter((f) => !before.has(f));
    expect(added.every((f) => f.endsWith('.xmp'))).toBe(true);
    expect(deleted.size).toBeGreaterThan(0);
  });
});
