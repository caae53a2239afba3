import type { Db } from '../connection.js';

export interface TextLine {
  text: string;
  score: number;
  box: [number, number, number, number];
}

/** Text found in photos (OCR), and the queue of photos still to read. */
export class PhotoTextRepo {
  constructor(private readonly db: Db) {}

  save(photoId: string, lines: TextLine[], version: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO photo_text (photo_id, text, lines, version, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (photo_id) DO UPDATE SET text = excluded.text, lines = excluded.lines,
           version = excluded.version, created_at = excluded.created_at`,
      )
      .run(photoId, lines.map((l) => l.text).join('\n'), JSON.stringify(lines), version, now);
  }

  forPhoto(photoId: string): { text: string; lines: TextLine[] } | null {
    const r = this.db
      .prepare('SELECT text, lines FROM photo_text WHERE photo_id = ?')
      .get(photoId) as { text: string; lines: string } | undefined;
    return r ? { text: r.text, lines: JSON.parse(r.lines) as TextLine[] } : null;
  }

  /**
   * Queues up to `limit` photos for a low-priority stage: ready photos in folders with AI on that
   * never had it, or had it from another version.
   */
  queue(stage: string, version: string, priority: number, limit: number, now: string): number {
    const again = this.db
      .prepare(
        `UPDATE jobs SET status = 'pending', attempts = 0, last_error = NULL, priority = ?, updated_at = ?
         WHERE rowid IN (SELECT rowid FROM jobs WHERE stage = ? AND status = 'done' AND version IS NOT ? LIMIT ?)`,
      )
      .run(priority, now, stage, version, limit).changes;
    const fresh = this.db
      .prepare(
        `INSERT INTO jobs (photo_id, stage, status, priority, updated_at)
         SELECT p.id, ?, 'pending', ?, ? FROM photos p
         WHERE p.status = 'ready' AND p.trashed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.photo_id = p.id AND j.stage = ?)
           AND EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id
                       WHERE l.photo_id = p.id AND f.ai_enabled = 1)
         LIMIT ?`,
      )
      .run(stage, priority, now, stage, Math.max(0, limit - again)).changes;
    return again + fresh;
  }

  /** Pending work of a stage (to switch it off: drop what was queued, keep what was read). */
  dropPending(stage: string): number {
    return this.db.prepare(`DELETE FROM jobs WHERE stage = ? AND status = 'pending'`).run(stage)
      .changes;
  }

  counts(stage: string): { done: number; pending: number; withText: number } {
    return this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM jobs WHERE stage = ? AND status = 'done') AS done,
                (SELECT COUNT(*) FROM jobs WHERE stage = ? AND status IN ('pending', 'running')) AS pending,
                (SELECT COUNT(*) FROM photo_text WHERE text != '') AS withText`,
      )
      .get(stage, stage) as { done: number; pending: number; withText: number };
  }
}
