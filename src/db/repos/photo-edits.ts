import type { Db } from '../connection.js';

/** A date or place the user set (migration 14), with what the file itself says. */
export interface PhotoEditRow {
  photo_id: string;
  date_set: number;
  taken_at: string | null;
  taken_offset: number | null;
  place_set: number;
  lat: number | null;
  lon: number | null;
  file_taken_at: string | null;
  file_taken_offset: number | null;
  file_taken_source: string | null;
  file_sort_at: string | null;
  file_lat: number | null;
  file_lon: number | null;
  file_alt: number | null;
  edited_at: string;
}

/**
 * Dates and places set by the user, stored in the catalogue only. photos.taken_at / sort_at /
 * lat / lon carry the user's values, so the timeline, search, the map and places read them like
 * any other; photo_edits keeps the user's values (to put back after the file is read again) and
 * the file's (to go back to them). See [Note: the user's date wins].
 */
export class PhotoEditsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): PhotoEditRow | undefined {
    return this.db.prepare('SELECT * FROM photo_edits WHERE photo_id = ?').get(id) as
      PhotoEditRow | undefined;
  }

  /** Every edit, by photo id (the export). */
  all(): Map<string, PhotoEditRow> {
    const rows = this.db.prepare('SELECT * FROM photo_edits').all() as PhotoEditRow[];
    return new Map(rows.map((r) => [r.photo_id, r]));
  }

  /** An edit row for the photo, holding what its file says now (before the first edit). */
  private ensure(id: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO photo_edits (photo_id, file_taken_at, file_taken_offset, file_taken_source,
           file_sort_at, file_lat, file_lon, file_alt, edited_at)
         SELECT id, taken_at, taken_offset, taken_source, sort_at, lat, lon, alt, ? FROM photos WHERE id = ?
         ON CONFLICT (photo_id) DO NOTHING`,
      )
      .run(now, id);
  }

  /** The user's capture time (local wall clock, ISO without offset) and its UTC offset. */
  setDate(id: string, takenAt: string, offset: number | null, now: string): void {
    this.ensure(id, now);
    this.db
      .prepare(
        `UPDATE photo_edits SET date_set = 1, taken_at = ?, taken_offset = ?, edited_at = ?
         WHERE photo_id = ?`,
      )
      .run(takenAt, offset, now, id);
    this.db
      .prepare(
        `UPDATE photos SET taken_at = ?, taken_offset = ?, taken_source = 'user', sort_at = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(takenAt, offset, takenAt, now, id);
  }

  /** The user's position (altitude dropped: the file's belongs to the file's position). */
  setPlace(id: string, lat: number, lon: number, now: string): void {
    this.ensure(id, now);
    this.db
      .prepare(
        'UPDATE photo_edits SET place_set = 1, lat = ?, lon = ?, edited_at = ? WHERE photo_id = ?',
      )
      .run(lat, lon, now, id);
    this.db
      .prepare('UPDATE photos SET lat = ?, lon = ?, alt = NULL, updated_at = ? WHERE id = ?')
      .run(lat, lon, now, id);
  }

  /** Back to the date in the file. */
  resetDate(id: string, now: string): boolean {
    const changed = this.db
      .prepare(
        `UPDATE photos SET taken_at = e.file_taken_at, taken_offset = e.file_taken_offset,
           taken_source = e.file_taken_source, sort_at = COALESCE(e.file_sort_at, photos.sort_at),
           updated_at = ?
         FROM photo_edits e WHERE e.photo_id = photos.id AND photos.id = ? AND e.date_set = 1`,
      )
      .run(now, id).changes;
    this.db
      .prepare(
        `UPDATE photo_edits SET date_set = 0, taken_at = NULL, taken_offset = NULL, edited_at = ?
         WHERE photo_id = ?`,
      )
      .run(now, id);
    this.prune(id);
    return changed > 0;
  }

  /** Back to the position in the file (or none). */
  resetPlace(id: string, now: string): boolean {
    const changed = this.db
      .prepare(
        `UPDATE photos SET lat = e.file_lat, lon = e.file_lon, alt = e.file_alt, updated_at = ?
         FROM photo_edits e WHERE e.photo_id = photos.id AND photos.id = ? AND e.place_set = 1`,
      )
      .run(now, id).changes;
    this.db
      .prepare(
        'UPDATE photo_edits SET place_set = 0, lat = NULL, lon = NULL, edited_at = ? WHERE photo_id = ?',
      )
      .run(now, id);
    this.prune(id);
    return changed > 0;
  }

  private prune(id: string): void {
    this.db
      .prepare('DELETE FROM photo_edits WHERE photo_id = ? AND date_set = 0 AND place_set = 0')
      .run(id);
  }

  /**
   * After the media stage wrote what the file says onto the photo: that becomes the file's
   * values of the edit, and the user's values go back on the photo. Nothing for unedited photos.
   */
  reapply(id: string): void {
    this.db
      .prepare(
        `UPDATE photo_edits SET file_taken_at = p.taken_at, file_taken_offset = p.taken_offset,
           file_taken_source = p.taken_source, file_sort_at = p.sort_at, file_lat = p.lat,
           file_lon = p.lon, file_alt = p.alt
         FROM photos p WHERE p.id = photo_edits.photo_id AND photo_edits.photo_id = ?`,
      )
      .run(id);
    this.db
      .prepare(
        `UPDATE photos SET taken_at = e.taken_at, taken_offset = e.taken_offset, taken_source = 'user',
           sort_at = e.taken_at
         FROM photo_edits e WHERE e.photo_id = photos.id AND photos.id = ? AND e.date_set = 1`,
      )
      .run(id);
    this.db
      .prepare(
        `UPDATE photos SET lat = e.lat, lon = e.lon, alt = NULL
         FROM photo_edits e WHERE e.photo_id = photos.id AND photos.id = ? AND e.place_set = 1`,
      )
      .run(id);
  }
}
