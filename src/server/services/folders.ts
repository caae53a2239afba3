import os from 'node:os';
import path from 'node:path';
import type { Picto } from '../../app/picto.js';
import type { FolderCounts } from '../../db/repos/folder-stats.js';
import type { FolderRow } from '../../db/repos/folders.js';
import type { AddFolderResult, Folder, FolderIssues } from '../../shared/api.js';
import { PictoError } from '../../shared/errors.js';
import type { FolderActivity } from './folder-activity.js';

/** Folder management for the API: scans run in the background and report through events. */
export class FolderApiService {
  private readonly off: () => void;

  constructor(
    private readonly picto: Picto,
    private readonly activity: FolderActivity,
    private readonly log: (msg: string, err: unknown) => void,
  ) {
    // Counts settle when a scan or the indexing ends: count afresh then.
    this.off = picto.events.on((e) => {
      if (e.type === 'scan.done' || e.type === 'jobs.idle' || e.type === 'folders.changed') {
        this.invalidate();
      }
    });
  }

  dispose(): void {
    this.off();
  }

  private cached: { at: number; counts: Map<number, FolderCounts> } | null = null;

  list(): Folder[] {
    const { repos } = this.picto;
    const stats = this.counts();
    const unreadable = repos.failures.unreadableCounts();
    return repos.folders
      .list()
      .map((f) => this.toDto(f, stats.get(f.id), unreadable.get(f.id) ?? 0));
  }

  /**
   * Folder counts, reused for a second: while a big folder is indexed every open folders page
   * asks about once a second, and counting the pending photos is the costly part.
   */
  private counts(): Map<number, FolderCounts> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > 1000) {
      this.cached = { at: now, counts: this.picto.repos.folderStats.counts() };
    }
    return this.cached.counts;
  }

  /** Folders were added, removed or rescanned: count again on the next request. */
  invalidate(): void {
    this.cached = null;
  }

  get(id: number): Folder {
    const f = this.list().find((x) => x.id === id);
    if (!f) throw new PictoError('not-found', `no folder with id ${id}`);
    return f;
  }

  private toDto(f: FolderRow, s: FolderCounts | undefined, unreadable: number): Folder {
    return {
      id: f.id,
      path: f.path,
      online: f.online === 1,
      ai: f.ai_enabled === 1,
      photos: s?.files ?? 0,
      pending: s?.pending ?? 0,
      errors: s?.errors ?? 0,
      unreadable,
      addedAt: f.added_at,
      lastScanAt: f.last_scan_at,
      lastScanMs: f.last_scan_ms,
      scanning: this.activity.of(f.path),
    };
  }

  async add(input: string, ai: boolean): Promise<AddFolderResult> {
    const typed = input.trim();
    const expanded =
      typed === '~' || typed.startsWith('~/') ? path.join(os.homedir(), typed.slice(1)) : typed;
    if (!path.isAbsolute(expanded)) {
      throw new PictoError(
        'validation',
        `give the folder's full path (starting with / or ~), not "${typed}"`,
      );
    }
    const { folder, created, absorbed } = await this.picto.folders.add(expanded);
    if (created && !ai) this.picto.folders.setAi(folder.id, false);
    this.rescan(folder.id);
    return { folder: this.get(folder.id), created, absorbed };
  }

  async remove(id: number): Promise<void> {
    const f = this.picto.repos.folders.get(id);
    if (!f) throw new PictoError('not-found', `no folder with id ${id}`);
    await this.picto.folders.remove(f.path);
  }

  /** Starts a scan in the background; progress arrives as scan.* events. */
  rescan(id: number): void {
    const f = this.picto.repos.folders.get(id);
    if (!f) throw new PictoError('not-found', `no folder with id ${id}`);
    this.activity.queued(f.path);
    this.picto.events.emit({ type: 'folders.changed' });
    this.picto
      .scan([id])
      .catch((err: unknown) => this.log(`scan of ${f.path} failed`, err))
      .finally(() => {
        this.activity.finished([f.path]);
        this.picto.events.emit({ type: 'folders.changed' });
      });
  }

  setAi(id: number, on: boolean): Folder {
    this.picto.folders.setAi(id, on);
    this.picto.runnerIfStarted?.notify();
    return this.get(id);
  }

  issues(id: number, limit: number): FolderIssues {
    const { repos } = this.picto;
    if (!repos.folders.get(id)) throw new PictoError('not-found', `no folder with id ${id}`);
    return {
      unreadable: repos.fileIssues
        .inFolder(id)
        .slice(0, limit)
        .map((i) => ({ path: i.path, error: i.error, seenAt: i.seen_at })),
      failed: repos.failures
        .inFolder(id, limit)
        .map((r) => ({ photoId: r.photo_id, path: r.path, stage: r.stage, error: r.error })),
    };
  }
}
