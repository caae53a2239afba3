import type { Db } from '../connection.js';

export interface TextLine {
  text: string;
  score: number;
  box: [number, number, number, number];
}

/** Text found in photos (OCR). */
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
