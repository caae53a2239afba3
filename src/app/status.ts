import type { Repos } from '../db/index.js';
import { schemaVersion } from '../db/migrate.js';
import type { StageCounts } from '../db/repos/jobs.js';
import type { IndexingStatus } from '../jobs/status.js';
import type { FolderOverview } from '../library/overview.js';
import type { LibraryTotals, SystemInfo } from '../shared/api.js';

export interface StatusDeps {
  repos: Repos;
  dataDir: string;
  folders: FolderOverview;
  indexing: IndexingStatus;
}

export type PhotoTotals = SystemInfo['photos'];

/** `picto status --json`: extend it, never break it. */
export interface LibrarySummary {
  dataDir: string;
  schemaVersion: number;
  /** Every photo, the trashed too (`trashed` says how many). */
  photos: PhotoTotals;
  /** The library as the Photos page and the folders page count it: outside the trash. */
  library: LibraryTotals;
  folders: {
    id: number;
    path: string;
    online: boolean;
    ai: boolean;
    /** As the Photos page counts them: outside the trash, a Live Photo once. */
    photos: number;
    errors: number;
    pending: number;
    /** In the trash, apart from `photos`. */
    trashed: number;
    lastScanAt: string | null;
  }[];
  jobs: StageCounts[];
  albums: number;
  unreadableFiles: number;
  /** Videos (Live Photo motions apart) by transcode state, and Live Photos. */
  videos: { total: number; live: number; playable: number; transcodes: Record<string, number> };
}

/**
 * The library's numbers, counted one way for every shell: `picto status`, `GET /api/system` and
 * the indexing status (`GET /api/jobs`, the sidebar) read them from here.
 */
export class LibraryStatus {
  constructor(private readonly deps: StatusDeps) {}

  photos(): PhotoTotals {
    const { repos } = this.deps;
    const { favourites, trashed } = repos.timeline.counts();
    // Items as the gallery shows them: a Live Photo's MOV is part of its still (not a photo).
    const byStatus = repos.photos.countByStatus();
    const total = byStatus.pending + byStatus.ready + byStatus.error;
    return { total, ...byStatus, favourites, trashed };
  }

  /** What `GET /api/system` adds its name and version to. */
  system(): Omit<SystemInfo, 'name' | 'version'> {
    const { repos } = this.deps;
    return {
      dataDir: this.deps.dataDir,
      schemaVersion: schemaVersion(repos.db),
      photos: this.photos(),
      folders: repos.folders.list().length,
      albums: repos.albums.list().length,
    };
  }

  summary(): LibrarySummary {
    const { repos } = this.deps;
    return {
      dataDir: this.deps.dataDir,
      schemaVersion: schemaVersion(repos.db),
      photos: this.photos(),
      library: this.deps.folders.totals(),
      folders: this.deps.folders.list().map((f) => ({
        id: f.id,
        path: f.path,
        online: f.online,
        ai: f.ai,
        photos: f.photos,
        errors: f.errors,
        pending: f.pending,
        trashed: f.trashed,
        lastScanAt: f.lastScanAt,
      })),
      jobs: this.deps.indexing.stages(),
      albums: repos.albums.list().length,
      unreadableFiles: this.deps.folders.unreadableFiles(),
      videos: this.videos(),
    };
  }

  videos(): LibrarySummary['videos'] {
    const c = this.deps.repos.videos.transcodeCounts();
    return {
      total: c.videos,
      live: c.live,
      playable: c.none + c.done,
      transcodes: { pending: c.pending, running: c.running, done: c.done, failed: c.failed },
    };
  }
}
