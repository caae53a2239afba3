import type { Db } from '../connection.js';

export interface TrashedFile {
  photo_id: string;
  content_hash: string;
  location_id: number;
  path: string;
  size: number;
  mtime_ms: number;
}

/** The trash flag and what emptying the trash needs to know. */
export class TrashRepo {
  constructor(private readonly db: Db) {}

  /**
   * Sets or clears trashed_at; returns how many photos actually changed state. A Live Photo's MOV
   * goes (and comes back) with its still, uncounted: it is one item.
   */
  setTrashed(ids: string[], at: string | null): number {
    const motion = this.db.prepare(
      `UPDATE photos SET trashed_at = ?, updated_at = ?
       WHERE id = (SELECT motion_id FROM photos WHERE id = ?)`,
    );
    const stmt =
      at === null
        ? this.db.prepare(
            'UPDATE photos SET trashed_at = NULL, updated_at = ? WHERE id = ? AND trashed_at IS NOT NULL',
          )
        : this.db.prepare(
            'UPDATE photos SET trashed_at = ?, updated_at = ? WHERE id = ? AND trashed_at IS NULL',
          );
    const now = new Date().toISOString();
    let n = 0;
    for (const id of ids) {
      n += (at === null ? stmt.run(now, id) : stmt.run(at, now, id)).changes;
      motion.run(at, now, id);
    }
    return n;
  }

  trashedIds(): string[] {
    return (
      this.db
        .prepare(
          `SELECT id FROM photos WHERE trashed_at IS NOT NULL AND live_of IS NULL
           ORDER BY sort_at DESC, id DESC`,
        )
        .all() as { id: string }[]
    ).map((r) => r.id);
  }

  /** Every file of the given photos that are in the trash (others are ignored, never deleted). */
  filesOfTrashed(ids: string[]): TrashedFile[] {
    const stmt = this.db.prepare(
      `SELECT p.id AS photo_id, p.content_hash, l.id AS location_id, l.path, l.size, l.mtime_ms
       FROM photos p JOIN locations l ON l.photo_id = p.id
       WHERE (p.id = ? OR p.live_of = ?) AND p.trashed_at IS NOT NULL ORDER BY l.path`,
    );
    return ids.flatMap((id) => stmt.all(id, id) as TrashedFile[]);
  }

  isTrashed(id: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM photos WHERE id = ? AND trashed_at IS NOT NULL').get(id) !==
      undefined
    );
  }
}
