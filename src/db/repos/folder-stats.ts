import type { Db } from '../connection.js';

export interface FolderCounts {
  /**
   * Photos and videos of the folder as the gallery shows them: outside the trash, a Live Photo
   * once (its MOV is part of the still), a photo once however many copies of it the folder holds.
   */
  photos: number;
  /** Of the folder's photos outside the trash: still waiting for thumbnails and metadata. */
  pending: number;
  /** Of the folder's photos outside the trash: could not be decoded. */
  errors: number;
  /** The folder's photos in the trash (not in `photos`), each once. */
  trashed: number;
}

/** The library as the Photos page counts it (the timeline's own month counts), and its trash. */
export interface LibraryCounts {
  photos: number;
  pending: number;
  errors: number;
  trashed: number;
}

// [Note: folder counts agree with the gallery] The Photos page counts the timeline (outside the
// trash, a Live Photo's MOV not apart), and a photo is one item there however many files hold it
// (identity by content), so a folder counts the distinct photos its files hold, less those in the
// trash and the Live Photo motions; "16 of 16 ready" beside a Photos page of 15 (one in the
// trash) was a bug, and so was "2 photos" for two copies of one photo in one folder. The
// distinct photos per folder come from the (folder_id, photo_id) index alone (migration 15:
// ~8 ms at 100k files, where counting files took ~3.5 ms and COUNT(DISTINCT) through the
// table ~28 ms; all the counts ~14 ms, asked at most once a second). The trashed photos and Live
// Photo motions are few and found through their partial indexes (photos_trash,
// photos_live_of): an IN subquery keeps the planner on them (a JOIN scanned every photo,
// ~150 ms at 100k; this is ~0.2 ms).

/**
 * Per-folder counts for the folders page, cheap at 100k photos: photos from the folder index
 * alone, then only the few photos that are trashed, Live Photo motions or not ready joined to
 * their folders. The full DISTINCT join over every photo took ~210 ms, on the thread that serves
 * the gallery.
 */
export class FolderStatsRepo {
  constructor(private readonly db: Db) {}

  counts(): Map<number, FolderCounts> {
    const out = new Map<number, FolderCounts>();
    const get = (id: number) => {
      let c = out.get(id);
      if (!c) {
        c = { photos: 0, pending: 0, errors: 0, trashed: 0 };
        out.set(id, c);
      }
      return c;
    };
    const held = this.db
      .prepare('SELECT folder_id, COUNT(DISTINCT photo_id) AS n FROM locations GROUP BY folder_id')
      .all() as { folder_id: number; n: number }[];
    for (const r of held) get(r.folder_id).photos = r.n;
    const apart = this.db
      .prepare(
        `SELECT folder_id, 'motion' AS why, COUNT(DISTINCT photo_id) AS n FROM locations
         WHERE photo_id IN (SELECT id FROM photos WHERE live_of IS NOT NULL) GROUP BY folder_id
         UNION ALL
         SELECT folder_id, 'trash' AS why, COUNT(DISTINCT photo_id) AS n FROM locations
         WHERE photo_id IN (SELECT id FROM photos WHERE trashed_at IS NOT NULL AND live_of IS NULL)
         GROUP BY folder_id`,
      )
      .all() as { folder_id: number; why: 'motion' | 'trash'; n: number }[];
    for (const r of apart) {
      const c = get(r.folder_id);
      c.photos -= r.n;
      if (r.why === 'trash') c.trashed = r.n;
    }
    const open = this.db
      .prepare(
        `SELECT l.folder_id, p.status, COUNT(DISTINCT p.id) AS n
         FROM photos p JOIN locations l ON l.photo_id = p.id
         WHERE p.status IN ('pending', 'error') AND p.trashed_at IS NULL AND p.live_of IS NULL
         GROUP BY l.folder_id, p.status`,
      )
      .all() as { folder_id: number; status: 'pending' | 'error'; n: number }[];
    for (const r of open) {
      if (r.status === 'pending') get(r.folder_id).pending = r.n;
      else get(r.folder_id).errors = r.n;
    }
    return out;
  }

  /** The whole library, each photo once (a photo in two folders is one photo here). */
  library(): LibraryCounts {
    const months = this.db
      .prepare(
        `SELECT scope, COALESCE(SUM(n), 0) AS n FROM photo_month_counts
         WHERE scope IN ('all', 'trash') GROUP BY scope`,
      )
      .all() as { scope: 'all' | 'trash'; n: number }[];
    const open = this.db
      .prepare(
        `SELECT status, COUNT(*) AS n FROM photos
         WHERE status IN ('pending', 'error') AND trashed_at IS NULL AND live_of IS NULL
         GROUP BY status`,
      )
      .all() as { status: 'pending' | 'error'; n: number }[];
    return {
      photos: months.find((m) => m.scope === 'all')?.n ?? 0,
      trashed: months.find((m) => m.scope === 'trash')?.n ?? 0,
      pending: open.find((r) => r.status === 'pending')?.n ?? 0,
      errors: open.find((r) => r.status === 'error')?.n ?? 0,
    };
  }
}
