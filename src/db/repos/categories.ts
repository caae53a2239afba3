import type { Db } from '../connection.js';
import type { TimelineKey, TimelineRow } from './timeline.js';
import { limitToPage, TIMELINE_COLUMNS } from './timeline.js';

/** A category of one photo as stored (src/categories owns what the names mean). */
export interface CategoryRow {
  name: string;
  score: number;
  reason: string;
  subtype: string | null;
}

/** The stored signals of one photo, JSON as written (src/categories parses them). */
export interface CategorySignalsRow {
  hints: string | null;
  pixels: string | null;
  /** The categories stage's version; null while only the text stage has written. */
  version: string | null;
  text: string | null;
  text_version: string | null;
}

/** Photo categories (migration "photo categories"): signals, results, the user's removals. */
export class CategoriesRepo {
  constructor(private readonly db: Db) {}

  /** What the categories stage read (hints, pixel statistics), keeping any text already found. */
  saveSignals(photoId: string, hints: string | null, pixels: string | null, version: string): void {
    this.db
      .prepare(
        `INSERT INTO photo_category_signals (photo_id, hints, pixels, version) VALUES (?, ?, ?, ?)
         ON CONFLICT (photo_id) DO UPDATE SET hints = excluded.hints, pixels = excluded.pixels,
           version = excluded.version`,
      )
      .run(photoId, hints, pixels, version);
  }

  /** What the text detector found on the sheet of paper (null: nothing to look at). */
  saveText(photoId: string, text: string | null, version: string): void {
    this.db
      .prepare(
        `INSERT INTO photo_category_signals (photo_id, text, text_version) VALUES (?, ?, ?)
         ON CONFLICT (photo_id) DO UPDATE SET text = excluded.text,
           text_version = excluded.text_version`,
      )
      .run(photoId, text, version);
  }

  signals(photoId: string): CategorySignalsRow | undefined {
    return this.db
      .prepare(
        'SELECT hints, pixels, version, text, text_version FROM photo_category_signals WHERE photo_id = ?',
      )
      .get(photoId) as CategorySignalsRow | undefined;
  }

  /** Replaces a photo's categories (call inside a transaction). */
  replace(photoId: string, rows: readonly CategoryRow[]): void {
    const old = this.forPhoto(photoId);
    // Unchanged results are not rewritten: the things page notices new rows by their rowid.
    if (
      old.length === rows.length &&
      old.every((o, i) => {
        const n = rows[i];
        return (
          o.name === n.name &&
          o.score === n.score &&
          o.reason === n.reason &&
          o.subtype === n.subtype
        );
      })
    )
      return;
    this.db.prepare('DELETE FROM photo_categories WHERE photo_id = ?').run(photoId);
    const ins = this.db.prepare(
      'INSERT INTO photo_categories (photo_id, name, score, reason, subtype) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of rows) ins.run(photoId, r.name, r.score, r.reason, r.subtype);
  }

  /** A photo's categories, in the order they were written. */
  forPhoto(photoId: string): CategoryRow[] {
    return this.db
      .prepare(
        'SELECT name, score, reason, subtype FROM photo_categories WHERE photo_id = ? ORDER BY rowid',
      )
      .all(photoId) as CategoryRow[];
  }

  /** Every photo's categories (the export document). */
  allByPhoto(): Map<string, CategoryRow[]> {
    const out = new Map<string, CategoryRow[]>();
    const rows = this.db
      .prepare(
        'SELECT photo_id, name, score, reason, subtype FROM photo_categories ORDER BY photo_id, rowid',
      )
      .iterate() as IterableIterator<CategoryRow & { photo_id: string }>;
    for (const { photo_id, ...r } of rows) {
      const list = out.get(photo_id);
      if (list) list.push(r);
      else out.set(photo_id, [r]);
    }
    return out;
  }

  /** The categories the user took this photo out of. */
  removals(photoId: string): string[] {
    return this.db
      .prepare('SELECT name FROM category_removals WHERE photo_id = ? ORDER BY at, name')
      .pluck()
      .all(photoId) as string[];
  }

  /**
   * Takes photos out of a category for good (the row goes, the removal stays). Returns the
   * photos that were in it.
   */
  remove(name: string, photoIds: readonly string[], now: string): string[] {
    const was = this.db.prepare('DELETE FROM photo_categories WHERE photo_id = ? AND name = ?');
    const keep = this.db.prepare(
      `INSERT INTO category_removals (photo_id, name, at) SELECT id, ?, ? FROM photos WHERE id = ?
       ON CONFLICT (photo_id, name) DO NOTHING`,
    );
    const changed: string[] = [];
    for (const id of photoIds) {
      if (was.run(id, name).changes) changed.push(id);
      keep.run(name, now, id);
    }
    return changed;
  }

  /** Forgets removals (undo); the caller recomputes the photos. Returns those that had one. */
  unremove(name: string, photoIds: readonly string[]): string[] {
    const del = this.db.prepare('DELETE FROM category_removals WHERE photo_id = ? AND name = ?');
    return photoIds.filter((id) => del.run(id, name).changes > 0);
  }

  /**
   * Every category row of a live photo, for the things page to count in one pass: [name, photo
   * id, score, content hash, has a thumbnail (1/0)].
   */
  liveCategories(): IterableIterator<[string, string, number, string, number]> {
    return this.db
      .prepare(
        `SELECT c.name, c.photo_id, c.score, p.content_hash, p.thumb_width IS NOT NULL
         FROM photo_categories c JOIN photos p ON p.id = c.photo_id WHERE p.trashed_at IS NULL`,
      )
      .raw()
      .iterate() as IterableIterator<[string, string, number, string, number]>;
  }

  /** Changes whenever a category row is written (the things page's cache key). */
  stamp(): number {
    return (
      (
        this.db.prepare('SELECT MAX(rowid) AS last FROM photo_categories').get() as {
          last: number | null;
        }
      ).last ?? 0
    );
  }

  /** One page of a category's photos, newest first (the timeline's keyset order). */
  page(
    name: string,
    opts: { limit: number; month?: string; after?: TimelineKey; subtype?: string },
  ): TimelineRow[] {
    const where = [
      'p.trashed_at IS NULL',
      `p.id IN (SELECT photo_id FROM photo_categories WHERE name = ?${opts.subtype ? ' AND subtype = ?' : ''})`,
    ];
    const params: unknown[] = [name, ...(opts.subtype ? [opts.subtype] : [])];
    limitToPage(where, params, opts);
    return this.db
      .prepare(
        `SELECT ${TIMELINE_COLUMNS} FROM photos p WHERE ${where.join(' AND ')}
         ORDER BY p.sort_at DESC, p.id DESC LIMIT ?`,
      )
      .all(...params, opts.limit) as TimelineRow[];
  }

  /** A category's photos per month, newest first. */
  buckets(name: string): { month: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT substr(p.sort_at, 1, 7) AS month, COUNT(*) AS count FROM photos p
         WHERE p.trashed_at IS NULL AND p.id IN (SELECT photo_id FROM photo_categories WHERE name = ?)
         GROUP BY month ORDER BY month DESC`,
      )
      .all(name) as { month: string; count: number }[];
  }
}
