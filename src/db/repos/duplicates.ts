import type { Db } from '../connection.js';

/** A photo as the duplicate finder and its review page see it. */
export interface SignatureRow {
  id: string;
  pixels: string;
  dct: Buffer;
  windows: Buffer;
  width: number | null;
  height: number | null;
  size: number;
  format: string | null;
  sort_at: string;
  taken_at: string | null;
  favourite: number;
  content_hash: string;
  thumb_width: number | null;
  thumb_height: number | null;
  albums: number;
}

/** Similarity signatures, "not duplicates" decisions and files stored twice. */
export class DuplicatesRepo {
  constructor(private readonly db: Db) {}

  saveSignature(
    photoId: string,
    s: { pixels: string; dct: Int8Array; windows: Uint8Array },
    version: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO photo_signatures (photo_id, pixels, dct, windows, version) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (photo_id) DO UPDATE SET pixels = excluded.pixels, dct = excluded.dct,
           windows = excluded.windows, version = excluded.version`,
      )
      .run(
        photoId,
        s.pixels,
        Buffer.from(s.dct.buffer, s.dct.byteOffset, s.dct.byteLength),
        Buffer.from(s.windows.buffer, s.windows.byteOffset, s.windows.byteLength),
        version,
      );
  }

  /** Every live (not trashed) photo with a signature. */
  signatures(): SignatureRow[] {
    return this.db
      .prepare(
        `SELECT p.id, s.pixels, s.dct, s.windows, p.width, p.height, p.size, p.format, p.sort_at, p.taken_at,
                p.favourite, p.content_hash, p.thumb_width, p.thumb_height,
                (SELECT COUNT(*) FROM album_photos ap WHERE ap.photo_id = p.id) AS albums
         FROM photo_signatures s JOIN photos p ON p.id = s.photo_id
         WHERE p.trashed_at IS NULL`,
      )
      .all() as SignatureRow[];
  }

  /** A cheap fingerprint of the signature set: the finder's cached result is stale when it moves. */
  stamp(): string {
    const r = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM photo_signatures) AS n, (SELECT MAX(rowid) FROM photo_signatures) AS m,
                (SELECT COUNT(*) FROM photos WHERE trashed_at IS NOT NULL) AS t,
                (SELECT COUNT(*) FROM duplicate_dismissals) AS d`,
      )
      .get() as { n: number; m: number | null; t: number; d: number };
    return `${r.n}:${r.m}:${r.t}:${r.d}`;
  }

  dismissed(): Set<string> {
    const rows = this.db.prepare('SELECT photo_a, photo_b FROM duplicate_dismissals').all() as {
      photo_a: string;
      photo_b: string;
    }[];
    return new Set(rows.map((r) => `${r.photo_a}|${r.photo_b}`));
  }

  dismiss(a: string, b: string, now: string): void {
    const [x, y] = a < b ? [a, b] : [b, a];
    this.db
      .prepare(
        'INSERT OR IGNORE INTO duplicate_dismissals (photo_a, photo_b, created_at) VALUES (?, ?, ?)',
      )
      .run(x, y, now);
  }

  /** Photos whose content is stored in several files (one photo, several locations). */
  copies(limit: number): { photo_id: string; paths: string }[] {
    return this.db
      .prepare(
        `SELECT l.photo_id, json_group_array(l.path) AS paths FROM locations l
         JOIN photos p ON p.id = l.photo_id WHERE p.trashed_at IS NULL
         GROUP BY l.photo_id HAVING COUNT(*) > 1 ORDER BY MAX(p.sort_at) DESC LIMIT ?`,
      )
      .all(limit) as { photo_id: string; paths: string }[];
  }
}
