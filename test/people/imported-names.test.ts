// The rules for names other programs gave ([Note: imported names are constraints]), on small
// hand-made photos and faces in a real catalogue schema: who gets a name, when it stays a
// suggestion, and that what the user decided is never overridden.

import { beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import type { ImportedRegionInput } from '../../src/db/repos/imported-regions.js';
import { PeopleIndex } from '../../src/people/incremental.js';
import { importedSuggestions, nameFacesFromImports } from '../../src/people/imported-names.js';
import { recordDetectedFaces } from '../../src/people/detected-faces.js';
import { mulberry32 } from '../../src/shared/random.js';

const now = '2024-01-01T00:00:00.000Z';
const W = 1000;
const H = 800;

function unit(seed: number): Float32Array {
  const rnd = mulberry32(seed);
  const v = Float32Array.from({ length: 128 }, () => rnd() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

describe('imported names onto detected faces', () => {
  let repos: Repos;
  let seed = 1;

  /** A photo with faces at these displayed pixel boxes; returns the photo and face ids. */
  function photo(id: string, boxes: [number, number, number, number][], orientation = 1) {
    repos.photos.insertPending({ id, hash: `h${id}`, size: 1, sortAt: now, now });
    repos.db
      .prepare('UPDATE photos SET width = ?, height = ?, orientation = ? WHERE id = ?')
      .run(W, H, orientation, id);
    const faces = recordDetectedFaces(
      repos,
      id,
      boxes.map((box) => ({
        box,
        score: 0.9,
        quality: 0.9,
        sizePx: box[2],
        blur: 100,
        landmarks: null,
        embedding: unit(seed++),
      })),
      'test',
      now,
    );
    repos.jobs.enqueue(id, 'faces', now);
    repos.jobs.complete(id, 'faces', 'test', now);
    return faces;
  }

  const region = (name: string, rect: [number, number, number, number]): ImportedRegionInput => ({
    name,
    x: rect[0],
    y: rect[1],
    w: rect[2],
    h: rect[3],
    source: 'xmp',
  });
  const boxless = (name: string): ImportedRegionInput => ({
    name,
    x: null,
    y: null,
    w: null,
    h: null,
    source: 'takeout',
  });
  const nameOf = (faceId: string) => {
    const f = repos.people.face(faceId)!;
    return f.person_id === null ? null : (repos.people.resolve(f.person_id)?.name ?? null);
  };
  const statuses = (photoId: string) =>
    repos.importedRegions.forPhoto(photoId).map((r) => [r.name, r.status]);

  beforeEach(() => {
    repos = createRepos(openDatabase(':memory:'));
  });

  it('a region names the face it lies on; the same name later is the same person', () => {
    const [a, b] = photo('p1', [
      [100, 100, 200, 200],
      [600, 100, 200, 200],
    ]);
    repos.importedRegions.replace('p1', [region('Ana Lima', [0.6, 0.12, 0.2, 0.25])], now);
    const [c] = photo('p2', [[300, 300, 100, 100]]);
    repos.importedRegions.replace('p2', [region('ana lima', [0.3, 0.37, 0.1, 0.12])], now);
    const stats = nameFacesFromImports(repos);
    expect(stats).toMatchObject({ photos: 2, named: 2, conflicts: 0, newPeople: 1 });
    expect([nameOf(a), nameOf(b), nameOf(c)]).toEqual([null, 'Ana Lima', 'Ana Lima']);
    expect(repos.faceFeedback.decisionFor(b)).toMatchObject({
      kind: 'confirmed',
      source: 'import',
    });
    expect(statuses('p1')).toEqual([['Ana Lima', 'named']]);
    // Nothing left to do: the next run looks at nothing.
    expect(nameFacesFromImports(repos).photos).toBe(0);
  });

  it('regions are stored turned: the photo’s orientation places them', () => {
    // Orientation 6: the stored image is the displayed one turned; a face at the displayed
    // top-left lies at the stored top-right.
    const [f] = photo('p1', [[0, 0, 200, 200]], 6);
    repos.importedRegions.replace('p1', [region('Ben', [0.75, 0, 0.25, 0.2])], now);
    nameFacesFromImports(repos);
    expect(nameOf(f)).toBe('Ben');
  });

  it('a face clustering put in an unnamed person moves to the named one; the cluster keeps its name', () => {
    const [f, g] = photo('p1', [
      [100, 100, 200, 200],
      [600, 100, 200, 200],
    ]);
    const cluster = repos.people.insert(null, now);
    repos.people.assign([
      [f, cluster],
      [g, cluster],
    ]);
    repos.importedRegions.replace('p1', [region('Cleo', [0.1, 0.12, 0.2, 0.25])], now);
    nameFacesFromImports(repos);
    expect(nameOf(f)).toBe('Cleo');
    expect(nameOf(g)).toBeNull();
    expect(repos.people.get(cluster)?.name).toBeNull();
  });

  it('the user’s word stands: confirmed as someone else, rejected, or in a named person', () => {
    const [f, g, h] = photo('p1', [
      [0, 0, 100, 100],
      [300, 0, 100, 100],
      [600, 0, 100, 100],
    ]);
    const bob = repos.people.insert('Bob', now);
    repos.people.assign([[f, bob]]);
    repos.faceFeedback.confirm([f], bob, now);
    const dana = repos.people.insert('Dana', now);
    repos.faceFeedback.reject([g], dana, now);
    const eve = repos.people.insert('Eve', now);
    repos.people.assign([[h, eve]]);
    repos.importedRegions.replace(
      'p1',
      [
        region('Dana', [0, 0, 0.1, 0.125]),
        region('Dana', [0.3, 0, 0.1, 0.125]),
        region('Fay', [0.6, 0, 0.1, 0.125]),
      ],
      now,
    );
    const stats = nameFacesFromImports(repos);
    expect(stats.named).toBe(0);
    expect([nameOf(f), nameOf(g), nameOf(h)]).toEqual(['Bob', null, 'Eve']);
    expect(statuses('p1').map((s) => s[1])).toEqual(['conflict', 'conflict', 'conflict']);
    // A conflict is a suggestion for the person of that name (not for a rejected face).
    const index = new PeopleIndex();
    for (const r of repos.people.assignedEmbeddings()) index.add(r.person_id, r.embedding);
    const suggested = importedSuggestions(
      repos,
      index,
      repos.people.get(dana)!,
      new Set([g]),
      new Map(),
    );
    expect(suggested.map((s) => s.faceId)).toEqual([f]);
  });

  it('a name without a box: one face takes it, several faces make it a suggestion', () => {
    const [only] = photo('p1', [[100, 100, 200, 200]]);
    repos.importedRegions.replace('p1', [boxless('Gil')], now);
    const [x, y] = photo('p2', [
      [0, 0, 100, 100],
      [500, 0, 100, 100],
    ]);
    repos.importedRegions.replace('p2', [boxless('Gil'), boxless('Hana')], now);
    nameFacesFromImports(repos);
    expect(nameOf(only)).toBe('Gil');
    expect([nameOf(x), nameOf(y)]).toEqual([null, null]);
    expect(statuses('p2')).toEqual([
      ['Gil', 'unplaced'],
      ['Hana', 'unplaced'],
    ]);
    expect(
      repos.importedRegions
        .suggestedFaces('gil')
        .map((s) => s.faceId)
        .sort(),
    ).toEqual([x, y].sort());
  });

  it('an unchanged name keeps what it did; a changed one is matched again', () => {
    const [f] = photo('p1', [[100, 100, 200, 200]]);
    repos.importedRegions.replace('p1', [region('Ivo', [0.1, 0.12, 0.2, 0.25])], now);
    nameFacesFromImports(repos);
    const gone = repos.importedRegions.replace('p1', [region('Ivo', [0.1, 0.12, 0.2, 0.25])], now);
    expect(gone).toEqual([]);
    expect(statuses('p1')).toEqual([['Ivo', 'named']]);
    const replaced = repos.importedRegions.replace(
      'p1',
      [region('Ivan', [0.1, 0.12, 0.2, 0.25])],
      now,
    );
    expect(replaced.map((r) => [r.name, r.status, r.face_id])).toEqual([['Ivo', 'named', f]]);
    expect(statuses('p1')).toEqual([['Ivan', 'pending']]);
  });
});
