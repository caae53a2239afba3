import os from 'node:os';
import path from 'node:path';
import type { FolderActivity } from '../library/activity.js';
import type { FolderService } from '../library/folders.js';
import type { FolderOverview } from '../library/overview.js';
import type { AddFolderResult, Folder, FolderIssues, LibraryTotals } from '../shared/api.js';
import { PictoError } from '../shared/errors.js';
import type { ImportReport } from '../shared/interchange-api.js';
import type { EventBus } from '../shared/events.js';

export interface LibraryDeps {
  folders: FolderService;
  overview: FolderOverview;
  activity: FolderActivity;
  events: EventBus;
  /** Scans folders and wakes the indexer (Picto.scan). */
  scan: (folderIds: number[]) => Promise<unknown>;
  /** Wakes the indexer if it runs. */
  notify: () => void;
  /** What came in from sidecars for the photos of these folders (Picto.importReport). */
  importReport: (folderIds: number[]) => Promise<ImportReport>;
  /** Where a background scan that failed is reported. */
  onError: (message: string, err: unknown) => void;
}

/**
 * The library folders as the gallery manages them: listed with counts and live scan progress,
 * added by a path typed in a browser, rescanned in the background (progress arrives as scan.*
 * events), switched between AI on and off. The CLI works on `picto.folders` directly because it
 * scans in the foreground.
 */
export class Library {
  constructor(private readonly deps: LibraryDeps) {}

  list(): Folder[] {
    return this.deps.overview.list();
  }

  /** The library in the folders' counts (what the Photos page shows, and the trash). */
  totals(): LibraryTotals {
    return this.deps.overview.totals();
  }

  get(id: number): Folder {
    return this.deps.overview.get(id);
  }

  /** The import report of one folder: see [Note: the import report is read from the catalogue]. */
  async imported(id: number): Promise<ImportReport> {
    return this.deps.importReport([this.get(id).id]);
  }

  issues(id: number, limit: number): FolderIssues {
    return this.deps.overview.issues(id, limit);
  }

  /**
   * Adds a folder and starts scanning it. The path comes from another program or a browser, with
   * no working directory to resolve it against: it must be absolute, or start with ~.
   */
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
    const { folder, created, absorbed } = await this.deps.folders.add(expanded);
    if (created && !ai) this.deps.folders.setAi(folder.id, false);
    this.rescan(folder.id);
    return { folder: this.get(folder.id), created, absorbed };
  }

  /** Takes a folder out of the library (files on disk are not touched). */
  async remove(id: number): Promise<void> {
    await this.deps.folders.remove(this.get(id).path);
  }

  /** Starts a scan in the background; progress arrives as scan.* events. */
  rescan(id: number): void {
    const { activity, events } = this.deps;
    const folderPath = this.get(id).path;
    activity.queued(folderPath);
    events.emit({ type: 'folders.changed' });
    this.deps
      .scan([id])
      .catch((err: unknown) => this.deps.onError(`scan of ${folderPath} failed`, err))
      .finally(() => {
        activity.finished([folderPath]);
        events.emit({ type: 'folders.changed' });
      });
  }

  setAi(id: number, on: boolean): Folder {
    this.deps.folders.setAi(id, on);
    this.deps.notify();
    return this.get(id);
  }
}
