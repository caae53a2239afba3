// Sidecar files (Takeout JSON, XMP) as the scanner sees them: never photos, never "unreadable
// files", but a change to one changes what is known about the photos beside it.
//
// [Note: noticing sidecar changes] The walker stats sidecars as it stats photos (one stat each,
// no read), and the scanner compares them per directory with what it saw last time
// (`sidecar_files`). A directory is handed to the reader (the interchange module, injected as
// `read`) when one of its sidecars was added, changed or removed, or when a photo arrived beside
// sidecars it may belong to. The watcher reports sidecar paths too; a targeted scan of one lists
// its directory's sidecars again (one readdir). Reading, pairing and re-queueing the photos whose
// sidecars changed is the reader's job; this file only decides which directories to read.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Repos } from '../db/index.js';
import type { SidecarFileRow } from '../db/repos/imports.js';
import { isSkippedName, type WalkedFile, type WalkResult } from './walker.js';

/** Takeout's JSON and XMP sidecars. Picto's own temp files and hidden files are not. */
export function isSidecarName(name: string): boolean {
  return /\.(json|xmp)$/i.test(name) && !isSkippedName(name, false);
}

export interface SidecarDir {
  dir: string;
  folderId: number;
  /** Sidecar paths added, changed or removed since the last scan (empty: photos arrived). */
  changed: string[];
}

/** Reads the sidecars of changed directories (after the scan's additions and removals). */
export type SidecarReader = (dirs: SidecarDir[]) => Promise<void>;

const isInside = (child: string, parent: string) => child.startsWith(parent + path.sep);

/** The sidecars of one directory, stat'ed; null when it cannot be listed. */
async function listSidecars(dir: string): Promise<WalkedFile[] | null> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return null;
  }
  const out: WalkedFile[] = [];
  for (const name of names.filter(isSidecarName)) {
    const full = path.join(dir, name);
    const st = await fs.stat(full).catch(() => null);
    if (st?.isFile()) out.push({ path: full, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
  }
  return out;
}

/** One scan's sidecar bookkeeping: compare, record, collect the directories to read. */
export class SidecarScan {
  private readonly dirty = new Map<string, SidecarDir>();

  constructor(private readonly repos: Repos) {}

  private mark(dir: string, folderId: number, changed: string[]): void {
    const d = this.dirty.get(dir) ?? { dir, folderId, changed: [] };
    d.changed.push(...changed);
    this.dirty.set(dir, d);
  }

  /**
   * What a walk of `root` (the folder, a directory or a file inside it) saw. A directory walk
   * compares every directory it listed; a sidecar path (present or gone) lists its own directory
   * again; a path that is gone takes the sidecars recorded below it along.
   */
  async noteWalk(folderId: number, root: string, walked: WalkResult): Promise<void> {
    if (walked.dirs.length) {
      this.compare(folderId, root, 'tree', walked.sidecars, walked.unreadableDirs);
      return;
    }
    const st = await fs.stat(root).catch(() => null);
    if (st && !st.isFile()) return;
    if (isSidecarName(path.basename(root))) {
      const dir = path.dirname(root);
      const again = await listSidecars(dir);
      if (again) this.compare(folderId, dir, 'dir', again, []);
      return;
    }
    if (!st) this.compare(folderId, root, 'tree', [], []);
  }

  /**
   * Records what was seen in `scope` (one directory, or a tree) against what was known there:
   * new and changed sidecars are stored, missing ones deleted, except under directories that
   * could not be listed.
   */
  private compare(
    folderId: number,
    scope: string,
    mode: 'dir' | 'tree',
    seen: readonly WalkedFile[],
    unreadable: readonly string[],
  ): void {
    const { imports } = this.repos;
    const dirs = mode === 'dir' ? [scope] : imports.sidecarDirsUnder(scope);
    const byPath = new Map<string, SidecarFileRow>(
      dirs.flatMap((d) => imports.sidecarsIn(d)).map((k) => [k.path, k]),
    );
    const changes = new Map<string, string[]>();
    const note = (p: string) => {
      const dir = path.dirname(p);
      changes.set(dir, [...(changes.get(dir) ?? []), p]);
    };
    this.repos.db.transaction(() => {
      for (const f of seen) {
        const k = byPath.get(f.path);
        byPath.delete(f.path);
        if (k && k.size === f.size && k.mtime_ms === f.mtimeMs) continue;
        imports.upsertSidecar({
          path: f.path,
          folder_id: folderId,
          dir: path.dirname(f.path),
          size: f.size,
          mtime_ms: f.mtimeMs,
        });
        note(f.path);
      }
      for (const k of byPath.values()) {
        if (unreadable.some((h) => k.dir === h || isInside(k.dir, h))) continue;
        imports.deleteSidecar(k.path);
        note(k.path);
      }
    })();
    for (const [dir, paths] of changes) this.mark(dir, folderId, paths);
  }

  /** Photos arrived in these directories: read the sidecars already there again. */
  notePhotos(files: readonly { path: string; folderId: number }[]): void {
    const dirs = new Map(files.map((f) => [path.dirname(f.path), f.folderId]));
    for (const [dir, folderId] of dirs) {
      if (this.dirty.has(dir)) continue;
      if (this.repos.imports.sidecarsIn(dir).length) this.mark(dir, folderId, []);
    }
  }

  /** The directories to read, in path order. */
  dirs(): SidecarDir[] {
    return [...this.dirty.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  }
}
