import type { Db } from '../connection.js';

export interface FolderRow {
  id: number;
  path: string;
  ai_enabled: number;
  online: number;
  added_at: string;
  last_scan_at: string | null;
  last_scan_ms: number | null;
}

export class FoldersRepo {
  constructor(private readonly db: Db) {}

  list(): FolderRow[] {
    return this.db.prepare('SELECT * FROM folders ORDER BY path').all() as FolderRow[];
  }

  get(id: number): FolderRow | undefined {
    return this.db.prepare('SELECT * FROM folders WHERE id = ?').get(id) as FolderRow | undefined;
  }

  byPath(p: string): FolderRow | undefined {
    return this.db.prepare('SELECT * FROM folders WHERE path = ?').get(p) as FolderRow | undefined;
  }

  insert(p: string, now: string): FolderRow {
    this.db.prepare('INSERT INTO folders (path, added_at) VALUES (?, ?)').run(p, now);
    return this.byPath(p)!;
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM folders WHERE id = ?').run(id);
  }

  setOnline(id: number, online: boolean): void {
    this.db.prepare('UPDATE folders SET online = ? WHERE id = ?').run(online ? 1 : 0, id);
  }

  setAi(id: number, enabled: boolean): void {
    this.db.prepare('UPDATE folders SET ai_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
  }

  markScanned(id: number, at: string, ms: number): void {
    this.db
      .prepare('UPDATE folders SET last_scan_at = ?, last_scan_ms = ? WHERE id = ?')
      .run(at, ms, id);
  }

  /** Photo and problem counts per folder, for status screens. */
  stats(): { folder_id: number; photos: number; errors: number; pending: number }[] {
    return this.db
      .prepare(
        `SELECT l.folder_id,
                COUNT(DISTINCT l.photo_id) AS photos,
                COUNT(DISTINCT CASE WHEN p.status = 'error' THEN p.id END) AS errors,
                COUNT(DISTINCT CASE WHEN p.status = 'pending' THEN p.id END) AS pending
         FROM locations l JOIN photos p ON p.id = l.photo_id
         GROUP BY l.folder_id`,
      )
      .all() as { folder_id: number; photos: number; errors: number; pending: number }[];
  }
}
