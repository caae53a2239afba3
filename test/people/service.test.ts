// The people service on a real catalogue with the real corpus faces: a user renames, merges,
// moves, rejects, hides, removes and picks covers; then more photos arrive, new faces join
// incrementally, and everything is re-clustered FROM SCRATCH (every assignment wiped): every
// correction must still hold and every person keep its id.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDetectedFaces } from '../../src/people/detected-faces.js';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { PeopleService } from '../../src/people/service.js';
import { EventBus } from '../../src/shared/events.js';
import { hasCorpus } from '../helpers/corpus.js';
import { corpusFaces, type CorpusPhoto } from './corpus-faces.js';

const photoId = (file: string) => createHash('sha256').update(file).digest('hex').slice(0, 32);

function addPhotos(repos: Repos, photos: CorpusPhoto[], at: string): Map<string, string> {
  const faceIdentity = new Map<string, string>();
  repos.db.transaction(() => {
    for (const p of photos) {
      const id = photoId(p.file);
      repos.photos.insertPending({ id, hash: id, size: 1, sortAt: at, now: at });
      const ids = recordDetectedFaces(
        repos,
        id,
        p.faces.map((f) => ({
          box: f.box,
          score: f.score,
          quality: f.quality,
          sizePx: f.box[2],
          blur: 100,
          landmarks: null,
          embedding: Float32Array.from(f.embedding),
        })),
        'test',
        at,
      );
      // Identity of the most confident face of single-subject photos.
      if (p.primary_identity && p.faces.length) {
        const best = p.faces.reduce((a, b, i) => (b.score > p.faces[a].score ? i : a), 0);
        faceIdentity.set(ids[best], p.primary_identity);
      }
    }
  })();
  return faceIdentity;
}

describe.skipIf(!hasCorpus)(
  'people service: corrections survive new photos and a re-cluster from scratch',
  () => {
    let dir: string;
    let repos: Repos;
    let people: PeopleService;
    let photos: CorpusPhoto[];
    const identity = new Map<string, string>();

    beforeAll(async () => {
      photos = (await corpusFaces()).filter((p) => p.faces.length && !p.near_duplicate_of);
      dir = mkdtempSync(path.join(os.tmpdir(), 'picto-people-'));
      repos = createRepos(openDatabase(path.join(dir, 'picto.db')));
      people = new PeopleService({ repos, events: new EventBus(), autoCluster: false });
    });
    afterAll(async () => {
      await people?.dispose();
      repos?.db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The person holding most faces of an identity. */
    const personOf = (who: string): number => {
      const counts = new Map<number, number>();
      for (const [face, id] of identity) {
        if (id !== who) continue;
        const p = repos.people.face(face)?.person_id;
        if (p != null) counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1])[0][0];
    };

    it('corrections hold', async () => {
      // Phase 1: every other photo.
      const first = photos.filter((_, i) => i % 2 === 0);
      const second = photos.filter((_, i) => i % 2 === 1);
      for (const [f, id] of addPhotos(repos, first, new Date().toISOString())) identity.set(f, id);
      const pass1 = await people.recluster();
      expect(pass1.people).toBeGreaterThan(15);

      // Rename.
      const obama = personOf('barack_obama');
      people.corrections.rename(obama, 'Barack Obama');
      const obamaFaces = repos.people.faceIdsOf(obama);

      // Merge two different identities: the user says so, the user wins.
      const angelina = personOf('angelina_jolie');
      const other = personOf('deepface_p03');
      expect(other).not.toBe(angelina);
      const mergedFaces = [...repos.people.faceIdsOf(angelina), ...repos.people.faceIdsOf(other)];
      people.corrections.merge([other], angelina);
      expect(people.corrections.person(other).id).toBe(angelina);

      // Move a face of Howard's person to Raj's.
      const howard = personOf('bbt_howard');
      const kit = personOf('bbt_raj');
      const moved = repos.people.faceIdsOf(howard)[0];
      people.corrections.moveFace(moved, { personId: kit });

      // "Not this person" on a face of Penny's person.
      const rose = personOf('bbt_penny');
      const rejected = repos.people.faceIdsOf(rose)[0];
      people.corrections.rejectFace(rejected);

      // Hide a person, remove a face, pick a cover, name a face clustering left alone.
      const hidden = personOf('deepface_p26');
      people.corrections.setHidden(hidden, true);
      const leonard = personOf('bbt_leonard');
      const removed = repos.people.faceIdsOf(leonard)[0];
      people.corrections.removeFace(removed);
      const cover = repos.people.faceIdsOf(leonard).at(-1)!;
      people.corrections.setCover(leonard, cover);
      const lone = [...repos.people.unassignedFaces()].map((f) => f.id).find((f) => f !== removed)!;
      const stranger = people.corrections.moveFace(lone, { name: 'Somebody' }).id;

      // Phase 2: the other photos arrive; new faces join known people incrementally.
      for (const [f, id] of addPhotos(repos, second, new Date().toISOString())) identity.set(f, id);
      const inc = await people.assignPending();
      expect(inc.assigned).toBeGreaterThan(20);

      // Re-cluster from scratch: every assignment wiped first.
      repos.db.transaction(() =>
        repos.people.assign([...repos.people.assignments().keys()].map((f) => [f, null] as const)),
      )();
      await people.recluster();

      const personNow = (face: string) => repos.people.face(face)?.person_id ?? null;
      // Renamed: same id, same name, its faces, and new Obama photos joined it.
      expect(people.get(obama).name).toBe('Barack Obama');
      for (const f of obamaFaces) expect(personNow(f)).toBe(obama);
      const newObama = [...identity].filter(
        ([f, who]) => who === 'barack_obama' && !obamaFaces.includes(f),
      );
      expect(newObama.length).toBeGreaterThan(0);
      expect(newObama.filter(([f]) => personNow(f) === obama).length).toBeGreaterThan(0);
      // Merged: one person, still under the kept id, the alias resolves.
      for (const f of mergedFaces) expect(personNow(f)).toBe(angelina);
      expect(people.get(other).id).toBe(angelina);
      // Moved, rejected, removed.
      expect(personNow(moved)).toBe(kit);
      expect(personNow(rejected)).not.toBe(rose);
      expect(personNow(removed)).toBeNull();
      // Hidden stays hidden (out of the list unless asked), cover stays, the named stranger too.
      expect(people.list().some((p) => p.id === hidden)).toBe(false);
      expect(people.list({ includeHidden: true }).find((p) => p.id === hidden)?.hidden).toBe(true);
      expect(people.get(leonard).coverFaceId).toBe(cover);
      expect(personNow(lone)).toBe(stranger);
      expect(people.get(stranger).name).toBe('Somebody');
    });

    it('suggests, confirms and remembers rejections; finds by face', async () => {
      const sheldon = personOf('bbt_sheldon');
      people.corrections.rename(sheldon, 'Sheldon');
      const [a, b, c, d] = repos.people.faceIdsOf(sheldon);
      // What clustering could have produced: two faces alone, two in an unnamed person.
      const split = repos.people.insert(null, new Date().toISOString());
      repos.db.transaction(() => {
        repos.faceFeedback.clear(a);
        repos.faceFeedback.clear(b);
        repos.faceFeedback.clear(c);
        repos.faceFeedback.clear(d);
        repos.people.assign([
          [a, null],
          [b, null],
          [c, split],
          [d, split],
        ]);
      })();
      const kinds = (xs: ReturnType<PeopleService['suggestions']>) =>
        xs.map((x) => (x.kind === 'person' ? `p${x.personId}` : `f${x.faceId}`)).sort();
      const first = people.suggestions(sheldon);
      expect(kinds(first)).toEqual(expect.arrayContaining([`f${a}`, `f${b}`, `p${split}`]));
      people.corrections.confirmSuggestions(sheldon, [split], [a]);
      people.corrections.rejectSuggestions(sheldon, [], [b]);
      const after = kinds(people.suggestions(sheldon));
      expect(after).not.toContain(`f${b}`);
      expect(after).not.toContain(`f${a}`);
      expect(after).not.toContain(`p${split}`);
      await people.recluster();
      for (const f of [a, c, d]) expect(repos.people.face(f)?.person_id).toBe(sheldon);
      expect(repos.people.face(b)?.person_id).not.toBe(sheldon);
      expect(kinds(people.suggestions(sheldon))).not.toContain(`f${b}`);

      // Find by face: a photo of Obama finds Obama and his photos.
      const obama = people.list().find((p) => p.name === 'Barack Obama')!;
      const face = [...identity].find(
        ([f, who]) => who === 'barack_obama' && repos.people.face(f)?.person_id === obama.id,
      )![0];
      const found = people.findByPhoto(repos.people.face(face)!.photo_id);
      expect(found.some((f) => f.person?.id === obama.id && f.photoIds.length >= 3)).toBe(true);
      // The same by descriptor alone (an uploaded photo).
      const byEmbedding = people.findByFaces([
        { box: [0, 0, 1, 1], embedding: repos.people.face(face)!.embedding },
      ]);
      expect(byEmbedding[0].person?.id).toBe(obama.id);
    });

    it('a pass in a worker thread (large libraries) gives the same people as one inline', async () => {
      const before = repos.people.assignments();
      const inWorker = new PeopleService({
        repos,
        events: new EventBus(),
        autoCluster: false,
        workerAbove: 0,
      });
      const stats = await inWorker.recluster();
      await inWorker.dispose();
      expect(stats.inWorker).toBe(true);
      expect(stats.changedFaces).toBe(0);
      expect(repos.people.assignments()).toEqual(before);
    });
  },
);
