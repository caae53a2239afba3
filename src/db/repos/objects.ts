import type { Db } from '../connection.js';
import type { Box } from './faces.js';

export interface ObjectInput {
  label: string;
  score: number;
  box: Box;
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
   * Every object on a live photo, for the things page to count in one pass: [label, photo id,
   * score, content hash, has a thumbnail (1/0)]. A GROUP BY with a cover per label costs seconds
   * at 100k photos; one ordered scan costs a fraction of that.
   */
  liveObjects(): IterableIterator<[string, string, number, string, number]> {
    return this.db
      .prepare(
        `SELECT o.label, o.photo_id, o.score, p.content_hash, p.thumb_width IS NOT NULL
         FROM photo_objects o JOIN photos p ON p.id = o.photo_id WHERE p.trashed_at IS NULL`,
      )
      .raw()
      .iterate() as IterableIterator<[string, string, number, string, number]>;
  }

  /** What changes when objects are written (the last row id) or photos trashed and restored. */
  thingsStamp(): { last: number | null; trashed: number } {
    return this.db
      .prepare(
        `SELECT (SELECT MAX(rowid) FROM photo_objects) AS last,
                (SELECT COUNT(*) FROM photos WHERE trashed_at IS NOT NULL) AS trashed`,
      )
      .get() as { last: number | null; trashed: number };
  }
}
