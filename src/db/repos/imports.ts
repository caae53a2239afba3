import type { Db } from '../connection.js';

/** A sidecar file as the scanner last saw it (migration 13). */
export interface SidecarFileRow {
  path: string;
  folder_id: number;
  dir: string;
  size: number;
  mtime_ms: number;
  kind: SidecarKind | null;
  matched: number;
  error: string | null;
}

export type SidecarKind = 'photo' | 'album' | 'xmp' | 'other' | 'invalid';

export interface TakeoutMatchRow {
  media_path: string;
  folder_id: number;
  dir: string;
  json: string;
  rule: string;
  /** The parsed sidecar (interchange/takeout/parse.ts TakeoutPhoto) as JSON. */
  data: string;
  applied_to: string | null;
}

export interface TakeoutAlbumRow {
  dir: string;
  folder_id: number;
  name: string;
  album_id: number | null;
  created_at: string;
}

/** `[dir/, dir0)`: every path below a directory, as a range of a text index. */
function below(dir: string): [string, string] {
  const d = dir.endsWith('/') ? dir : dir + '/';
  return [d, d.slice(0, -1) + '0'];
}

/**
 * "The photo in `col` has a file in one of these folders", as a set built once per query: an
 * EXISTS on locations by photo and folder let SQLite pick the folder index and scan every location
 * of the folder for each photo (5 s for a report on a 10,000-photo folder, on the main thread).
 */
function inFolders(col: string, marks: string): string {
  return `${col} IN (SELECT l.photo_id FROM locations l WHERE l.folder_id IN (${marks}))`;
}

/**
 * What moving in keeps between scans: the sidecar files seen (so a changed one is read again),
 * each media file's Takeout sidecar, and Takeout album folders.
 */
export class ImportsRepo {
  constructor(private readonly db: Db) {}

  // Sidecar files -------------------------------------------------------------------------

  sidecarsIn(dir: string): SidecarFileRow[] {
    return this.db
      .prepare('SELECT * FROM sidecar_files WHERE dir = ?')
      .all(dir) as SidecarFileRow[];
  }

  /** Directories at or below `root` that held sidecars at the last scan. */
  sidecarDirsUnder(root: string): string[] {
    const [from, to] = below(root);
    return this.db
      .prepare(
        'SELECT DISTINCT dir FROM sidecar_files WHERE dir = ? OR (dir >= ? AND dir < ?) ORDER BY dir',
      )
      .pluck()
      .all(root, from, to) as string[];
  }

  upsertSidecar(
    row: Pick<SidecarFileRow, 'path' | 'folder_id' | 'dir' | 'size' | 'mtime_ms'>,
  ): void {
    this.db
      .prepare(
        `INSERT INTO sidecar_files (path, folder_id, dir, size, mtime_ms)
         VALUES (@path, @folder_id, @dir, @size, @mtime_ms)
         ON CONFLICT (path) DO UPDATE SET folder_id = excluded.folder_id, size = excluded.size,
           mtime_ms = excluded.mtime_ms`,
      )
      .run(row);
  }

  deleteSidecar(path: string): void {
    this.db.prepare('DELETE FROM sidecar_files WHERE path = ?').run(path);
  }

  /** What reading the sidecar found. */
  setSidecarState(path: string, kind: SidecarKind, matched: boolean, error: string | null): void {
    this.db
      .prepare('UPDATE sidecar_files SET kind = ?, matched = ?, error = ? WHERE path = ?')
      .run(kind, matched ? 1 : 0, error, path);
  }

  /** Hands a folder's sidecar bookkeeping to another folder (a parent folder absorbs it). */
  moveFolder(from: number, to: number): void {
    for (const table of ['sidecar_files', 'takeout_matches', 'takeout_albums']) {
      this.db.prepare(`UPDATE ${table} SET folder_id = ? WHERE folder_id = ?`).run(to, from);
    }
  }

  // Takeout -------------------------------------------------------------------------------

  takeoutMatchesIn(dir: string): TakeoutMatchRow[] {
    return this.db
      .prepare('SELECT * FROM takeout_matches WHERE dir = ?')
      .all(dir) as TakeoutMatchRow[];
  }

  /**
   * Records a media file's sidecar. A changed sidecar (other file or content) is applied again:
   * its favourite and album go to the photo once more.
   */
  upsertTakeoutMatch(row: Omit<TakeoutMatchRow, 'applied_to'>): void {
    this.db
      .prepare(
        `INSERT INTO takeout_matches (media_path, folder_id, dir, json, rule, data)
         VALUES (@media_path, @folder_id, @dir, @json, @rule, @data)
         ON CONFLICT (media_path) DO UPDATE SET folder_id = excluded.folder_id,
           json = excluded.json, rule = excluded.rule, data = excluded.data,
           applied_to = CASE WHEN takeout_matches.data = excluded.data
             AND takeout_matches.json = excluded.json THEN takeout_matches.applied_to END`,
      )
      .run(row);
  }

  deleteTakeoutMatch(mediaPath: string): void {
    this.db.prepare('DELETE FROM takeout_matches WHERE media_path = ?').run(mediaPath);
  }

  /** The Takeout sidecar of the first of these files that has one. */
  takeoutFor(paths: readonly string[]): TakeoutMatchRow | undefined {
    const get = this.db.prepare('SELECT * FROM takeout_matches WHERE media_path = ?');
    for (const p of paths) {
      const row = get.get(p) as TakeoutMatchRow | undefined;
      if (row) return row;
    }
    return undefined;
  }

  markTakeoutApplied(mediaPath: string, photoId: string): void {
    this.db
      .prepare('UPDATE takeout_matches SET applied_to = ? WHERE media_path = ?')
      .run(photoId, mediaPath);
  }

  takeoutAlbum(dir: string): TakeoutAlbumRow | undefined {
    return this.db.prepare('SELECT * FROM takeout_albums WHERE dir = ?').get(dir) as
      TakeoutAlbumRow | undefined;
  }

  insertTakeoutAlbum(row: TakeoutAlbumRow): void {
    this.db
      .prepare(
        `INSERT INTO takeout_albums (dir, folder_id, name, album_id, created_at)
         VALUES (@dir, @folder_id, @name, @album_id, @created_at)`,
      )
      .run(row);
  }

  // The import report ----------------------------------------------------------------------

  /** Photos with a file in one of the folders whose column matches, counted. */
  private countPhotos(where: string, folderIds: readonly number[]): number {
    if (!folderIds.length) return 0;
    const marks = folderIds.map(() => '?').join(', ');
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM photos p WHERE ${where} AND ${inFolders('p.id', marks)}`,
        )
        .get(...folderIds) as { n: number }
    ).n;
  }

  /** What came into the catalogue from sidecars, for photos in these folders. */
  reportCounts(folderIds: readonly number[]): {
    dates: number;
    places: number;
    descriptions: number;
    ratings: number;
    keywords: number;
    photosWithKeywords: number;
    favorites: number;
    names: number;
    suggestedNames: number;
  } {
    const marks = folderIds.map(() => '?').join(', ') || 'NULL';
    const photoIn = (col: string) => inFolders(col, marks);
    const one = (sql: string) => (this.db.prepare(sql).get(...folderIds) as { n: number }).n;
    return {
      dates: this.countPhotos(`p.taken_source = 'takeout'`, folderIds),
      places: this.countPhotos(`p.place_source = 'takeout'`, folderIds),
      descriptions: this.countPhotos(`p.description_source IN ('xmp', 'takeout')`, folderIds),
      ratings: this.countPhotos(`p.rating_source = 'xmp'`, folderIds),
      keywords: one(
        `SELECT COUNT(*) AS n FROM photo_keywords k WHERE k.source = 'xmp' AND ${photoIn('k.photo_id')}`,
      ),
      photosWithKeywords: one(
        `SELECT COUNT(DISTINCT k.photo_id) AS n FROM photo_keywords k
         WHERE k.source = 'xmp' AND ${photoIn('k.photo_id')}`,
      ),
      favorites: one(
        `SELECT COUNT(DISTINCT t.applied_to) AS n FROM takeout_matches t
         WHERE t.applied_to IS NOT NULL AND json_extract(t.data, '$.favorited') = 1
           AND t.folder_id IN (${marks})`,
      ),
      names: one(
        `SELECT COUNT(*) AS n FROM imported_regions r WHERE r.status = 'named'
           AND ${photoIn('r.photo_id')}`,
      ),
      suggestedNames: one(
        `SELECT COUNT(*) AS n FROM imported_regions r
         WHERE r.status IN ('conflict', 'unmatched', 'unplaced') AND ${photoIn('r.photo_id')}`,
      ),
    };
  }

  /** Photos of these folders that got anything from a sidecar or another program's metadata. */
  reportPhotos(folderIds: readonly number[]): number {
    return this.countPhotos(
      `(p.taken_source = 'takeout' OR p.place_source = 'takeout'
        OR p.description_source IN ('xmp', 'takeout') OR p.rating_source = 'xmp'
        OR EXISTS (SELECT 1 FROM takeout_matches t WHERE t.applied_to = p.id
          AND json_extract(t.data, '$.favorited') = 1)
        OR EXISTS (SELECT 1 FROM album_photos ap JOIN takeout_albums ta ON ta.album_id = ap.album_id
          WHERE ap.photo_id = p.id)
        OR EXISTS (SELECT 1 FROM photo_keywords k WHERE k.photo_id = p.id AND k.source = 'xmp')
        OR EXISTS (SELECT 1 FROM imported_regions r WHERE r.photo_id = p.id))`,
      folderIds,
    );
  }

  /** Photos of these folders whose sidecars or faces have not been read yet. */
  reportPending(folderIds: readonly number[]): number {
    return this.countPhotos(
      `EXISTS (SELECT 1 FROM jobs j WHERE j.photo_id = p.id AND j.stage IN ('interchange', 'faces')
         AND j.status IN ('pending', 'running'))`,
      folderIds,
    );
  }

  /** Takeout albums of these folders that exist in the catalogue. */
  reportAlbums(folderIds: readonly number[]): { name: string; folder: string; albumId: number }[] {
    if (!folderIds.length) return [];
    const marks = folderIds.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT a.name, t.dir AS folder, a.id AS albumId FROM takeout_albums t
         JOIN albums a ON a.id = t.album_id WHERE t.folder_id IN (${marks}) ORDER BY t.dir`,
      )
      .all(...folderIds) as { name: string; folder: string; albumId: number }[];
  }

  /** Sidecars no photo claimed, and sidecars that could not be read. */
  reportFiles(folderIds: readonly number[]): {
    unmatched: string[];
    unreadable: { path: string; error: string }[];
  } {
    if (!folderIds.length) return { unmatched: [], unreadable: [] };
    const marks = folderIds.map(() => '?').join(', ');
    const unmatched = this.db
      .prepare(
        `SELECT path FROM sidecar_files WHERE folder_id IN (${marks})
         AND kind IN ('photo', 'xmp') AND matched = 0 ORDER BY path`,
      )
      .pluck()
      .all(...folderIds) as string[];
    const unreadable = this.db
      .prepare(
        `SELECT path, error FROM sidecar_files WHERE folder_id IN (${marks})
         AND error IS NOT NULL ORDER BY path`,
      )
      .all(...folderIds) as { path: string; error: string }[];
    return { unmatched, unreadable };
  }
}
