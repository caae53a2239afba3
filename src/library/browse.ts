// The folder picker's side on this machine: which directories there are, starting from the home
// folder, so a folder can be added by pointing at it instead of typing its path.
//
// [Note: the folder picker] Only directory names are ever listed — never a file, never anything
// read from inside one — and hidden directories (".cache", ".ssh") are left out. The server
// answers this only to clients on this machine (routes/fs.ts), token or not: another machine
// has no business walking this one's disks.

import { promises as fs, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PictoError } from '../shared/errors.js';

export interface DirEntry {
  name: string;
  path: string;
  /** Already a library folder. */
  library: boolean;
}

export interface DirListing {
  path: string;
  /** null at the root of the file system. */
  parent: string | null;
  home: string;
  dirs: DirEntry[];
  /** More directories than MAX_DIRS: the rest is left out. */
  truncated: boolean;
  /** Good places to start: home, and where removable and mounted drives appear. */
  places: { name: string; path: string }[];
}

export interface BrowserDeps {
  /** Picto's data folder: never offered. */
  dataDir: string;
  /** Paths of the library folders now. */
  libraryFolders: () => string[];
  /** Tests point it elsewhere. */
  home?: string;
}

const MAX_DIRS = 2000;

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export class DirectoryBrowser {
  constructor(private readonly deps: BrowserDeps) {}

  private home(): string {
    return path.resolve(this.deps.home ?? os.homedir());
  }

  /** Resolves what was asked for ("~/Pictures", "/mnt/photos"); the home folder by default. */
  private target(p: string | undefined): string {
    const home = this.home();
    if (!p || p === '~') return home;
    const expanded = p.startsWith('~/') ? path.join(home, p.slice(2)) : p;
    if (!path.isAbsolute(expanded))
      throw new PictoError('invalid', `give an absolute path (or ~/…), not "${p}"`);
    return path.resolve(expanded);
  }

  async list(p?: string): Promise<DirListing> {
    const dir = this.target(p);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new PictoError('not-found', `no folder ${dir}`);
      if (code === 'ENOTDIR') throw new PictoError('not-a-folder', `not a folder: ${dir}`);
      throw new PictoError('unreadable', `cannot list ${dir} (${code ?? 'error'})`);
    }
    const data = path.resolve(this.deps.dataDir);
    const library = new Set(this.deps.libraryFolders().map((f) => path.resolve(f)));
    const dirs: DirEntry[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      // A link is offered when it leads to a directory (a linked photo drive).
      if (!(e.isDirectory() || (e.isSymbolicLink() && (await isDir(full))))) continue;
      if (full === data) continue;
      dirs.push({ name: e.name, path: full, library: library.has(full) });
    }
    dirs.sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
    );
    const parent = path.dirname(dir);
    return {
      path: dir,
      parent: parent === dir ? null : parent,
      home: this.home(),
      dirs: dirs.slice(0, MAX_DIRS),
      truncated: dirs.length > MAX_DIRS,
      places: await this.places(),
    };
  }

  private async places(): Promise<{ name: string; path: string }[]> {
    const user = path.basename(this.home());
    const candidates = [
      { name: 'Home', path: this.home() },
      { name: 'Removable media', path: `/media/${user}` },
      { name: 'Removable media', path: `/run/media/${user}` },
      { name: 'Mounted drives', path: '/mnt' },
      { name: 'Volumes', path: '/Volumes' },
    ];
    const out: { name: string; path: string }[] = [];
    for (const c of candidates) if (await isDir(c.path)) out.push(c);
    return out;
  }
}
