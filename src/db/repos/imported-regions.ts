import type { Db } from '../connection.js';

export type ImportedRegionStatus = 'pending' | 'named' | 'conflict' | 'unmatched' | 'unplaced';

export interface ImportedRegionRow {
  id: number;
  photo_id: string;
  name: string;
  /** Normalised left, top, width, height of the stored pixels; null for a name without a box. */
  x: number | null;
  y: number | null;
  w: number | null;
  h: number | null;
  source: 'xmp' | 'takeout';
  status: ImportedRegionStatus;
  face_id: string | null;
  person_id: number | null;
  at: string;
}

export type ImportedRegionInput = Pick<
  ImportedRegionRow,
  'name' | 'x' | 'y' | 'w' | 'h' | 'source'
>;

/** Two regions are the same when name, source and box agree (boxes to 1/1000 of the photo). */
function sameRegion(a: ImportedRegionInput, b: ImportedRegionInput): boolean {
  const near = (u: number | null, v: number | null) =>
    u === null || v === null ? u === v : Math.abs(u - v) < 1e-3;
  return (
    a.name.toLowerCase() === b.name.toLowerCase() &&
    a.source === b.source &&
    near(a.x, b.x) &&
    near(a.y, b.y) &&
    near(a.w, b.w) &&
    near(a.h, b.h)
  );
}

/** Names other programs gave (migration 13), and what matching them to faces made of them. */
export class ImportedRegionsRepo {
  constructor(private readonly db: Db) {}

  forPhoto(photoId: string): ImportedRegionRow[] {
    return this.db
      .prepare('SELECT * FROM imported_regions WHERE photo_id = ? ORDER BY id')
      .all(photoId) as ImportedRegionRow[];
  }

  /**
   * Replaces a photo's imported names with what the sidecars say now. A name that is still there
   * keeps its row (and what it named); a new one is matched again; one that is gone is returned,
   * so the caller can take back what it named.
   */
  replace(
    photoId: string,
    regions: readonly ImportedRegionInput[],
    now: string,
  ): ImportedRegionRow[] {
    const old = this.forPhoto(photoId);
    const kept = new Set<number>();
    const add = this.db.prepare(
      `INSERT INTO imported_regions (photo_id, name, x, y, w, h, source, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    for (const r of regions) {
      const same = old.find((o) => !kept.has(o.id) && sameRegion(o, r));
      if (same) kept.add(same.id);
      else {
        add.run(photoId, r.name, r.x, r.y, r.w, r.h, r.source, now);
        added++;
      }
    }
    const gone = old.filter((o) => !kept.has(o.id));
    const del = this.db.prepare('DELETE FROM imported_regions WHERE id = ?');
    for (const g of gone) del.run(g.id);
    // A new name can change how the others are placed (the one-face rule counts names).
    if (added || gone.length) this.markPending(photoId);
    return gone;
  }

  /** The photo's names are matched again (its faces changed, or its names did). */
  markPending(photoId: string): void {
    this.db
      .prepare(`UPDATE imported_regions SET status = 'pending' WHERE photo_id = ?`)
      .run(photoId);
  }

  /** Photos with names waiting to be matched whose faces have been looked for. */
  pendingPhotos(limit: number): string[] {
    return this.db
      .prepare(
        `SELECT DISTINCT r.photo_id FROM imported_regions r
         WHERE r.status = 'pending' AND EXISTS (SELECT 1 FROM jobs j
           WHERE j.photo_id = r.photo_id AND j.stage = 'faces' AND j.status = 'done')
         LIMIT ?`,
      )
      .pluck()
      .all(limit) as string[];
  }

  setOutcome(
    id: number,
    status: ImportedRegionStatus,
    faceId: string | null,
    personId: number | null,
  ): void {
    this.db
      .prepare('UPDATE imported_regions SET status = ?, face_id = ?, person_id = ? WHERE id = ?')
      .run(status, faceId, personId, id);
  }

  /**
   * Faces a name was imported for but not given (it conflicted, or the photo had several faces
   * and the name no box): suggestions for the person of that name.
   */
  suggestedFaces(name: string): { faceId: string; photoId: string }[] {
    return this.db
      .prepare(
        `SELECT r.face_id AS faceId, r.photo_id AS photoId FROM imported_regions r
         WHERE r.name = ? COLLATE NOCASE AND r.status = 'conflict' AND r.face_id IS NOT NULL
         UNION
         SELECT f.id AS faceId, f.photo_id AS photoId FROM imported_regions r
         JOIN faces f ON f.photo_id = r.photo_id
         WHERE r.name = ? COLLATE NOCASE AND r.status = 'unplaced'`,
      )
      .all(name, name) as { faceId: string; photoId: string }[];
  }
}
