import { randomBytes } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import { backupDatabase, listBackups, type BackupInfo } from '../db/backup.js';
import { createRepos, openDatabase, type Repos } from '../db/index.js';
import { queueNewStages } from '../jobs/backfill.js';
import { OPENED_PRIORITY, PIPELINE } from '../jobs/pipeline.js';
import { JobRunner } from '../jobs/runner.js';
import { WorkerPool } from '../jobs/pool.js';
import { localWorker, type TaskExecutor, type Workforce } from '../jobs/executor.js';
import { WorkService } from '../remote/work-service.js';
import { CategoryService } from '../categories/service.js';
import { Collection } from '../collection/collection.js';
import { Gallery } from '../collection/gallery.js';
import { PhotoEdits } from '../collection/photo-edits.js';
import { TrashService } from '../collection/trash.js';
import { ExportService } from '../interchange/export.js';
import { requeueTakeoutPhotos, sidecarDirReader } from '../interchange/folder-import.js';
import { importReport, type ImportReport } from '../interchange/report.js';
import { IndexingStatus } from '../jobs/status.js';
import { FolderActivity } from '../library/activity.js';
import { DirectoryBrowser } from '../library/browse.js';
import { FolderService } from '../library/folders.js';
import { FolderOverview } from '../library/overview.js';
import { Scanner } from '../library/scanner.js';
import type { LibraryWatcher } from '../library/watcher.js';
import { isSidecarName } from '../library/sidecar-scan.js';
import { isCandidateFile, thumbnailPaths } from '../media/files.js';
import { isVideoCandidate } from '../media/video/formats.js';
import { videoFilePaths } from '../media/video/preview-clip.js';
import { Transcoder } from '../jobs/transcoder.js';
import { VideoFiles } from '../collection/videos.js';
import { EventBus } from '../shared/events.js';
import { Discovery } from '../search/discovery.js';
import { PeopleService } from '../people/service.js';
import { SidecarService } from '../interchange/sidecars.js';
import { Library } from './library.js';
import { dataLayout, resolveDataDir, type DataLayout } from './paths.js';
import { LibraryStatus } from './status.js';

const TOKEN_SETTING = 'server.token';

/** Photos and videos: what the scanner and the watcher look at (by extension). */
const isLibraryFile = (name: string) => isCandidateFile(name) || isVideoCandidate(name);
/** What an executor other than the local pool is built from (`serve --queue`: src/remote/). */
export interface ExecutorParts {
  /** This process's worker threads; null with `--workers 0`. */
  local: WorkerPool | null;
  repos: Repos;
  thumbDir: string;
  work: WorkService;
}

export type Executor = TaskExecutor & Workforce & { close(): Promise<void> };

export interface PictoOptions {
  dataDir?: string;
  /** Worker threads of this process; 0 only together with `executor` (remote workers do all). */
  workers?: number;
  /** Where the runner sends tasks; default: this process's worker pool. */
  executor?: (parts: ExecutorParts) => Executor;
  /** Worker threads started before the app loaded ([Note: workers first]): the runner's pool. */
  pool?: WorkerPool;
}

/**
 * The composition root: one catalogue, its services and (lazily) the indexing workers. The CLI, the
 * server and the tests all start here, so they behave the same.
 */
export class Picto {
  readonly layout: DataLayout;
  /** The catalogue's repositories: for the services here and for tests, never for the shells. */
  readonly repos: Repos;
  readonly events = new EventBus();
  /** The library folders themselves: add by path, remove, AI switch (src/library). */
  readonly folders: FolderService;
  /** The folders as the gallery shows them: counts, live scans, background rescans. */
  readonly library: Library;
  /** Directories of this machine for the folder picker (names only; see [Note: the folder picker]). */
  readonly directories: DirectoryBrowser;
  readonly scanner: Scanner;
  /** Favourites, albums, looking photos up by id or path (src/collection). */
  readonly collection: Collection;
  /** The gallery's read side: timeline pages and buckets, details, albums, image files. */
  readonly gallery: Gallery;
  /** Browser copies of videos, one at a time beside the worker pool (jobs/transcoder.ts). */
  readonly transcoder: Transcoder;
  /** What the video routes send: the playable stream, 202 while transcoding, hover previews. */
  readonly videos: VideoFiles;
  /** The whole catalogue as one JSON document (src/interchange). */
  readonly exporter: ExportService;
  /** XMP sidecars beside the originals, written on request (src/interchange). */
  readonly sidecars: SidecarService;
  readonly trash: TrashService;
  /** Dates and places set by the user, in the catalogue only (src/collection/photo-edits.ts). */
  readonly edits: PhotoEdits;
  /** Indexing progress and control: counts per stage, rate, pause, failed jobs (src/jobs). */
  readonly indexing: IndexingStatus;
  /** The library's numbers for `picto status` and `GET /api/system`. */
  readonly status: LibraryStatus;
  /** Search box, places, duplicates, memories, map (src/search). */
  readonly discovery: Discovery;
  /** Faces grouped into people, corrections, suggestions, find-by-face (src/people). */
  readonly people: PeopleService;
  /** What remote workers are told and sent (the /api/work routes, src/remote/). */
  readonly work: WorkService;
  /** What kind of photo: a photo's categories, removals and undo, a category's photos. */
  readonly categories: CategoryService;
  private readonly activity: FolderActivity;
  private readonly overview: FolderOverview;
  private pool: WorkerPool | null = null;
  private executor: Executor | null = null;
  private runnerInstance: JobRunner | null = null;
  private watcher: LibraryWatcher | null = null;
  private offlineTimer: NodeJS.Timeout | null = null;
  private backupTimer: NodeJS.Timeout | null = null;
  private unsubscribeWatch: (() => void) | null = null;

  constructor(private readonly opts: PictoOptions = {}) {
    this.layout = dataLayout(resolveDataDir(opts.dataDir));
    mkdirSync(this.layout.thumbs, { recursive: true });
    this.repos = createRepos(
      openDatabase(this.layout.database, { backupDir: this.layout.backups }),
    );
    const forgetContent = (hash: string) => this.forgetContent(hash);
    this.folders = new FolderService({
      repos: this.repos,
      events: this.events,
      dataDir: this.layout.root,
      forgetContent,
    });
    this.directories = new DirectoryBrowser({
      dataDir: this.layout.root,
      libraryFolders: () => this.repos.folders.list().map((f) => f.path),
    });
    this.scanner = new Scanner({
      repos: this.repos,
      events: this.events,
      accept: isLibraryFile,
      forgetContent,
      exclude: [this.layout.root],
      // [Note: streaming scan]: thumbnails start with the first batch, not after the whole scan.
      onBatch: () => this.runnerInstance?.notify(),
      // [Note: scan pacing]: only this process's worker threads compete with the scan for CPU.
      pace: () => (this.pool ? (this.runnerInstance?.scanPacer() ?? null) : null),
      readSidecars: sidecarDirReader({
        repos: this.repos,
        events: this.events,
        stage: PIPELINE.interchange,
      }),
    });
    this.collection = new Collection(this.repos, this.events);
    this.transcoder = new Transcoder({
      repos: this.repos,
      events: this.events,
      thumbDir: this.layout.thumbs,
    });
    this.gallery = new Gallery({
      repos: this.repos,
      collection: this.collection,
      thumbDir: this.layout.thumbs,
      // The viewer pulls an opened photo's pending work forward ([Note: visible first]).
      opened: (id) => {
        if (this.repos.jobs.prioritize(id, OPENED_PRIORITY, new Date().toISOString()) > 0)
          this.runnerInstance?.notify();
      },
      transcodeProgress: (id) => this.transcoder.progress(id),
    });
    this.videos = new VideoFiles({
      repos: this.repos,
      videosDir: this.layout.videos,
      queue: this.transcoder,
    });
    this.exporter = new ExportService(this.repos);
    this.sidecars = new SidecarService(this.repos);
    this.trash = new TrashService({ repos: this.repos, events: this.events, forgetContent });
    this.discovery = new Discovery({
      repos: this.repos,
      events: this.events,
      trash: this.trash,
      collection: this.collection,
      dataDir: this.layout.root,
      textStages: { ocr: PIPELINE.ocr, semantic: PIPELINE.semantic },
      faceCropUrl: (faceId) => this.people.pages.cropUrl(faceId),
    });
    this.edits = new PhotoEdits({
      repos: this.repos,
      events: this.events,
      placesMoved: (ids) => this.discovery.places.refresh(ids),
      findPlace: (name) => this.discovery.places.byName(name),
      recategorize: (ids) => this.categories.refresh(ids),
      reimport: (ids) => this.reimport(ids),
    });
    queueNewStages(this.repos);
    this.people = new PeopleService({
      repos: this.repos,
      events: this.events,
      thumbDir: this.layout.thumbs,
    });
    this.work = new WorkService({
      repos: this.repos,
      gallery: this.gallery,
      publishing: () => this.opts.executor !== undefined,
    });
    this.categories = new CategoryService(this.repos, this.events);
    this.activity = new FolderActivity(this.events);
    this.overview = new FolderOverview(this.repos, this.events, this.activity);
    this.library = new Library({
      folders: this.folders,
      overview: this.overview,
      activity: this.activity,
      events: this.events,
      scan: (ids) => this.scan(ids),
      notify: () => this.runnerInstance?.notify(),
      // Not this.importReport: a page asking must not wait for a recluster under way; what is
      // still to come is counted in `pending`.
      importReport: async (ids) => importReport(this.repos, ids),
      onError: (message, err) =>
        process.stderr.write(`picto: ${message}: ${(err as Error)?.stack ?? err}\n`),
    });
    this.indexing = new IndexingStatus({
      repos: this.repos,
      events: this.events,
      runner: () => this.runner,
      runnerIfStarted: () => this.runnerInstance,
      workforce: () => this.workforce(),
    });
    this.status = new LibraryStatus({
      repos: this.repos,
      dataDir: this.layout.root,
      folders: this.overview,
      indexing: this.indexing,
    });
  }

  /** The job runner, with its worker pool started on first use. */
  get runner(): JobRunner {
    if (!this.runnerInstance) {
      const { workers, executor } = this.opts;
      if (workers === 0 && !executor)
        throw new Error('no worker threads and no other executor: nothing would index');
      this.pool = workers === 0 ? null : (this.opts.pool ?? new WorkerPool({ workers }));
      this.executor =
        executor?.({
          local: this.pool,
          repos: this.repos,
          thumbDir: this.layout.thumbs,
          work: this.work,
        }) ?? null;
      this.runnerInstance = new JobRunner({
        repos: this.repos,
        events: this.events,
        pool: (this.executor ?? this.pool)!,
        thumbDir: this.layout.thumbs,
        lane: this.transcoder,
      });
    }
    return this.runnerInstance;
  }

  /** Who runs the tasks: this process's threads, and remote workers with `--queue`. */
  private workforce(): Workforce | null {
    if (this.executor) return this.executor;
    const pool = this.pool;
    return pool
      ? {
          // A worker turned away is worth showing even here (it was pointed at this primary).
          workers: () => [localWorker(pool.size, pool.tally), ...this.work.refusals()],
          queue: () => undefined,
        }
      : null;
  }

  /** The runner if something already started it (never creates the worker pool). */
  get runnerIfStarted(): JobRunner | null {
    return this.runnerInstance;
  }

  /** Scans and lets the runner know there may be new work. */
  async scan(folderIds?: number[]) {
    const summary = await this.scanner.scan(folderIds);
    this.runnerInstance?.notify();
    return summary;
  }

  /**
   * What came in from sidecars (Google Takeout, other programs' XMP) for the photos of these
   * folders, once the naming of faces already under way has finished. See [Note: the import
   * report is read from the catalogue].
   */
  async importReport(folderIds: number[]): Promise<ImportReport> {
    await this.people.settled();
    return importReport(this.repos, folderIds);
  }

  /** The Takeout sidecars of these photos, read again (a date or place edit was taken back). */
  private reimport(ids: string[]): void {
    const queued = requeueTakeoutPhotos(
      this.repos,
      ids,
      PIPELINE.interchange,
      new Date().toISOString(),
    );
    if (queued) this.runnerInstance?.notify();
  }

  /** Scans only the given paths (what the watcher saw change) and wakes the runner. */
  async scanPaths(paths: string[]) {
    const summary = await this.scanner.scanPaths(paths);
    this.runnerInstance?.notify();
    return summary;
  }

  /**
   * Follows every library folder live (chokidar) and checks offline folders every 30 s, so a disk
   * that comes back is rescanned and its photos return with everything attached.
   */
  async startWatching(
    opts: { debounceMs?: number; stableMs?: number; offlineCheckMs?: number } = {},
  ) {
    if (this.watcher) return;
    // chokidar loads only in processes that follow the folders live (the server).
    const { LibraryWatcher } = await import('../library/watcher.js');
    if (this.watcher) return;
    this.watcher = new LibraryWatcher({
      folders: () => this.repos.folders.list().filter((f) => f.online),
      scanPaths: (paths) => this.scanPaths(paths),
      scanFolders: (ids) => this.scan(ids),
      // Sidecars too: a changed Takeout JSON or XMP file changes what is known of its photos.
      accept: (name) => isLibraryFile(name) || isSidecarName(name),
      exclude: [this.layout.root],
      debounceMs: opts.debounceMs,
      stableMs: opts.stableMs,
      onError: (message) => process.stderr.write(`picto: ${message}\n`),
    });
    await this.watcher.sync();
    this.unsubscribeWatch = this.events.on((e) => {
      if (e.type === 'folders.changed') void this.watcher?.sync();
    });
    this.offlineTimer = setInterval(
      () => void this.recheckOffline(),
      opts.offlineCheckMs ?? 30_000,
    );
    this.offlineTimer.unref();
  }

  /** Pending watcher events, scanned now (tests, shutdown). */
  async flushWatcher(): Promise<void> {
    await this.watcher?.flush();
  }

  private async recheckOffline(): Promise<void> {
    // Folders added or removed by another process (a CLI next to the server) are picked up here.
    await this.watcher?.sync();
    const offline = this.repos.folders.list().filter((f) => !f.online);
    if (offline.length === 0) return;
    const back: number[] = [];
    for (const f of offline) {
      if (
        await fs.stat(f.path).then(
          (s) => s.isDirectory(),
          () => false,
        )
      )
        back.push(f.id);
    }
    if (back.length) await this.scan(back);
  }

  /** The access token other machines must send to the server: made once, kept in the catalogue. */
  accessToken(): string {
    let token = this.repos.settings.get(TOKEN_SETTING);
    if (!token) {
      token = randomBytes(24).toString('base64url');
      this.repos.settings.set(TOKEN_SETTING, token);
    }
    return token;
  }

  /** Copies the catalogue now (online, consistent while indexing runs). */
  backup(kind: 'auto' | 'manual' = 'manual', dest?: string): Promise<BackupInfo> {
    return backupDatabase(this.repos.db, this.layout.backups, kind, dest);
  }

  /** Daily rotating backups while Picto runs (the newest 7 automatic ones are kept). */
  startAutoBackup(everyMs = 24 * 3600_000): void {
    if (this.backupTimer) return;
    const due = () => {
      const last = listBackups(this.layout.backups).find((b) => b.kind === 'auto');
      return !last || Date.now() - Date.parse(last.createdAt) >= everyMs;
    };
    const run = () => {
      if (!due()) return;
      this.backup('auto').catch((err: unknown) =>
        process.stderr.write(`picto: automatic backup failed: ${(err as Error).message}\n`),
      );
    };
    run();
    this.backupTimer = setInterval(run, Math.min(everyMs, 3600_000));
    this.backupTimer.unref();
  }

  /** Deletes derived files of content that left the catalogue, so rescans never leak thumbnails. */
  private async forgetContent(hash: string): Promise<void> {
    if (this.repos.photos.byHash(hash)) return;
    const paths = [
      ...Object.values(thumbnailPaths(this.layout.thumbs, hash)),
      ...Object.values(videoFilePaths(this.layout.videos, hash)),
    ];
    await Promise.all(paths.map((p) => fs.rm(p as string, { force: true })));
  }

  async close(): Promise<void> {
    await this.discovery.suggest.settled();
    this.discovery.dispose();
    this.overview.dispose();
    this.activity.dispose();
    this.indexing.dispose();
    await this.people.dispose();
    if (this.offlineTimer) clearInterval(this.offlineTimer);
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.unsubscribeWatch?.();
    await this.watcher?.close();
    this.watcher = null;
    if (this.runnerInstance) await this.runnerInstance.stop();
    if (this.executor) await this.executor.close();
    const pool = this.pool ?? this.opts.pool;
    if (pool) await pool.close();
    this.repos.db.close();
  }
}
