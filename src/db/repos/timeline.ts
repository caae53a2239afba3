import type { Db } from '../connection.js';

/** Which photos a listing shows. Trashed photos appear only in the trash. */
export type TimelineScope =
  { kind: 'all' } | { kind: 'favourites' } | { kind: 'trash' } | { kind: 'album'; albumId: number };

/** The slim row the grid needs: nothing the timeline does not draw. */
export interface TimelineRow {
  id: string;
  content_hash: string;
  sort_at: string;
  width: number | null;
  height: number | null;
  thumb_width: number | null;
  thumb_height: number | null;
  favourite: number;
  status: 'pending' | 'ready' | 'error';
  kind: 'photo' | 'video' | 'live';
  duration_ms: number | null;
}

/** Position of the last row of a page: pages continue strictly after it. */
export interface TimelineKey {
  sortAt: string;
  id: string;
}

export interface PageOptions {
  after?: TimelineKey;
  limit: number;
  /** YYYY-MM: only that month. */
  month?: string;
}

/** The columns of a TimelineRow, for every source of grid pages (categories.ts too). */
export const TIMELINE_COLUMNS = `p.id, p.content_hash, p.sort_at, p.width, p.height, p.thumb_width,
  p.thumb_height, p.favourite, p.status, p.kind, p.duration_ms`;

/** Adds a grid page's limits to a query: within `opts.month`, and after the cursor `opts.after`. */
export function limitToPage(
  where: string[],
  params: unknown[],
  opts: Pick<PageOptions, 'month' | 'after'>,
): void {
  if (opts.month) {
    where.push('p.sort_at >= ? AND p.sort_at < ?');
    params.push(opts.month, nextMonth(opts.month));
  }
  if (opts.after) {
    where.push('(p.sort_at, p.id) < (?, ?)');
    params.push(opts.after.sortAt, opts.after.id);
  }
}

/**
 * Timeline listings with keyset pagination on (sort_at DESC, id DESC). Every scope's WHERE clause
 * repeats its partial index's predicate word for word (photos_timeline, photos_favourites,
 * photos_trash) so SQLite walks the index instead of sorting: a page costs the same at row 100 000
 * as at row 0, and a photo added while someone pages never shifts or repeats rows.
 */
export class TimelineRepo {
  constructor(private readonly db: Db) {}

  private scopeSql(scope: TimelineScope): { from: string; where: string; params: unknown[] } {
    switch (scope.kind) {
      case 'all':
        return {
          from: 'photos p',
          where: 'p.trashed_at IS NULL AND p.live_of IS NULL',
          params: [],
        };
      case 'favourites':
        return {
          from: 'photos p',
          where: 'p.favourite = 1 AND p.trashed_at IS NULL AND p.live_of IS NULL',
          params: [],
        };
      case 'trash':
        return {
          from: 'photos p',
          where: 'p.trashed_at IS NOT NULL AND p.live_of IS NULL',
          params: [],
        };
      case 'album':
        return {
          from: 'album_photos ap JOIN photos p ON p.id = ap.photo_id',
          where: 'ap.album_id = ? AND p.trashed_at IS NULL AND p.live_of IS NULL',
          params: [scope.albumId],
        };
    }
  }

  page(scope: TimelineScope, opts: PageOptions): TimelineRow[] {
    const s = this.scopeSql(scope);
    const where = [s.where];
    const params: unknown[] = [...s.params];
    limitToPage(where, params, opts);
    const sql = `SELECT ${TIMELINE_COLUMNS} FROM ${s.from} WHERE ${where.join(' AND ')}
      ORDER BY p.sort_at DESC, p.id DESC LIMIT ?`;
    return this.db.prepare(sql).all(...params, opts.limit) as TimelineRow[];
  }

  /**
   * Photo counts per month, newest first: the UI sizes the whole scroll area from these. The
   * library-wide scopes read the trigger-maintained photo_month_counts (migration 6); an album is
   * small enough to count directly.
   */
  buckets(scope: TimelineScope): { month: string; count: number }[] {
    if (scope.kind !== 'album') {
      return this.db
        .prepare(
          `SELECT month, n AS count FROM photo_month_counts WHERE scope = ? AND n > 0 ORDER BY month DESC`,
        )
        .all(scope.kind) as { month: string; count: number }[];
    }
    const s = this.scopeSql(scope);
    const sql = `SELECT substr(p.sort_at, 1, 7) AS month, COUNT(*) AS count FROM ${s.from}
      WHERE ${s.where} GROUP BY month ORDER BY month DESC`;
    return this.db.prepare(sql).all(...s.params) as { month: string; count: number }[];
  }

  /** The month's change counter (migration 7); 0 for a month unchanged since before it existed. */
  monthVersion(month: string): number {
    const r = this.db
      .prepare('SELECT version FROM photo_month_versions WHERE month = ?')
      .get(month) as { version: number } | undefined;
    return r?.version ?? 0;
  }

  /** The newest photo of each album (preferring ones with a thumbnail): the cover when none was chosen. */
  latestPerAlbum(): Map<number, { id: string; content_hash: string; thumb_width: number | null }> {
    const rows = this.db
      .prepare(
        `SELECT album_id, id, content_hash, thumb_width FROM (
         SELECT ap.album_id, p.id, p.content_hash, p.thumb_width,
                ROW_NUMBER() OVER (PARTITION BY ap.album_id
                   ORDER BY p.thumb_width IS NULL, p.sort_at DESC, p.id DESC) AS n
         FROM album_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE p.trashed_at IS NULL)
       WHERE n = 1`,
      )
      .all() as {
      album_id: number;
      id: string;
      content_hash: string;
      thumb_width: number | null;
    }[];
    return new Map(rows.map((r) => [r.album_id, r]));
  }

  /** Thumbnail facts of a few photos (album covers). */
  thumbFacts(ids: string[]): Map<string, { content_hash: string; thumb_width: number | null }> {
    const out = new Map<string, { content_hash: string; thumb_width: number | null }>();
    const stmt = this.db.prepare('SELECT content_hash, thumb_width FROM photos WHERE id = ?');
    for (const id of ids) {
      const r = stmt.get(id) as { content_hash: string; thumb_width: number | null } | undefined;
      if (r) out.set(id, r);
    }
    return out;
  }

  /** Live album photo counts (trashed photos do not count). */
  albumCounts(): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT ap.album_id, COUNT(*) AS n FROM album_photos ap JOIN photos p ON p.id = ap.photo_id
       WHERE p.trashed_at IS NULL GROUP BY ap.album_id`,
      )
      .all() as { album_id: number; n: number }[];
    return new Map(rows.map((r) => [r.album_id, r.n]));
  }

  counts(): { favourites: number; trashed: number } {
    return this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM photos
                 WHERE favourite = 1 AND trashed_at IS NULL AND live_of IS NULL) AS favourites,
              (SELECT COUNT(*) FROM photos WHERE trashed_at IS NOT NULL AND live_of IS NULL) AS trashed`,
      )
      .get() as { favourites: number; trashed: number };
  }
}

/** "2024-12" → "2025-01": the exclusive upper bound of a month on sort_at strings. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
