import type { Db } from '../connection.js';

export interface SidecarPhotoRow {
  id: string;
  width: number | null;
  height: number | null;
  orientation: number | null;
}

/** What goes into XMP sidecars: object labels and named, visible people per photo. */
export class SidecarsRepo {
  constructor(private readonly db: Db) {}

  photos(folderPrefix?: string): SidecarPhotoRow[] {
    if (!folderPrefix) {
      return this.db
        .prepare('SELECT id, width, height, orientation FROM photos WHERE trashed_at IS NULL')
        .all() as SidecarPhotoRow[];
    }
    const dir = folderPrefix.endsWith('/') ? folderPrefix : folderPrefix + '/';
    return this.db
      .prepare(
        `SELECT DISTINCT p.id, p.width, p.height, p.orientation FROM photos p
         JOIN locations l ON l.photo_id = p.id
         WHERE p.trashed_at IS NULL AND l.path >= ? AND l.path < ?`,
      )
      .all(dir, dir.slice(0, -1) + '0') as SidecarPhotoRow[];
  }

  labels(photoId: string): string[] {
    return (
      this.db
        .prepare('SELECT DISTINCT label FROM photo_objects WHERE photo_id = ? ORDER BY label')
        .all(photoId) as { label: string }[]
    ).map((r) => r.label);
  }

  namedFaces(photoId: string): { name: string; x: number; y: number; w: number; h: number }[] {
    return this.db
      .prepare(
        `SELECT p.name, f.x, f.y, f.w, f.h FROM faces f JOIN people p ON p.id = f.person_id
         WHERE f.photo_id = ? AND p.name IS NOT NULL AND TRIM(p.name) != '' AND p.hidden = 0
         ORDER BY f.x`,
      )
      .all(photoId) as { name: string; x: number; y: number; w: number; h: number }[];
  }
}
