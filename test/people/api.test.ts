// The people API on a real server: corpus photos are indexed with AI on, clustering runs when the
// indexer goes idle, then the endpoints the web app uses are exercised end to end.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Face, FoundFaces, SuggestionList } from '../../src/shared/people-api.js';
import type { SimilarPeople } from '../../src/shared/people-review-api.js';
import type { Buckets, TimelinePage } from '../../src/shared/api.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { json, send, startGallery, type Gallery } from '../server/harness.js';
import { hasChromium, hasWebBuild, openBrowser, screenshot } from '../e2e/browser.js';

const PHOTOS = [
  'face_recognition/obama.jpg',
  'face_recognition/obama2.jpg',
  'face_recognition/obama3.jpg',
  'face_recognition/biden.jpg',
  'face_recognition/biden2.jpg',
  'face_recognition/obama_and_biden.jpg',
  'deepface/img1.jpg',
  'deepface/img2.jpg',
  'deepface/img4.jpg',
  'deepface/img5.jpg',
  'deepface/img6.jpg',
].map((p) => `faces/${p}`);

describe.skipIf(!hasCorpus)('people API', () => {
  let g: Gallery;
  let people: Person[];

  beforeAll(async () => {
    g = await startGallery({ photos: PHOTOS });
    const clustered = g.picto.events.once(
      (e) => e.type === 'people.changed' && e.reason === 'clustered',
    );
    const res = await send(`${g.url}/api/folders`, 'POST', { path: g.lib, ai: true });
    expect(res.status).toBe(201);
    await clustered;
    people = (await json<{ people: Person[] }>(await fetch(`${g.url}/api/people`))).people;
  });
  afterAll(() => g?.close());

  it('lists people with counts and cover crops', async () => {
    expect(people.length).toBeGreaterThanOrEqual(2);
    const top = people[0];
    expect(top.faceCount).toBeGreaterThanOrEqual(3);
    expect(top.coverUrl).toMatch(/^\/api\/faces\/[0-9a-f]+\/crop\?v=/);
    const crop = await fetch(`${g.url}${top.coverUrl}`);
    expect(crop.status).toBe(200);
    expect(crop.headers.get('content-type')).toBe('image/webp');
    expect(crop.headers.get('cache-control')).toContain('immutable');
    expect((await crop.arrayBuffer()).byteLength).toBeGreaterThan(500);
  });

  it('names a person; person page data: photos as a timeline, buckets, faces', async () => {
    const p = people[0];
    const named = await json<Person>(
      await send(`${g.url}/api/people/${p.id}`, 'PATCH', { name: 'First Person' }),
    );
    expect(named).toMatchObject({ id: p.id, name: 'First Person' });
    const page = await json<TimelinePage>(
      await fetch(`${g.url}/api/people/${p.id}/photos?limit=2`),
    );
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = await json<TimelinePage>(
      await fetch(`${g.url}/api/people/${p.id}/photos?cursor=${page.nextCursor}`),
    );
    expect(page.items.length + rest.items.length).toBe(p.photoCount);
    const buckets = await json<Buckets>(await fetch(`${g.url}/api/people/${p.id}/buckets`));
    expect(buckets.total).toBe(p.photoCount);
    const faces = await json<{ faces: Face[] }>(await fetch(`${g.url}/api/people/${p.id}/faces`));
    expect(faces.faces).toHaveLength(p.faceCount);
    expect(faces.faces.every((f) => f.personName === 'First Person')).toBe(true);
    expect((await fetch(`${g.url}/api/people/999999`)).status).toBe(404);
  });

  it('viewer faces, move to a new person, merge back, suggestions', async () => {
    const p = people[0];
    const photo = (await json<TimelinePage>(await fetch(`${g.url}/api/people/${p.id}/photos`)))
      .items[0].id;
    const inPhoto = await json<{ faces: Face[] }>(
      await fetch(`${g.url}/api/photos/${photo}/faces`),
    );
    const mine = inPhoto.faces.find((f) => f.personId === p.id)!;
    expect(mine.box.every((v) => v >= 0 && v <= 1)).toBe(true);

    const moved = await json<Person>(
      await send(`${g.url}/api/faces/${mine.id}/move`, 'POST', { name: 'Somebody Else' }),
    );
    expect(moved.name).toBe('Somebody Else');
    const after = await json<{ faces: Face[] }>(await fetch(`${g.url}/api/photos/${photo}/faces`));
    expect(after.faces.find((f) => f.id === mine.id)?.personName).toBe('Somebody Else');

    const merged = await json<Person>(
      await send(`${g.url}/api/people/${p.id}/merge`, 'POST', { ids: [moved.id] }),
    );
    expect(merged).toMatchObject({ id: p.id, name: 'First Person', faceCount: p.faceCount });
    expect((await json<Person>(await fetch(`${g.url}/api/people/${moved.id}`))).id).toBe(p.id);

    const sugg = await fetch(`${g.url}/api/people/${p.id}/suggestions`);
    expect(sugg.status).toBe(200);
    const list = await json<SuggestionList>(sugg);
    expect(Array.isArray(list.suggestions)).toBe(true);
    const decided = await send(`${g.url}/api/people/${p.id}/suggestions/reject`, 'POST', {
      faceIds: [],
    });
    expect(decided.status).toBe(200);
  });

  it('find by face: a library photo and an uploaded one', async () => {
    const p = people[0];
    const photo = (await json<TimelinePage>(await fetch(`${g.url}/api/people/${p.id}/photos`)))
      .items[0].id;
    const byPhoto = await json<FoundFaces>(
      await send(`${g.url}/api/people/find`, 'POST', { photoId: photo }),
    );
    expect(
      byPhoto.faces.some((f) => f.person?.id === p.id && f.photoIds.length === p.photoCount),
    ).toBe(true);

    // An upload of one of the Obama photos finds whoever Obama is here.
    const bytes = readFileSync(corpusPath('faces/face_recognition/obama.jpg'));
    const res = await fetch(`${g.url}/api/people/find/upload`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: bytes,
    });
    expect(res.status).toBe(200);
    const found = await json<FoundFaces>(res);
    expect(found.faces).toHaveLength(1);
    expect(found.faces[0].person).not.toBeNull();
    expect(found.faces[0].photoIds.length).toBeGreaterThanOrEqual(3);
  });

  it('lists merge candidates by likeness: every other person, nearest first', async () => {
    const p = people[0];
    const all = await json<{ people: Person[] }>(await fetch(`${g.url}/api/people?hidden=true`));
    const { people: similar } = await json<SimilarPeople>(
      await fetch(`${g.url}/api/people/${p.id}/similar`),
    );
    expect(similar.map((s) => s.person.id).sort()).toEqual(
      all.people
        .map((x) => x.id)
        .filter((id) => id !== p.id)
        .sort(),
    );
    const rank = { likely: 0, maybe: 1, unlikely: 2 };
    for (let i = 1; i < similar.length; i++) {
      const [a, b] = [similar[i - 1], similar[i]];
      expect(rank[a.likeness] <= rank[b.likeness]).toBe(true);
      if (a.likeness === b.likeness && a.distance !== null && b.distance !== null)
        expect(a.distance).toBeLessThanOrEqual(b.distance);
    }
    // Different people of the corpus are not "likely" the same.
    expect(similar.every((s) => s.distance === null || s.distance > 0)).toBe(true);
    expect((await fetch(`${g.url}/api/people/999999/similar`)).status).toBe(404);
  });

  it('takes "Not NAME" back exactly: the face returns, confirmed only if it was', async () => {
    const p = people[0];
    const { faces } = await json<{ faces: Face[] }>(
      await fetch(`${g.url}/api/people/${p.id}/faces`),
    );
    const [confirmed, plain] = faces;
    const fb = g.picto.repos.faceFeedback;
    // One face confirmed by the user, one as clustering left it.
    fb.confirm([confirmed.id], p.id, new Date().toISOString());
    fb.clear(plain.id);
    expect(fb.confirmedAs(confirmed.id)).toBe(p.id);
    expect(fb.confirmedAs(plain.id)).toBeNull();
    for (const [f, wasConfirmed] of [
      [plain, false],
      [confirmed, true],
    ] as const) {
      expect((await send(`${g.url}/api/faces/${f.id}/reject`, 'POST', {})).status).toBe(200);
      expect(g.picto.repos.people.face(f.id)?.person_id).toBeNull();
      const undo = await send(`${g.url}/api/faces/${f.id}/reject/undo`, 'POST', {
        personId: p.id,
      });
      expect(await json(undo)).toEqual({ back: true });
      expect(g.picto.repos.people.face(f.id)?.person_id).toBe(p.id);
      expect(fb.rejectionsOf(f.id).has(p.id)).toBe(false);
      expect(fb.confirmedAs(f.id)).toBe(wasConfirmed ? p.id : null);
    }
    // A face someone else has taken since stays there; only the "not" goes.
    await send(`${g.url}/api/faces/${plain.id}/reject`, 'POST', {});
    const other = await json<Person>(
      await send(`${g.url}/api/faces/${plain.id}/move`, 'POST', { name: 'Taken Since' }),
    );
    const late = await send(`${g.url}/api/faces/${plain.id}/reject/undo`, 'POST', {
      personId: p.id,
    });
    expect(await json(late)).toEqual({ back: false });
    expect(g.picto.repos.people.face(plain.id)?.person_id).toBe(other.id);
    expect(fb.rejectionsOf(plain.id).has(p.id)).toBe(false);
    // Put it back for the tests that follow.
    await send(`${g.url}/api/people/${p.id}/merge`, 'POST', { ids: [other.id] });
  });

  it('is in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(
      await fetch(`${g.url}/api/openapi.json`),
    );
    for (const p of [
      '/api/people',
      '/api/people/{id}/merge',
      '/api/faces/{id}/crop',
      '/api/people/find/upload',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it.skipIf(!hasChromium || !hasWebBuild)(
    'web: people grid, person page, face boxes in the viewer',
    async () => {
      const b = await openBrowser();
      try {
        const { page } = b;
        await page.goto(`${g.url}/people`);
        await page.waitForSelector('.person-card');
        expect(await page.locator('.person-card').count()).toBe(people.length);
        await screenshot(page, 'people-grid');
        await page.locator('.person-card').first().click();
        await page.waitForSelector('.person-head');
        await page.waitForSelector('.tile-img-loaded');
        await screenshot(page, 'person-page');
        await page.locator('.tile').first().click();
        await page.waitForSelector('.face-box');
        await screenshot(page, 'viewer-face-boxes');
        await page.locator('.face-box-hit').first().click();
        await page.waitForSelector('.face-menu');
        expect(b.errors).toEqual([]);
      } finally {
        await b.close();
      }
    },
  );
});
