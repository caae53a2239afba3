import type { Db } from '../connection.js';

export type PhotoStatus = 'pending' | 'ready' | 'error';

export interface PhotoRow {
  id: string;
  content_hash: string;
  size: number;
  format: string | null;
  mime: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  taken_at: string | null;
  taken_offset: number | null;
  taken_source: string | null;
  sort_at: string;
  make: string | null;
  model: string | null;
  lens: string | null;
  exposure_time: number | null;
  f_number: number | null;
  iso: number | null;
  focal_length: number | null;
  lat: number | null;
  lon: number | null;
  alt: number | null;
  phash: string | null;
  thumb_width: number | null;
  thumb_height: number | null;
  preview_width: number | null;
  preview_height: number | null;
  favourite: number;
  trashed_at: string | null;
  status: PhotoStatus;
  error: string | null;
  warnings: string | null;
  created_at: string;
  updated_at: string;
  /** Migration 13: what people and other programs said (sources: see db/import-schema.ts). */
  description: string | null;
  description_source: TextSource | null;
  rating: number | null;
  rating_source: 'xmp' | 'user' | null;
  place_source: 'takeout' | null;
  /** Migration 11 ([Note: Videos in the catalogue]). */
  kind: PhotoKind;
  duration_ms: number | null;
  fps: number | null;
  video_codec: string | null;
  audio_codec: string | null;
  playable: number | null;
  transcode: TranscodeStateText | null;
  content_id: string | null;
  motion_id: string | null;
  live_of: string | null;
}

export type PhotoKind = 'photo' | 'video' | 'live';
export type TranscodeStateText = 'none' | 'pending' | 'running' | 'done' | 'failed';

/** Where a description came from: other programs' metadata, Google Takeout, or the user. */
export type TextSource = 'xmp' | 'takeout' | 'user';

/** What an import may change on a photo (the interchange stage's applier writes these). */
export interface ImportColumns {
  taken_at: string | null;
  taken_offset: number | null;
  taken_source: string | null;
  sort_at: string;
  lat: number | null;
  lon: number | null;
  alt: number | null;
  place_source: 'takeout' | null;
  description: string | null;
  description_source: TextSource | null;
  rating: number | null;
  rating_source: 'xmp' | 'user' | null;
}

const IMPORT_COLUMNS = new Set<keyof ImportColumns>([
  'taken_at',
  'taken_offset',
  'taken_source',
  'sort_at',
  'lat',
  'lon',
  'alt',
  'place_source',
  'description',
  'description_source',
  'rating',
  'rating_source',
]);

/** Columns written when the media stage finishes (metadata, thumbnails, hash). */
export type MediaColumns = Pick<
  PhotoRow,
  | 'format'
  | 'mime'
  | 'width'
  | 'height'
  | 'orientation'
  | 'taken_at'
  | 'taken_offset'
  | 'taken_source'
  | 'make'
  | 'model'
  | 'lens'
  | 'exposure_time'
  | 'f_number'
  | 'iso'
  | 'focal_length'
  | 'lat'
  | 'lon'
  | 'alt'
  | 'phash'
  | 'thumb_width'
  | 'thumb_height'
  | 'preview_width'
  | 'preview_height'
  | 'warnings'
>;

export class PhotosRepo {
  constructor(private readonly db: Db) {}

  get(id: string): PhotoRow | undefined {
    return this.db.prepare('SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined;
  }

  byHash(hash: string): PhotoRow | undefined {
    return this.db.prepare('SELECT * FROM photos WHERE content_hash = ?').get(hash) as
      PhotoRow | undefined;
  }

  idExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM photos WHERE id = ?').get(id) !== undefined;
  }

  insertPending(p: {
    id: string;
    hash: string;
    size: number;
    sortAt: string;
    now: string;
    kind?: 'photo' | 'video';
    /** A MOV held back until its pairing is decided (videos.ts, awaitsPairing). */
    held?: boolean;
  }): void {
    this.db
      .prepare(
        `INSERT INTO photos
           (id, content_hash, size, sort_at, status, created_at, updated_at, kind, live_of)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(p.id, p.hash, p.size, p.sortAt, p.now, p.now, p.kind ?? 'photo', p.held ? p.id : null);
  }

  /** New content at a known photo (edited in place): keep the id, forget derived data. */
  replaceContent(id: string, hash: string, size: number, now: string): void {
    this.db
      .prepare(
        `UPDATE photos SET content_hash = ?, size = ?, status = 'pending', error = NULL,
           phash = NULL, thumb_width = NULL, thumb_height = NULL, preview_width = NULL,
           preview_height = NULL, transcode = NULL, updated_at = ?
         WHERE id = ?`,
      )
      .run(hash, size, now, id);
  }

  applyMedia(id: string, cols: MediaColumns, sortAt: string, now: string): void {
    this.db
      .prepare(
        `UPDATE photos SET format = @format, mime = @mime, width = @width, height = @height,
           orientation = @orientation, taken_at = @taken_at, taken_offset = @taken_offset,
           taken_source = @taken_source, make = @make, model = @model, lens = @lens,
           exposure_time = @exposure_time, f_number = @f_number, iso = @iso,
           focal_length = @focal_length, lat = @lat, lon = @lon, alt = @alt, place_source = NULL,
           phash = @phash,
           thumb_width = @thumb_width, thumb_height = @thumb_height,
           preview_width = @preview_width, preview_height = @preview_height,
           warnings = @warnings, sort_at = @sort_at, status = 'ready', error = NULL,
           updated_at = @now
         WHERE id = @id`,
      )
      .run({ ...cols, sort_at: sortAt, now, id });
  }

  /** The file could not be decoded; metadata that could be read is kept. */
  markError(id: string, error: string, now: string, cols?: MediaColumns, sortAt?: string): void {
    if (cols && sortAt) {
      this.applyMedia(id, cols, sortAt, now);
    }
    this.db
      .prepare(`UPDATE photos SET status = 'error', error = ?, updated_at = ? WHERE id = ?`)
      .run(error, now, id);
  }

  /** Writes the given import columns (only those named in `cols`). */
  setImported(id: string, cols: Partial<ImportColumns>, now: string): void {
    const keys = (Object.keys(cols) as (keyof ImportColumns)[]).filter((k) =>
      IMPORT_COLUMNS.has(k),
    );
    if (!keys.length) return;
    this.db
      .prepare(
        `UPDATE photos SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @now
         WHERE id = @id`,
      )
      .run({ ...cols, now, id });
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM photos WHERE id = ?').run(id);
  }

  setFavourite(ids: string[], on: boolean, now: string): number {
    const stmt = this.db.prepare('UPDATE photos SET favourite = ?, updated_at = ? WHERE id = ?');
    let n = 0;
    for (const id of ids) n += stmt.run(on ? 1 : 0, now, id).changes;
    return n;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM photos').get() as { n: number }).n;
  }

  /**
   * Items by status, as the gallery shows them: the MOV half of a Live Photo is part of its
   * still, not an item of its own (`picto status`, `GET /api/system`).
   */
  countByStatus(): Record<PhotoStatus, number> {
    const out: Record<PhotoStatus, number> = { pending: 0, ready: 0, error: 0 };
    for (const r of this.db
      .prepare('SELECT status, COUNT(*) AS n FROM photos WHERE live_of IS NULL GROUP BY status')
      .all() as { status: PhotoStatus; n: number }[]) {
      out[r.status] = r.n;
    }
    return out;
  }

  iterateAll(): IterableIterator<PhotoRow> {
    return this.db
      .prepare('SELECT * FROM photos ORDER BY sort_at DESC, id DESC')
      .iterate() as IterableIterator<PhotoRow>;
  }
}
