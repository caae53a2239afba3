import { mkdirSync, promises as fs } from 'node:fs';
import { createRepos, openDatabase, type Repos } from '../db/index.js';
import '../jobs/ai-stages.js';
import { JobRunner } from '../jobs/runner.js';
import { WorkerPool } from '../jobs/pool.js';
import { Catalog } from '../catalog/catalog.js';
import { TrashService } from '../catalog/trash.js';
import { FolderService } from '../library/folders.js';
import { Scanner } from '../library/scanner.js';
import { isCandidateFile, thumbnailPaths } from '../media/index.js';
import { EventBus } from '../shared/events.js';
import { dataLayout, resolveDataDir, type DataLayout } from './paths.js';

export interface PictoOptions {
  dataDir?: string;
  workers?: number;
}

/**
 * The composition root: one catalogue, its services and (lazily) the indexing workers. The CLI, the
 * server and the tests all start here, so they behave the same.
 */
export class Picto {
  readonly layout: DataLayout;
  readonly repos: Repos;
  readonly events = new EventBus();
  readonly folders: FolderService;
  readonly scanner: Scanner;
  readonly catalog: Catalog;
  readonly trash: TrashService;
  private pool: WorkerPool | null = null;
  private runnerInstance: JobRunner | null = null;

  constructor(private readonly opts: PictoOptions = {}) {
    this.layout = dataLayout(resolveDataDir(opts.dataDir));
    mkdirSync(this.layout.thumbs, { recursive: true });
    this.repos = createRepos(openDatabase(this.layout.database));
    const forgetContent = (hash: string) => this.forgetContent(hash);
    this.folders = new FolderService({
      repos: this.repos,
      events: this.events,
      dataDir: this.layout.root,
      forgetContent,
    });
    this.scanner = new Scanner({
      repos: this.repos,
      events: this.events,
      accept: isCandidateFile,
      forgetContent,
      exclude: [this.layout.root],
    });
    this.catalog = new Catalog(this.repos, this.events);
    this.trash = new TrashService({ repos: this.repos, events: this.events, forgetContent });
  }

  /** The job runner, with its worker pool started on first use. */
  get runner(): JobRunner {
    if (!this.runnerInstance) {
      this.pool = new WorkerPool({ workers: this.opts.workers });
      this.runnerInstance = new JobRunner({
        repos: this.repos,
        events: this.events,
        pool: this.pool,
        thumbDir: this.layout.thumbs,
      });
    }
    return this.runnerInstance;
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

  /** Deletes derived files of content that left the catalogue, so rescans never leak thumbnails. */
  private async forgetContent(hash: string): Promise<void> {
    if (this.repos.photos.byHash(hash)) return;
    const paths = thumbnailPaths(this.layout.thumbs, hash);
    await Promise.all(Object.values(paths).map((p) => fs.rm(p as string, { force: true })));
  }

  async close(): Promise<void> {
    if (this.runnerInstance) await this.runnerInstance.stop();
    if (this.pool) await this.pool.close();
    this.repos.db.close();
  }
}
