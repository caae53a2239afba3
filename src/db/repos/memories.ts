import type { Db } from '../connection.js';
import type { TimelineRow } from './timeline.js';

export interface MemoryPhotoRow extends TimelineRow {
  faces: number;
}

export interface TimelinePlaceRow {
  id: string;
  sort_at: string;
  lat: number | null;
  lon: number | null;
  city: string | null;
  country: string | null;
  favourite: number;
}

const PHOTO = `p.id, p.content_hash, p.sort_at, p.width, p.height, p.thumb_width, p.thumb_height, p.favourite,
  p.status, p.kind, p.duration_ms, (SELECT COUNT(*) FROM faces f WHERE f.photo_id = p.id) AS faces`;

/** Reads for memories: the same day in earlier years, and the timeline with places for trips. */
export class MemoriesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Live photos taken on these days of the year ("MM-DD") before `before` (YYYY-MM-DD), read
   * through the day-of-year index.
   */
  onDays(days: string[], before: string): MemoryPhotoRow[] {
    return this.db
      .prepare(
        `SELECT ${PHOTO} FROM photos p
         WHERE substr(p.sort_at, 6, 5) IN (${days.map(() => '?').join(', ')})
           AND p.sort_at < ? AND p.trashed_at IS NULL AND p.live_of IS NULL
         ORDER BY p.sort_at DESC`,
      )
      .all(...days, before) as MemoryPhotoRow[];
  }

  /** Live photos in a time span, for a trip's pictures. */
  between(from: string, to: string, limit: number): MemoryPhotoRow[] {
    return this.db
      .prepare(
        `SELECT ${PHOTO} FROM photos p
         WHERE p.trashed_at IS NULL AND p.live_of IS NULL AND p.sort_at >= ? AND p.sort_at <= ?
         ORDER BY p.sort_at LIMIT ?`,
      )
      .all(from, to, limit) as MemoryPhotoRow[];
  }

  /** Every live photo in time order with its position and place (trips are found from these). */
  timelineWithPlaces(): TimelinePlaceRow[] {
    return this.db
      .prepare(
        `SELECT p.id, p.sort_at, p.lat, p.lon, pl.city, pl.country, p.favourite
         FROM photos p INDEXED BY photos_timeline LEFT JOIN photo_places pl ON pl.photo_id = p.id
         WHERE p.trashed_at IS NULL AND p.live_of IS NULL ORDER BY p.sort_at, p.id`,
      )
      .all() as TimelinePlaceRow[];
  }

  /** A cheap fingerprint: trips are found again only when it changes. */
  stamp(): string {
    const r = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM photos WHERE trashed_at IS NULL) AS n,
                (SELECT MAX(updated_at) FROM photos) AS u, (SELECT COUNT(*) FROM photo_places) AS pl`,
      )
      .get() as { n: number; u: string | null; pl: number };
    return `${r.n}:${r.u}:${r.pl}`;
  }
}
