import type { Db } from '../connection.js';
import type { Box } from './faces.js';

export interface ObjectInput {
  label: string;
  score: number;
  box: Box;
}

export interface LabelCount {
  label: string;
  photos: number;
  cover_id: string;
  cover_hash: string;
  /** Null while the cover photo has no thumbnail yet. */
  cover_thumb: number | null;
}

export interface ObjectRow {
  photo_id: string;
  label: string;
  score: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Objects found by the AI objects stage; boxes in oriented original pixels. */
export class ObjectsRepo {
  constructor(private readonly db: Db) {}

  replaceObjects(photoId: string, objects: ObjectInput[]): void {
    this.db.prepare('DELETE FROM photo_objects WHERE photo_id = ?').run(photoId);
    const ins = this.db.prepare(
      'INSERT INTO photo_objects (photo_id, label, score, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const o of objects) ins.run(photoId, o.label, o.score, ...o.box);
  }

  objectsForPhoto(photoId: string): ObjectRow[] {
    return this.db
      .prepare(
        'SELECT photo_id, label, score, x, y, w, h FROM photo_objects WHERE photo_id = ? ORDER BY score DESC',
      )
      .all(photoId) as ObjectRow[];
  }

  allObjects(): Map<string, ObjectRow[]> {
    const out = new Map<string, ObjectRow[]>();
    const rows = this.db
      .prepare(
        'SELECT photo_id, label, score, x, y, w, h FROM photo_objects ORDER BY photo_id, score DESC',
      )
      .iterate() as IterableIterator<ObjectRow>;
    for (const r of rows) {
      const list = out.get(r.photo_id);
      if (list) list.push(r);
      else out.set(r.photo_id, [r]);
    }
    return out;
  }

  /**
   * Tag counts for the things page: one row per label with how many live photos carry it, and the
   * photo where it was found most confidently (with a thumbnail if any) as a cover.
   */
  labelCounts(): LabelCount[] {
    return this.db
      .prepare(
        `SELECT label, photos, cover_id, cover_hash, cover_thumb FROM (
           SELECT o.label, COUNT(*) OVER w AS photos,
                  ROW_NUMBER() OVER (PARTITION BY o.label ORDER BY p.thumb_width IS NULL, o.score DESC, p.id) AS n,
                  p.id AS cover_id, p.content_hash AS cover_hash, p.thumb_width AS cover_thumb
           FROM (SELECT photo_id, label, MAX(score) AS score FROM photo_objects GROUP BY label, photo_id) o
           JOIN photos p ON p.id = o.photo_id
           WHERE p.trashed_at IS NULL
           WINDOW w AS (PARTITION BY o.label))
         WHERE n = 1 ORDER BY photos DESC, label`,
      )
      .all() as LabelCount[];
  }

  /** Live photos carrying any of the labels (a group tag's count: a cat-and-dog photo counts once). */
  countWithAny(labels: readonly string[]): number {
    if (!labels.length) return 0;
    const row = this.db
      .prepare(
        `SELECT COUNT(DISTINCT o.photo_id) AS n FROM photo_objects o JOIN photos p ON p.id = o.photo_id
         WHERE o.label IN (${labels.map(() => '?').join(',')}) AND p.trashed_at IS NULL`,
      )
      .get(...labels) as { n: number };
    return row.n;
  }
}
