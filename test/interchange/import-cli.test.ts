// `picto add` on a Google Takeout export, through the real command: the import report it prints
// and returns with --json, `scan`'s report, `export --json`'s new fields and `xmp --foreign`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/interchange/report.js';
import type { ExportDocument } from '../../src/interchange/export-types.js';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';
import { makeTakeoutTree, type TakeoutTree } from '../helpers/takeout-tree.js';

const bin = path.join(repoRoot, 'bin', 'picto.js');
const built = existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'import-report.js'));

describe.skipIf(!hasCorpus || !built)('picto add on a Takeout export', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-takeout-cli-'));
  const data = path.join(tmp, 'data');
  let tree: TakeoutTree;
  const picto = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, '--data', data, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(async () => {
    tree = await makeTakeoutTree(path.join(tmp, 'export'));
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('add --wait --json returns what came from the sidecars', () => {
    const r = picto('add', tree.root, '--wait', '--no-ai', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { scan: { added: number }; imported: ImportReport };
    expect(out.scan.added).toBe(16);
    expect(out.imported).toMatchObject({
      dates: 13,
      places: 3,
      // The bus's from Takeout, and the caption inside obama.jpg (IMG_0004.jpg).
      descriptions: 2,
      favorites: 1,
      names: 0,
      keywords: 0,
      ratings: 0,
      albums: [{ name: 'Rome, spring 2019', folder: tree.album }],
      unmatchedSidecars: [path.join(tree.year, 'gone.jpg.supplemental-metadata.json')],
      unreadable: [],
      pending: 0,
    });
    // The 13 dated, IMG_0004 (a caption) and the album's photo; DSCN0010 has all it needs itself.
    expect(out.imported.photos).toBe(15);
  }, 300_000);

  it('scan prints the report for people, and returns it with --json', () => {
    const r = picto('scan', '--wait');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      'imported for 15 photos: 13 dates, 3 places, 2 descriptions, 1 favourite, 1 album',
    );
    expect(r.err).toContain('album "Rome, spring 2019"');
    expect(r.err).toContain('1 sidecar matched no photo:');
    expect(r.err).toContain('gone.jpg.supplemental-metadata.json');
    const json = JSON.parse(picto('scan', '--json').out) as {
      added: number;
      imported: ImportReport;
    };
    expect(json.added).toBe(0);
    expect(json.imported.dates).toBe(13);
  }, 120_000);

  it('export --json has description, rating and keywords for every photo', () => {
    const doc = JSON.parse(picto('export', '--json').out) as ExportDocument;
    const bus = doc.photos.find((p) => p.paths[0].endsWith('IMG_20190601_120000.jpg'))!;
    expect(bus).toMatchObject({ description: 'The 7 bus in Seoul', rating: null, keywords: [] });
    expect(bus.favourite).toBe(true);
    for (const p of doc.photos) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['description', 'rating', 'keywords']));
    }
  });

  it('xmp takes --foreign skip or copy, and refuses anything else', () => {
    const dry = picto('xmp', '--dry-run', '--foreign', 'copy', '--json');
    expect(dry.code, dry.err).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, foreign: 'copy' });
    const bad = picto('xmp', '--foreign', 'overwrite');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--foreign is skip or copy');
  });
});
