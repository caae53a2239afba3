import type { Db } from '../connection.js';

export interface LocationRow {
  id: number;
  photo_id: string;
  folder_id: number;
  path: string;
  size: number;
  mtime_ms: number;
  first_seen_at: string;
}

/** The minimum a rescan needs to decide "unchanged" without touching the file. */
export interface KnownFile {
  id: number;
  photo_id: string;
  path: string;
  size: number;
  mtime_ms: number;
}

export class LocationsRepo {
  constructor(private readonly db: Db) {}

  knownInFolder(folderId: number): KnownFile[] {
    return this.db
      .prepare('SELECT id, photo_id, path, size, mtime_ms FROM locations WHERE folder_id = ?')
      .raw(false)
      .all(folderId) as KnownFile[];
  }

  /** Known files at a path or below it (for targeted scans of one subtree). */
  knownUnder(folderId: number, root: string): KnownFile[] {
    const dir = root.endsWith('/') ? root : root + '/';
    // '0' sorts right after '/', so [dir, dir0) is exactly the paths under dir.
    const end = dir.slice(0, -1) + '0';
    return this.db
      .prepare(
        `SELECT id, photo_id, path, size, mtime_ms FROM locations
         WHERE folder_id = ? AND (path = ? OR (path >= ? AND path < ?))`,
      )
      .all(folderId, root, dir, end) as KnownFile[];
  }

  byPath(p: string): LocationRow | undefined {
    return this.db.prepare('SELECT * FROM locations WHERE path = ?').get(p) as
      LocationRow | undefined;
  }

  forPhoto(photoId: string): LocationRow[] {
    return this.db
      .prepare('SELECT * FROM locations WHERE photo_id = ? ORDER BY path')
      .all(photoId) as LocationRow[];
  }

  countForPhoto(photoId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM locations WHERE photo_id = ?').get(photoId) as {
        n: number;
      }
    ).n;
  }

  insert(row: Omit<LocationRow, 'id'>): void {
    this.db
      .prepare(
        `INSERT INTO locations (photo_id, folder_id, path, size, mtime_ms, first_seen_at)
         VALUES (@photo_id, @folder_id, @path, @size, @mtime_ms, @first_seen_at)`,
      )
      .run(row);
  }

  updateStat(id: number, size: number, mtimeMs: number): void {
    this.db
      .prepare('UPDATE locations SET size = ?, mtime_ms = ? WHERE id = ?')
      .run(size, mtimeMs, id);
  }

  repoint(id: number, photoId: string, size: number, mtimeMs: number): void {
    this.db
      .prepare('UPDATE locations SET photo_id = ?, size = ?, mtime_ms = ? WHERE id = ?')
      .run(photoId, size, mtimeMs, id);
  }

  /** Photos with a file in the folder. */
  photoIdsInFolder(folderId: number): string[] {
    return this.db
      .prepare('SELECT DISTINCT photo_id FROM locations WHERE folder_id = ?')
      .pluck()
      .all(folderId) as string[];
  }

  /** Hands a folder's files to another folder (a parent folder added to the library absorbs it). */
  moveFolder(fromFolderId: number, toFolderId: number): void {
    this.db
      .prepare('UPDATE locations SET folder_id = ? WHERE folder_id = ?')
      .run(toFolderId, fromFolderId);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM locations WHERE id = ?').run(id);
  }

  /** All paths of every photo, grouped, for export and listings. */
  allPaths(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const rows = this.db
      .prepare('SELECT photo_id, path FROM locations ORDER BY path')
      .iterate() as IterableIterator<{ photo_id: string; path: string }>;
    for (const r of rows) {
      const list = out.get(r.photo_id);
      if (list) list.push(r.path);
      else out.set(r.photo_id, [r.path]);
    }
    return out;
  }
}
