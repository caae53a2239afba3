// The people CLI on a catalogue holding the corpus faces (inserted directly: the indexer has
// its own tests): people --json, person name/merge/show, face reject, and export --json.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDetectedFaces } from '../../src/people/detected-faces.js';
import { createRepos, openDatabase } from '../../src/db/index.js';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';
import { corpusFaces } from './corpus-faces.js';

const bin = path.join(repoRoot, 'bin', 'picto.js');
const built = existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'commands', 'people.js'));

describe.skipIf(!hasCorpus || !built)('people CLI', () => {
  let dir: string;
  const picto = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, '--data', dir, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const json = <T>(...args: string[]): T => {
    const r = picto(...args);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as T;
  };

  beforeAll(async () => {
    const photos = await corpusFaces();
    dir = mkdtempSync(path.join(os.tmpdir(), 'picto-people-cli-'));
    const repos = createRepos(openDatabase(path.join(dir, 'picto.db')));
    const now = new Date().toISOString();
    repos.db.transaction(() => {
      for (const p of photos) {
        const id = createHash('sha256').update(p.file).digest('hex').slice(0, 32);
        repos.photos.insertPending({ id, hash: id, size: 1, sortAt: now, now });
        recordDetectedFaces(
          repos,
          id,
          p.faces.map((f) => ({
            ...f,
            sizePx: f.box[2],
            blur: 100,
            landmarks: null,
            embedding: Float32Array.from(f.embedding),
          })),
          'test',
          now,
        );
      }
    })();
    repos.db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('clusters, lists, names, merges, rejects and exports', () => {
    type P = { id: number; name: string | null; faceCount: number; hidden: boolean };
    const stats = json<{ people: number; faces: number }>('people', 'recluster', '--json');
    expect(stats.faces).toBe(175);
    const list = json<P[]>('people', '--json');
    expect(list.length).toBe(stats.people);
    const [a, b] = list;
    expect(picto('person', 'name', String(a.id), 'Ada', 'Lovelace').code).toBe(0);
    expect(picto('person', 'merge', String(a.id), String(b.id)).code).toBe(0);
    const after = json<P[]>('people', '--json');
    expect(after[0]).toMatchObject({
      id: a.id,
      name: 'Ada Lovelace',
      faceCount: a.faceCount + b.faceCount,
    });
    expect(after.some((p) => p.id === b.id)).toBe(false);
    const shown = json<{ photos: string[] }>('person', 'show', String(b.id), '--json');
    expect(shown.photos.length).toBe(a.faceCount + b.faceCount);

    const doc = json<{
      photos: { faces: { id: string; personId: number | null }[] }[];
      people: P[];
    }>('export', '--json');
    expect(doc.people.find((p) => p.id === a.id)).toEqual({
      id: a.id,
      name: 'Ada Lovelace',
      faceCount: a.faceCount + b.faceCount,
      hidden: false,
    });
    const faces = doc.photos.flatMap((p) => p.faces);
    expect(faces.filter((f) => f.personId === a.id)).toHaveLength(a.faceCount + b.faceCount);
    const rejected = faces.find((f) => f.personId === a.id)!.id;
    expect(picto('face', 'reject', rejected).code).toBe(0);
    json('people', 'recluster', '--json');
    const again = json<typeof doc>('export', '--json').photos.flatMap((p) => p.faces);
    expect(again.find((f) => f.id === rejected)?.personId).not.toBe(a.id);

    const bad = picto('person', 'name', '99999', 'X');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no person with id 99999');
  });
});
