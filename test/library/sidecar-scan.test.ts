// Which directories get their sidecars read again ([Note: noticing sidecar changes]): new,
// changed and removed sidecars by stat, in a whole walk and in targeted scans, and photos that
// arrive beside sidecars already known.

import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openDatabase, type Repos } from '../../src/db/index.js';
import { isSidecarName, SidecarScan } from '../../src/library/sidecar-scan.js';
import { walk } from '../../src/library/walker.js';

describe('sidecar changes seen by the scanner', () => {
  let tmp: string;
  let dir: string;
  let repos: Repos;
  let folderId: number;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-sidecar-scan-'));
    dir = path.join(tmp, 'Takeout');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jpg'), 'jpeg');
    writeFileSync(path.join(dir, 'a.jpg.json'), '{"title":"a.jpg"}');
    writeFileSync(path.join(dir, 'a.jpg.xmp'), '<x/>');
    writeFileSync(path.join(dir, '.hidden.json'), '{}');
    repos = createRepos(openDatabase(':memory:'));
    folderId = repos.folders.insert(tmp, new Date().toISOString()).id;
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  /** A whole walk of the library, as the scanner does it; the directories to read. */
  async function scanAll(): Promise<{ dir: string; changed: string[] }[]> {
    const scan = new SidecarScan(repos);
    const walked = await walk(tmp, { accept: (n) => n.endsWith('.jpg'), sidecar: isSidecarName });
    await scan.noteWalk(folderId, tmp, walked);
    return scan
      .dirs()
      .map((d) => ({ dir: d.dir, changed: d.changed.map((p) => path.basename(p)) }));
  }

  it('names sidecars: JSON and XMP, never hidden files', () => {
    expect(['a.json', 'a.XMP', 'b.jpg.xmp'].map(isSidecarName)).toEqual([true, true, true]);
    expect(['a.jpg', '.a.json', 'a.json.tmp'].map(isSidecarName)).toEqual([false, false, false]);
  });

  it('reads a directory when a sidecar is new, changed or removed, and not otherwise', async () => {
    expect(await scanAll()).toEqual([{ dir, changed: ['a.jpg.json', 'a.jpg.xmp'] }]);
    expect(await scanAll()).toEqual([]);
    writeFileSync(path.join(dir, 'a.jpg.xmp'), '<x:xmpmeta/>');
    expect(await scanAll()).toEqual([{ dir, changed: ['a.jpg.xmp'] }]);
    // Same size, another time: changed too.
    utimesSync(path.join(dir, 'a.jpg.json'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(await scanAll()).toEqual([{ dir, changed: ['a.jpg.json'] }]);
    unlinkSync(path.join(dir, 'a.jpg.json'));
    expect(await scanAll()).toEqual([{ dir, changed: ['a.jpg.json'] }]);
    expect(repos.imports.sidecarsIn(dir).map((r) => path.basename(r.path))).toEqual(['a.jpg.xmp']);
  });

  it('a targeted scan of a sidecar path lists its directory; a gone directory takes its sidecars', async () => {
    await scanAll();
    const xmp = path.join(dir, 'a.jpg.xmp');
    writeFileSync(xmp, '<x:xmpmeta>changed</x:xmpmeta>');
    const scan = new SidecarScan(repos);
    const nothing = { files: [], sidecars: [], dirs: [], issues: [], unreadableDirs: [] };
    await scan.noteWalk(folderId, xmp, nothing);
    expect(scan.dirs().map((d) => d.changed.map((p) => path.basename(p)))).toEqual([['a.jpg.xmp']]);

    rmSync(dir, { recursive: true });
    const gone = new SidecarScan(repos);
    await gone.noteWalk(folderId, dir, nothing);
    expect(gone.dirs().map((d) => d.changed.length)).toEqual([2]);
    expect(repos.imports.sidecarsIn(dir)).toEqual([]);
  });

  it('a photo arriving beside known sidecars has them read again', async () => {
    await scanAll();
    const scan = new SidecarScan(repos);
    scan.notePhotos([
      { path: path.join(dir, 'b.jpg'), folderId },
      { path: path.join(tmp, 'elsewhere', 'c.jpg'), folderId },
    ]);
    expect(scan.dirs()).toEqual([{ dir, folderId, changed: [] }]);
  });
});
