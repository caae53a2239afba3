// A consolidation pass writes its answer in small transactions with the event loop free between
// them (pass-apply.ts). On a hand-made catalogue (synthetic descriptors of a few identities) the
// chunked pass, inline or read in a worker, must leave exactly what one transaction left, and a
// user's decision made between two chunks must win over the pass ([Note: chunked writes and
// decisions]).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticFaces } from '../../bench/people-synthetic.js';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { runClusterJob } from '../../src/people/cluster-worker.js';
import { consolidate, type PassOptions } from '../../src/people/consolidation.js';
import { Corrections } from '../../src/people/corrections.js';
import { recordDetectedFaces } from '../../src/people/detected-faces.js';
import { readJob } from '../../src/people/pass-plan.js';
import type { FaceInput } from '../../src/people/types.js';

const AT = '2026-01-01T00:00:00.000Z';
const { faces: synthetic, identity } = syntheticFaces({ identities: 6, faces: 140, seed: 7 });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function catalogue(file = ':memory:'): Repos {
  return createRepos(openDatabase(file));
}

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'picto-chunked-'));
  dirs.push(dir);
  return path.join(dir, 'picto.db');
}

/** Adds synthetic faces, one photo per synthetic photo id; returns face id → identity. */
function addFaces(repos: Repos, faces: readonly FaceInput[]): Map<string, number> {
  const who = new Map<string, number>();
  const byPhoto = new Map<string, FaceInput[]>();
  for (const f of faces) byPhoto.set(f.photoId, [...(byPhoto.get(f.photoId) ?? []), f]);
  repos.db.transaction(() => {
    for (const [photo, list] of byPhoto) {
      repos.photos.insertPending({ id: photo, hash: photo, size: 1, sortAt: AT, now: AT });
      const ids = recordDetectedFaces(
        repos,
        photo,
        list.map((f, i) => ({
          box: [i * 100, 0, 80, 80],
          score: 0.99,
          quality: f.quality,
          sizePx: 80,
          blur: 100,
          landmarks: null,
          embedding: Float32Array.from(f.embedding),
        })),
        'test',
        AT,
      );
      ids.forEach((id, i) => who.set(id, identity[synthetic.indexOf(list[i])]));
    }
  })();
  return who;
}

/** The pass as it was before chunking: one transaction for every write (the reference). */
function oneShot(repos: Repos) {
  const job = readJob(repos.people, repos.faceFeedback);
  const result = runClusterJob(job);
  const previous = new Map(job.previous);
  return repos.db.transaction(() => {
    const changes: [string, number | null][] = [];
    let newPeople = 0;
    for (const p of result.people) {
      let id = p.personId;
      if (id !== null) id = repos.people.resolve(id)?.id ?? null;
      if (id === null) {
        id = repos.people.insert(null, AT);
        newPeople++;
      }
      for (const f of p.faceIds) if ((previous.get(f) ?? null) !== id) changes.push([f, id]);
    }
    for (const f of result.unassigned) if (previous.has(f)) changes.push([f, null]);
    const changedFaces = repos.people.assign(changes);
    repos.people.enforceFeedback();
    repos.people.clearDanglingAssignments();
    const deletedPeople = repos.people.deleteEmptyUntouched();
    return { people: result.people.length, newPeople, changedFaces, deletedPeople };
  })();
}

/** What a user sees of the people: every face's person, and every person row's identity. */
function state(repos: Repos) {
  const people = repos.db
    .prepare('SELECT id, name, hidden, merged_into FROM people ORDER BY id')
    .all() as unknown[];
  return { faces: Object.fromEntries(repos.people.assignments()), people };
}

/** The same corrections on any catalogue built the same way (ids are the same in each). */
function correct(repos: Repos, who: Map<string, number>) {
  let decisions = 0;
  const c = new Corrections({ repos, now: () => AT, changed: () => decisions++ });
  const personOf = (identityNo: number) => {
    const counts = new Map<number, number>();
    for (const [f, i] of who) {
      const p = repos.people.face(f)?.person_id;
      if (i === identityNo && p != null) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  };
  const [a, b, d] = [personOf(0), personOf(1), personOf(2)];
  c.rename(a, 'Ada');
  const facesOfB = repos.people.faceIdsOf(b);
  c.moveFace(facesOfB[0], { personId: d });
  c.rejectFace(facesOfB[1]);
  c.removeFace(repos.people.faceIdsOf(d)[0]);
  c.merge([personOf(3)], personOf(4));
}

async function chunked(repos: Repos, opts: PassOptions) {
  const s = await consolidate(repos, () => 0, { workerAbove: Infinity, ...opts });
  return {
    people: s.people,
    newPeople: s.newPeople,
    changedFaces: s.changedFaces,
    deletedPeople: s.deletedPeople,
  };
}

describe('a consolidation pass written in chunks', () => {
  it('leaves exactly what one transaction left, inline and read in a worker', async () => {
    const first = synthetic.slice(0, 90);
    const rest = synthetic.slice(90);
    const reference = catalogue();
    const inline = catalogue();
    const inWorker = catalogue(tempFile());
    const all = [reference, inline, inWorker];
    const who = all.map((r) => addFaces(r, first));
    expect(who[1]).toEqual(who[0]);

    // First pass: every face changes (nobody is in a person yet).
    const r1 = oneShot(reference);
    expect(r1.changedFaces).toBeGreaterThan(40);
    expect(await chunked(inline, { chunk: 1 })).toEqual(r1);
    expect(await chunked(inWorker, { chunk: 7, workerAbove: 0 })).toEqual(r1);
    for (const r of all.slice(1)) expect(state(r)).toEqual(state(reference));

    // Corrections, new photos, and half the assignments wiped: a second pass with much to do.
    for (const [i, r] of all.entries()) {
      correct(r, who[i]);
      addFaces(r, rest).forEach((v, k) => who[i].set(k, v));
      const wipe = [...r.people.assignments().keys()].filter((_, j) => j % 2 === 0);
      r.db.transaction(() => r.people.assign(wipe.map((f) => [f, null] as const)))();
    }
    for (const r of all.slice(1)) expect(state(r)).toEqual(state(reference));
    const r2 = oneShot(reference);
    expect(r2.changedFaces).toBeGreaterThan(40);
    expect(await chunked(inline, { chunk: 1 })).toEqual(r2);
    expect(await chunked(inWorker, { chunk: 3, workerAbove: 0 })).toEqual(r2);
    for (const r of all.slice(1)) expect(state(r)).toEqual(state(reference));
    for (const r of all) r.db.close();
  });

  it('a decision made between two chunks wins over the pass', async () => {
    const repos = catalogue();
    const who = addFaces(repos, synthetic);
    let decisions = 0;
    const c = new Corrections({ repos, now: () => AT, changed: () => decisions++ });
    await consolidate(repos, () => decisions, { workerAbove: Infinity });
    const personOf = (identityNo: number) => {
      const counts = new Map<number, number>();
      for (const [f, i] of who) {
        const p = repos.people.face(f)?.person_id;
        if (i === identityNo && p != null) counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      return [...counts].sort((x, y) => y[1] - x[1])[0][0];
    };
    const [pa, pb, pc] = [personOf(0), personOf(1), personOf(2)];
    const facesOf = (p: number) => repos.people.faceIdsOf(p);
    // A face of C wrongly in A (no decision about it): the pass will want it back in C.
    const stray = facesOf(pc).at(-1)!;
    repos.db.transaction(() => repos.people.assign([[stray, pa]]))();
    const ofA = facesOf(pa).filter((f) => f !== stray);
    const ofB = facesOf(pb);
    const ofC = facesOf(pc);
    // Half the assignments wiped (the others keep each person's id): the pass rewrites them and
    // the stray one, one face per chunk.
    const wipe = [...repos.people.assignments().keys()].filter((f, j) => j % 2 && f !== stray);
    repos.db.transaction(() => repos.people.assign(wipe.map((f) => [f, null] as const)))();

    const person = (f: string) => repos.people.face(f)?.person_id ?? null;
    const waiting = (fs: string[]) => fs.filter((f) => person(f) === null);
    const wipedOfB = waiting(ofB);
    let acted: { moved: string; rejected: string; removed: string } | null = null;
    let merged = false;
    let chunks = 0;
    const holds = () => {
      if (acted) {
        expect(person(acted.moved)).toBe(pc);
        expect(person(acted.rejected)).not.toBe(pc);
        expect(person(acted.removed)).toBeNull();
        expect(person(stray)).toBe(pa);
      }
      if (merged) expect(repos.people.resolve(pb)?.id).toBe(pa);
    };
    const between = async () => {
      chunks++;
      holds();
      if (!acted) {
        // After the first chunk, on faces the pass has not written yet.
        const [moved] = waiting(ofB);
        const [rejected] = waiting(ofC);
        const [removed] = waiting(ofA);
        c.moveFace(moved, { personId: pc });
        c.rejectFace(rejected, pc);
        c.removeFace(removed);
        c.rename(pa, 'Ada'); // anchors A as it is now: the stray face is confirmed in A
        acted = { moved, rejected, removed };
        return;
      }
      // Half-way through B's faces, B is merged into A: the rest must follow to A.
      const left = waiting(wipedOfB).filter((f) => f !== acted!.moved);
      if (!merged && left.length && left.length < wipedOfB.length - 1) {
        c.merge([pb], pa);
        merged = true;
      }
    };
    const stats = await consolidate(repos, () => decisions, {
      workerAbove: Infinity,
      chunk: 1,
      between,
    });
    expect(chunks).toBeGreaterThan(50);
    expect(acted).not.toBeNull();
    expect(merged).toBe(true);
    holds();
    // The pass still did its work around the decisions: B's faces went to A, which B became.
    expect(ofB.filter((f) => f !== acted!.moved).every((f) => person(f) === pa)).toBe(true);
    expect(ofA.filter((f) => f !== acted!.removed).every((f) => person(f) === pa)).toBe(true);
    expect(ofC.filter((f) => f !== acted!.rejected).every((f) => person(f) === pc)).toBe(true);
    expect(repos.people.get(pa)?.name).toBe('Ada');
    expect(stats.faces).toBe(synthetic.length);
    repos.db.close();
  });

  it('writes a face only if it still has the person the pass read', () => {
    const repos = catalogue();
    addFaces(repos, synthetic.slice(0, 3));
    const [f, g, h] = repos.people.assignments().keys();
    const p = repos.people.insert(null, AT);
    const q = repos.people.insert(null, AT);
    repos.db.transaction(() => repos.people.assign([[g, q]]))();
    // The pass read f, g and h in nobody; someone put g in q since.
    const n = repos.db.transaction(() =>
      repos.people.reassign([
        { face: f, from: null, to: p },
        { face: g, from: null, to: p },
        { face: h, from: q, to: null },
      ]),
    )();
    expect(n).toBe(1);
    expect(repos.people.face(f)?.person_id).toBe(p);
    expect(repos.people.face(g)?.person_id).toBe(q);
    expect(repos.people.face(h)?.person_id).toBeNull();
    repos.db.close();
  });
});
