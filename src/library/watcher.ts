import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FolderRow } from '../db/repos/folders.js';
import type { ScanSummary } from '../shared/events.js';
import { isSkippedName } from './walker.js';

export interface WatcherDeps {
  folders: () => FolderRow[];
  /** Targeted rescan of the paths that changed (files or folders, present or gone). */
  scanPaths: (paths: string[]) => Promise<ScanSummary>;
  /** Full scan of the given folders (used when a folder root itself comes or goes). */
  scanFolders: (ids: number[]) => Promise<ScanSummary>;
  accept: (name: string) => boolean;
  exclude: string[];
  onError?: (message: string) => void;
  /** Quiet time after the last event before a batch is scanned. */
  debounceMs?: number;
  /** A busy folder (a copy in progress) is still scanned at least this often. */
  maxWaitMs?: number;
  /** How long a file's size must stay put before it counts as written (partial copies). */
  stableMs?: number;
}

/**
 * Follows library folders live. Events are only hints: they are collected, debounced and handed to
 * the scanner as paths to re-check, so the scanner stays the single place that decides what
 * changed. A rename arrives as unlink + add; both paths land in the same batch and the scanner pairs
 * them by content (additions before removals), so the photo keeps its id, albums and faces.
 */
export class LibraryWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private rootsChanged = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private firstEventAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  private watched = new Map<string, number>();
  private hasRemoval = false;

  constructor(private readonly deps: WatcherDeps) {}

  get isWatching(): boolean {
    return this.watcher !== null;
  }

  /** Starts (or refreshes, after folders were added/removed) watching every library folder. */
  async sync(): Promise<void> {
    const folders = this.deps.folders();
    const wanted = new Map(folders.map((f) => [f.path, f.id]));
    if (!this.watcher) {
      this.watcher = this.create();
    }
    for (const [p] of this.watched) {
      if (!wanted.has(p)) {
        await this.watcher.unwatch(p);
        this.watched.delete(p);
      }
    }
    for (const [p, id] of wanted) {
      if (this.watched.has(p)) continue;
      this.watcher.add(p);
      this.watched.set(p, id);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher?.close();
    this.watcher = null;
    this.watched.clear();
    await this.flushing;
  }

  /** Scans whatever is pending now (tests and shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const paths = [...this.pending];
    const roots = [...this.rootsChanged];
    this.pending.clear();
    this.rootsChanged.clear();
    this.firstEventAt = 0;
    this.hasRemoval = false;
    if (paths.length === 0 && roots.length === 0) return;
    const run = async () => {
      try {
        if (roots.length) await this.deps.scanFolders(roots);
        if (paths.length) await this.deps.scanPaths(paths);
      } catch (err) {
        this.deps.onError?.(`scan after file changes failed: ${(err as Error).message}`);
      }
    };
    this.flushing = this.flushing.then(run);
    await this.flushing;
  }

  private create(): FSWatcher {
    const exclude = this.deps.exclude.map((p) => path.resolve(p));
    const w = watch([], {
      ignoreInitial: true,
      followSymlinks: true,
      awaitWriteFinish: { stabilityThreshold: this.deps.stableMs ?? 1500, pollInterval: 100 },
      ignored: (p: string, stats?: { isDirectory(): boolean; isFile(): boolean }) => {
        if (exclude.some((e) => p === e || p.startsWith(e + path.sep))) return true;
        const root = [...this.watched.keys()].find((r) => p === r || p.startsWith(r + path.sep));
        if (!root || p === root) return false;
        const rel = path.relative(root, p).split(path.sep);
        const name = rel[rel.length - 1];
        if (rel.slice(0, -1).some((part) => isSkippedName(part, true))) return true;
        if (stats?.isFile()) return isSkippedName(name, false) || !this.deps.accept(name);
        return isSkippedName(name, Boolean(stats?.isDirectory()));
      },
    });
    const note = (p: string) => this.note(p, false);
    const gone = (p: string) => this.note(p, true);
    w.on('add', note)
      .on('change', note)
      .on('unlink', gone)
      .on('addDir', note)
      .on('unlinkDir', gone)
      .on('error', (err: unknown) => {
        const e = err as NodeJS.ErrnoException;
        const hint =
          e.code === 'ENOSPC'
            ? ' (the system limit on watched folders is reached: raise fs.inotify.max_user_watches; rescans still find changes)'
            : '';
        this.deps.onError?.(`watching failed: ${e.message}${hint}`);
      });
    return w;
  }

  /**
   * Collects a changed path. Removals wait longer: chokidar reports an unlink at once but holds
   * the matching add until the new file's size has settled, and a rename's two halves must reach
   * the scanner in one batch, or the photo would be deleted and created again, losing its albums.
   */
  private note(p: string, removal: boolean): void {
    const abs = path.resolve(p);
    if (removal) this.hasRemoval = true;
    const rootId = this.watched.get(abs);
    if (rootId !== undefined) this.rootsChanged.add(rootId);
    else this.pending.add(abs);
    const now = Date.now();
    if (!this.firstEventAt) this.firstEventAt = now;
    if (this.timer) clearTimeout(this.timer);
    const stable = this.deps.stableMs ?? 1500;
    const debounce = this.hasRemoval
      ? Math.max(this.deps.debounceMs ?? 1000, stable + 1000)
      : (this.deps.debounceMs ?? 1000);
    const maxWait = Math.max(this.deps.maxWaitMs ?? 10_000, debounce);
    const wait = Math.max(0, Math.min(debounce, this.firstEventAt + maxWait - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }
}
