import type { Db } from '../connection.js';
import { updateRow } from './update-row.js';

export interface AlbumRow {
  id: number;
  name: string;
  description: string;
  cover_photo_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlbumWithCount extends AlbumRow {
  photo_count: number;
}

export class AlbumsRepo {
  constructor(private readonly db: Db) {}

  list(): AlbumWithCount[] {
    return this.db
      .prepare(
        `SELECT a.*, COUNT(ap.photo_id) AS photo_count
         FROM albums a LEFT JOIN album_photos ap ON ap.album_id = a.id
         GROUP BY a.id ORDER BY a.name COLLATE NOCASE`,
      )
      .all() as AlbumWithCount[];
  }

  get(id: number): AlbumRow | undefined {
    return this.db.prepare('SELECT * FROM albums WHERE id = ?').get(id) as AlbumRow | undefined;
  }

  byName(name: string): AlbumRow | undefined {
    return this.db.prepare('SELECT * FROM albums WHERE name = ?').get(name) as AlbumRow | undefined;
  }

  insert(name: string, description: string, now: string): AlbumRow {
    const info = this.db
      .prepare('INSERT INTO albums (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, description, now, now);
    return this.get(Number(info.lastInsertRowid))!;
  }

  update(
    id: number,
    fields: { name?: string; description?: string; cover_photo_id?: string | null },
    now: string,
  ): void {
    updateRow(this.db, 'albums', ['name', 'description', 'cover_photo_id'], id, fields, now);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM albums WHERE id = ?').run(id);
  }

  addPhotos(albumId: number, photoIds: string[], now: string): number {
    const stmt = this.db.prepare(
      'INSERT OR IGNORE INTO album_photos (album_id, photo_id, added_at) VALUES (?, ?, ?)',
    );
    let n = 0;
    for (const id of photoIds) n += stmt.run(albumId, id, now).changes;
    if (n) this.touch(albumId, now);
    return n;
  }

  removePhotos(albumId: number, photoIds: string[], now: string): number {
    const stmt = this.db.prepare('DELETE FROM album_photos WHERE album_id = ? AND photo_id = ?');
    let n = 0;
    for (const id of photoIds) n += stmt.run(albumId, id).changes;
    if (n) this.touch(albumId, now);
    return n;
  }

  private touch(albumId: number, now: string): void {
    this.db.prepare('UPDATE albums SET updated_at = ? WHERE id = ?').run(now, albumId);
  }

  /** The album's photos, newest first; `live`: outside the trash only. */
  photoIds(albumId: number, opts: { live?: boolean } = {}): string[] {
    const live = opts.live ? 'AND p.trashed_at IS NULL' : '';
    return (
      this.db
        .prepare(
          `SELECT ap.photo_id FROM album_photos ap JOIN photos p ON p.id = ap.photo_id
           WHERE ap.album_id = ? ${live} ORDER BY p.sort_at DESC, p.id DESC`,
        )
        .all(albumId) as { photo_id: string }[]
    ).map((r) => r.photo_id);
  }

  /** Album names per photo id, for export and details. */
  namesByPhoto(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const rows = this.db
      .prepare(
        `SELECT ap.photo_id, a.name FROM album_photos ap JOIN albums a ON a.id = ap.album_id
         ORDER BY a.name COLLATE NOCASE`,
      )
      .iterate() as IterableIterator<{ photo_id: string; name: string }>;
    for (const r of rows) {
      const list = out.get(r.photo_id);
      if (list) list.push(r.name);
      else out.set(r.photo_id, [r.name]);
    }
    return out;
  }

  namesForPhoto(photoId: string): { id: number; name: string }[] {
    return this.db
      .prepare(
        `SELECT a.id, a.name FROM album_photos ap JOIN albums a ON a.id = ap.album_id
         WHERE ap.photo_id = ? ORDER BY a.name COLLATE NOCASE`,
      )
      .all(photoId) as { id: number; name: string }[];
  }
}
