import type { Repos } from '../db/index.js';
import type { FolderCounts, LibraryCounts } from '../db/repos/folder-stats.js';
import type { FolderRow } from '../db/repos/folders.js';
import type { Folder, FolderIssues, LibraryTotals } from '../shared/api.js';
import { PictoError } from '../shared/errors.js';
import type { EventBus } from '../shared/events.js';
import type { FolderActivity } from './activity.js';

/**
 * The library folders as people see them: counts per folder (files, pending, errors, unreadable),
 * the scan running on each, and the files that failed. The folders page, `picto status` and the
 * API read it.
 */
export class FolderOverview {
  private cached: {
    at: number;
    counts: Map<number, FolderCounts>;
    library: LibraryCounts;
  } | null = null;
  private readonly off: () => void;

  constructor(
    private readonly repos: Repos,
    events: EventBus,
    private readonly activity: FolderActivity,
  ) {
    // Counts settle when a scan or the indexing ends: count afresh then. A photo moved to the
    // trash or back (or deleted with it) changes them at once: the Photos page follows that
    // event, so the folders page must not lag a second behind it.
    this.off = events.on((e) => {
      if (
        e.type === 'scan.done' ||
        e.type === 'jobs.idle' ||
        e.type === 'folders.changed' ||
        (e.type === 'photos.changed' && (e.reason === 'updated' || e.reason === 'removed'))
      ) {
        this.invalidate();
      }
    });
  }

  dispose(): void {
    this.off();
  }

  list(): Folder[] {
    const stats = this.counts().counts;
    const unreadable = this.repos.failures.unreadableCounts();
    return this.repos.folders
      .list()
      .map((f) => this.toDto(f, stats.get(f.id), unreadable.get(f.id) ?? 0));
  }

  /** The whole library in the folders' counts: what the Photos page shows, and the trash. */
  totals(): LibraryTotals {
    const c = this.counts().library;
    return { ...c, ready: c.photos - c.pending - c.errors };
  }

  get(id: number): Folder {
    const f = this.list().find((x) => x.id === id);
    if (!f) throw new PictoError('not-found', `no folder with id ${id}`);
    return f;
  }

  /** Files of a folder that could not be read, and photos whose indexing failed, with why. */
  issues(id: number, limit: number): FolderIssues {
    if (!this.repos.folders.get(id)) throw new PictoError('not-found', `no folder with id ${id}`);
    return {
      unreadable: this.repos.fileIssues
        .inFolder(id)
        .slice(0, limit)
        .map((i) => ({ path: i.path, error: i.error, seenAt: i.seen_at })),
      failed: this.repos.failures
        .inFolder(id, limit)
        .map((r) => ({ photoId: r.photo_id, path: r.path, stage: r.stage, error: r.error })),
    };
  }

  /** Files that could not be read at all, in every folder. */
  unreadableFiles(): number {
    return this.repos.fileIssues.all().length;
  }

  /** Folders were added, removed or rescanned: count again on the next request. */
  invalidate(): void {
    this.cached = null;
  }

  /**
   * Folder counts, reused for a second: while a big folder is indexed every open folders page
   * asks about once a second, and counting the pending photos is the costly part.
   */
  private counts(): { counts: Map<number, FolderCounts>; library: LibraryCounts } {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > 1000) {
      const stats = this.repos.folderStats;
      this.cached = { at: now, counts: stats.counts(), library: stats.library() };
    }
    return this.cached;
  }

  private toDto(f: FolderRow, s: FolderCounts | undefined, unreadable: number): Folder {
    return {
      id: f.id,
      path: f.path,
      online: f.online === 1,
      ai: f.ai_enabled === 1,
      photos: s?.photos ?? 0,
      pending: s?.pending ?? 0,
      errors: s?.errors ?? 0,
      trashed: s?.trashed ?? 0,
      unreadable,
      addedAt: f.added_at,
      lastScanAt: f.last_scan_at,
      lastScanMs: f.last_scan_ms,
      scanning: this.activity.of(f.path),
    };
  }
}
