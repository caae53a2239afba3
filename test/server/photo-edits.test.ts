import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import type { Buckets, PhotoDetails, TimelinePage } from '../../src/shared/api.js';
import type { FoundPlaces } from '../../src/shared/edit-api.js';
import type { SearchResult } from '../../src/shared/search-api.js';
import { hasCorpus } from '../helpers/corpus.js';
import { GALLERY_PHOTOS, indexLibrary, json, send, startGallery, type Gallery } from './harness.js';

// Dates and places set in the gallery: stored in the catalogue only, followed by the timeline,
// places, search, the map and the export, and kept when the files are scanned and read again.

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.skipIf(!hasCorpus)('dates and places set by the user', () => {
  let g: Gallery;
  const file = (name: string) => path.join(g.lib, name);
  const idOf = (name: string) => g.picto.repos.locations.byPath(file(name))!.photo_id;
  const url = (p: string) => `${g.url}${p}`;
  const details = async (id: string) => json<PhotoDetails>(await fetch(url(`/api/photos/${id}`)));
  const first = async () =>
    (await json<TimelinePage>(await fetch(url('/api/timeline?limit=1')))).items[0].id;
  const originals = new Map<string, string>();

  beforeAll(async () => {
    g = await startGallery({ photos: GALLERY_PHOTOS });
    await indexLibrary(g);
    for (const p of GALLERY_PHOTOS) originals.set(p, sha(file(path.basename(p))));
  });
  afterAll(async () => g?.close());

  it('sets one date: details say "user", the timeline and its months follow', async () => {
    const id = idOf('DSCN0010.jpg');
    const before = await details(id);
    expect(before.takenAtSource).toBe('exif');
    const res = await send(url('/api/photos/date'), 'POST', { ids: [id], set: '2030-01-02T03:04' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ changed: 1 });
    const after = await details(id);
    // The photo's GPS is in Italy: the offset follows the new date there (winter time, +01:00),
    // not the summer offset the file's October date had.
    expect(after).toMatchObject({ takenAt: '2030-01-02T03:04:00+01:00', takenAtSource: 'user' });
    expect(after.sortAt).toBe('2030-01-02T03:04:00');
    // Three in the morning in Italy: the sun is down, so the photo is a night photo now.
    expect(before.categories.map((c) => c.name)).not.toContain('night');
    expect(after.categories.map((c) => c.name)).toContain('night');
    expect(after.edits).toEqual({
      date: true,
      place: false,
      file: { takenAt: before.takenAt, takenAtSource: 'exif', gps: before.gps },
    });
    // Newest now, in its own month (month pages are cached: the cache follows).
    expect(await first()).toBe(id);
    const { buckets } = await json<Buckets>(await fetch(url('/api/timeline/buckets')));
    expect(buckets[0]).toEqual({ month: '2030-01', count: 1 });
    const month = await json<TimelinePage>(await fetch(url('/api/timeline?month=2030-01')));
    expect(month.items.map((i) => i.id)).toEqual([id]);
    expect(month.items[0].takenAt).toBe('2030-01-02T03:04:00'); // tiles: local time;
    // And search reads it.
    const found = await json<SearchResult>(await fetch(url('/api/search?q=2030')));
    expect(found.items.map((i) => i.id)).toEqual([id]);
  });

  it('shifts several photos by their own dates, and resets one to the file', async () => {
    const ids = [idOf('DSCN0012.jpg'), idOf('DSCN0021.jpg')];
    const before = await Promise.all(ids.map(details));
    const res = await send(url('/api/photos/date'), 'POST', { ids, shiftSeconds: -90 * 60 });
    expect(await json(res)).toEqual({ changed: 2 });
    const after = await Promise.all(ids.map(details));
    after.forEach((a, i) => {
      const was = Date.parse(`${before[i].takenAt!.slice(0, 19)}Z`);
      expect(Date.parse(`${a.takenAt!.slice(0, 19)}Z`)).toBe(was - 90 * 60_000);
      expect(a.takenAtSource).toBe('user');
    });
    await send(url('/api/photos/date'), 'POST', { ids: [ids[0]], reset: true });
    const reset = await details(ids[0]);
    expect(reset).toMatchObject({ takenAt: before[0].takenAt, takenAtSource: 'exif', edits: null });
  });

  it('gives a place by name or by position; places, search and the map follow; reset', async () => {
    const found = await json<FoundPlaces>(await fetch(url('/api/places/find?q=lisb')));
    expect(found.places[0]).toMatchObject({ city: 'Lisbon', country: 'Portugal' });

    const italian = idOf('DSCN0025.jpg');
    const was = await details(italian);
    expect(was.gps).not.toBeNull();
    const named = await send(url('/api/photos/place'), 'POST', { ids: [italian], name: 'lisbon' });
    expect(named.status).toBe(200);
    const r = await json<{ changed: number; lat: number; lon: number }>(named);
    expect(r.changed).toBe(1);
    const there = await details(italian);
    expect(there.place?.city).toBe('Lisbon');
    expect(there.gps).toEqual({ lat: r.lat, lon: r.lon, alt: null });
    expect(there.edits).toMatchObject({ date: false, place: true, file: { gps: was.gps } });
    const search = await json<SearchResult>(await fetch(url('/api/search?q=lisbon')));
    expect(search.items.map((i) => i.id)).toEqual([italian]);
    const tile = search.items[0];
    expect(tile.place).toBe('Lisbon');

    // A photo without a position gets one picked on a map.
    const portrait = idOf('Portrait_6.jpg');
    expect((await details(portrait)).gps).toBeNull();
    await send(url('/api/photos/place'), 'POST', { ids: [portrait], lat: 48.8584, lon: 2.2945 });
    expect((await details(portrait)).place?.city).toBe('Paris');
    const map = await json<{ total: number }>(
      await fetch(url('/api/map/clusters?south=48&west=2&north=49&east=3&zoom=5')),
    );
    expect(map.total).toBe(1);

    // Back to what the files say: Italy for one, no place at all for the other.
    await send(url('/api/photos/place'), 'POST', { ids: [italian, portrait], reset: true });
    expect((await details(italian)).gps).toEqual(was.gps);
    expect((await details(italian)).place?.country).toBe(was.place?.country);
    expect(await details(portrait)).toMatchObject({ gps: null, place: null, edits: null });
  });

  it('the export carries takenAtSource "user" and what the file says, and shape stays', async () => {
    const doc = g.picto.exporter.exportAll() as ExportDocument;
    const p = doc.photos.find((x) => x.id === idOf('DSCN0010.jpg'))!;
    expect(p.takenAt).toBe('2030-01-02T03:04:00+01:00');
    expect(p.takenAtSource).toBe('user');
    expect(p.edits).toMatchObject({ date: true, place: false, file: { takenAtSource: 'exif' } });
    // Photos nobody edited have no `edits` at all: the public shape only grew.
    const plain = doc.photos.find((x) => x.id === idOf('DSCN0027.jpg'))!;
    expect('edits' in plain).toBe(false);
  });

  it('survives a rescan and the file being read again, and never writes the originals', async () => {
    const id = idOf('DSCN0010.jpg');
    await g.picto.scan();
    expect((await details(id)).takenAt).toBe('2030-01-02T03:04:00+01:00');
    // The file changes on disk (bytes added after the image): the media stage reads it again.
    const f = file('DSCN0010.jpg');
    appendFileSync(f, Buffer.from('trailing bytes'));
    await g.picto.scan();
    await g.picto.runner.drain();
    const again = await details(id);
    expect(again.id).toBe(id);
    expect(again.takenAt).toBe('2030-01-02T03:04:00+01:00');
    expect(again.takenAtSource).toBe('user');
    expect(again.edits?.file.takenAtSource).toBe('exif');
    expect(await first()).toBe(id);
    // Every other original is byte for byte what it was.
    for (const p of GALLERY_PHOTOS) {
      if (p.endsWith('DSCN0010.jpg')) continue;
      expect(sha(file(path.basename(p))), p).toBe(originals.get(p));
    }
  });

  it('refuses bad edits with a clear 4xx', async () => {
    const id = idOf('DSCN0027.jpg');
    const bad = async (route: string, body: unknown, status = 400) => {
      const res = await send(url(route), 'POST', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      return (await json<{ message: string }>(res)).message;
    };
    expect(await bad('/api/photos/date', { ids: [id], set: '2019-02-30T10:00' })).toMatch(
      /not a real date/,
    );
    expect(await bad('/api/photos/date', { ids: [id], set: '2019-02-03' })).toMatch(/set/);
    expect(
      await bad('/api/photos/date', { ids: [id], set: '2019-02-03T10:00', shiftSeconds: 60 }),
    ).toMatch(/exactly one/);
    expect(await bad('/api/photos/date', { ids: [id] })).toMatch(/exactly one/);
    expect(await bad('/api/photos/date', { ids: [id], set: '1650-01-01T00:00' })).toMatch(
      /outside/,
    );
    expect(await bad('/api/photos/place', { ids: [id], lat: 10 })).toMatch(/both/);
    expect(await bad('/api/photos/place', { ids: [id], lat: 91, lon: 0 })).toMatch(/lat/);
    expect(await bad('/api/photos/place', { ids: [id], name: 'Qqxxzzy' })).toMatch(/no place/);
    await bad('/api/photos/date', { ids: ['ffffffffffffffff'], reset: true }, 404);
    expect((await details(id)).edits).toBeNull();
  });
});
