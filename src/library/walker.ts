import { promises as fs, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';

export interface WalkedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WalkIssue {
  path: string;
  error: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Files the `sidecar` option accepted (Takeout JSON, XMP), with their stat. */
  sidecars: WalkedFile[];
  /** Every directory that was listed (a sidecar missing from one of them is gone). */
  dirs: string[];
  issues: WalkIssue[];
  /** Directories that could not be listed (permissions…): their known files must not be dropped. */
  unreadableDirs: string[];
}

export interface WalkOptions {
  /** Decides which file names are worth a stat (photo extensions). */
  accept: (name: string) => boolean;
  /** Other files to stat and report apart: sidecars beside the photos (never photos themselves). */
  sidecar?: (name: string) => boolean;
  /** Absolute paths never to enter (e.g. Picto's own data directory). */
  exclude?: string[];
  /** How many stat calls run at once. */
  concurrency?: number;
}

// Folders that belong to operating systems, NAS boxes and sync tools, never to the user's photos.
const SYSTEM_DIRS = new Set([
  '@eadir',
  '#recycle',
  '#snapshot',
  '$recycle.bin',
  'system volume information',
  'lost+found',
  'node_modules',
  '__macosx',
]);

/** Hidden (dot) entries and system folders are skipped, like every gallery does. */
export function isSkippedName(name: string, isDir: boolean): boolean {
  if (name.startsWith('.')) return true;
  return isDir && SYSTEM_DIRS.has(name.toLowerCase());
}

/**
 * Lists the photo files under root with their size and mtime. Only stat, never open: a rescan of an
 * unchanged library must cost one readdir per folder and one stat per photo. Symlinked folders are
 * followed once; a loop is detected by device+inode and reported instead of recursed.
 */
export async function walk(root: string, opts: WalkOptions): Promise<WalkResult> {
  const files: WalkedFile[] = [];
  const sidecars: WalkedFile[] = [];
  const dirs: string[] = [];
  const issues: WalkIssue[] = [];
  const unreadableDirs: string[] = [];
  const exclude = new Set((opts.exclude ?? []).map((p) => path.resolve(p)));
  const visited = new Set<string>();
  const limit = opts.concurrency ?? 64;

  const rootStat = await fs.stat(root);
  visited.add(`${rootStat.dev}:${rootStat.ino}`);
  const queue: string[] = [root];

  while (queue.length > 0) {
    const dir = queue.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      unreadableDirs.push(dir);
      issues.push({ path: dir, error: `cannot list folder: ${describeFsError(err)}` });
      continue;
    }
    dirs.push(dir);
    const toStat: { full: string; link: boolean }[] = [];
    const isSidecar = (name: string) => !opts.accept(name) && Boolean(opts.sidecar?.(name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.includes('\uFFFD') && (e.isDirectory() || opts.accept(e.name))) {
        // Node sees such names through a lossy UTF-8 decode and cannot open them again.
        issues.push({
          path: full,
          error: `${e.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8: rename it so it can be read`,
        });
        continue;
      }
      if (e.isDirectory()) {
        if (isSkippedName(e.name, true) || exclude.has(full)) continue;
        queue.push(full);
      } else if (e.isFile()) {
        if (isSkippedName(e.name, false) || !(opts.accept(e.name) || isSidecar(e.name))) continue;
        toStat.push({ full, link: false });
      } else if (e.isSymbolicLink()) {
        if (isSkippedName(e.name, false) || exclude.has(full)) continue;
        toStat.push({ full, link: true });
      }
    }
    for (let i = 0; i < toStat.length; i += limit) {
      const chunk = toStat.slice(i, i + limit);
      const stats = await Promise.all(
        chunk.map((c) =>
          fs.stat(c.full).then(
            (s) => s,
            (err: unknown) => err as Error,
          ),
        ),
      );
      for (let j = 0; j < chunk.length; j++) {
        const { full, link } = chunk[j];
        const s = stats[j];
        if (s instanceof Error) {
          // A dangling symlink is not a photo; a file that vanished mid-walk is simply gone.
          if (!link && (s as NodeJS.ErrnoException).code !== 'ENOENT') {
            issues.push({ path: full, error: describeFsError(s) });
          }
          continue;
        }
        if (s.isDirectory()) {
          if (!link) continue;
          const key = `${s.dev}:${s.ino}`;
          if (visited.has(key)) {
            issues.push({ path: full, error: 'symbolic link loop: folder already visited' });
            continue;
          }
          visited.add(key);
          queue.push(full);
        } else if (s.isFile()) {
          const name = path.basename(full);
          if (isSidecar(name)) sidecars.push(fileOf(full, s));
          else if (!link || opts.accept(name)) files.push(fileOf(full, s));
        }
      }
    }
  }
  return { files, sidecars, dirs, issues, unreadableDirs };
}

function fileOf(full: string, s: Stats): WalkedFile {
  return { path: full, size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no longer exists';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'EIO':
      return 'input/output error reading the disk';
    default:
      return e?.message ?? String(err);
  }
}
