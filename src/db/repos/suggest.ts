import type { Db } from '../connection.js';

/** What the search box can complete, with photo counts (trash left out). Tags come from things. */
export interface SuggestCounts {
  people: { id: number; name: string; photos: number; cover: string | null }[];
  /** `cover`: a photo of the place (any; checked when shown). */
  places: {
    field: 'city' | 'region' | 'country' | 'continent';
    key: string;
    name: string;
    country: string | null;
    photos: number;
    cover: string | null;
  }[];
  albums: { id: number; name: string; photos: number; cover: string | null }[];
  makes: { make: string; photos: number }[];
  models: { model: string; make: string | null; photos: number }[];
  months: { month: string; photos: number }[];
}

const PLACE_COLUMNS = {
  city: { key: 'city_key', name: 'city', index: 'photo_places_city' },
  region: { key: 'region_key', name: 'region', index: 'photo_places_region' },
  country: { key: 'country_code', name: 'country', index: 'photo_places_country' },
  continent: { key: 'continent_key', name: 'continent', index: 'photo_places_continent' },
} as const;

/**
 * Counts for search suggestions: every named person, place, album, camera and month with its
 * photos. Each count reads one index only (no photo row): the catalogue's photos counted whole,
 * minus those in the trash, which are few and read from their own index. Still most of a second
 * at 100k photos, so the suggestion service runs this in a worker thread and keeps the result.
 */
export class SuggestRepo {
  constructor(private readonly db: Db) {}

  /** Per key, how many photos in the trash `sql` counts (rows of key, n). */
  private trashed(sql: string): Map<string | number, number> {
    const rows = this.db.prepare(sql).raw().all() as [string | number, number][];
    return new Map(rows);
  }

  counts(): SuggestCounts {
    // Photos in the trash, read through their partial index (repeats its WHERE word for word).
    const TRASH = 'photos t INDEXED BY photos_trash';
    const IN_TRASH = 't.trashed_at IS NOT NULL';
    const less = <T extends { photos: number }>(
      rows: T[],
      key: (r: T) => string | number,
      sql: string,
    ) => {
      const gone = this.trashed(sql);
      return rows
        .map((r) => ({ ...r, photos: r.photos - (gone.get(key(r)) ?? 0) }))
        .filter((r) => r.photos > 0);
    };

    const people = less(
      this.db
        .prepare(
          `SELECT p.id, p.name,
             (SELECT COUNT(DISTINCT f.photo_id) FROM faces f WHERE f.person_id = p.id) AS photos,
             COALESCE((SELECT cf.id FROM faces cf WHERE cf.id = p.cover_face_id AND cf.person_id = p.id),
               (SELECT bf.id FROM faces bf WHERE bf.person_id = p.id
                ORDER BY bf.quality DESC, bf.size_px DESC, bf.id LIMIT 1)) AS cover
           FROM people p
           WHERE p.name IS NOT NULL AND trim(p.name) != '' AND p.hidden = 0 AND p.merged_into IS NULL`,
        )
        .all() as SuggestCounts['people'],
      (r) => r.id,
      `SELECT f.person_id, COUNT(DISTINCT f.photo_id) FROM ${TRASH} JOIN faces f ON f.photo_id = t.id
       WHERE ${IN_TRASH} AND f.person_id IS NOT NULL GROUP BY f.person_id`,
    );

    const places: SuggestCounts['places'] = [];
    for (const [field, c] of Object.entries(PLACE_COLUMNS) as [
      SuggestCounts['places'][number]['field'],
      (typeof PLACE_COLUMNS)[keyof typeof PLACE_COLUMNS],
    ][]) {
      const rows = this.db
        .prepare(
          `SELECT '${field}' AS field, g.key, g.photos, g.cover,
             (SELECT ${c.name} FROM photo_places WHERE photo_id = g.cover) AS name,
             (SELECT country FROM photo_places WHERE photo_id = g.cover) AS country
           FROM (SELECT ${c.key} AS key, COUNT(*) AS photos, MAX(photo_id) AS cover
                 FROM photo_places INDEXED BY ${c.index} WHERE ${c.key} IS NOT NULL GROUP BY ${c.key}) g`,
        )
        .all() as SuggestCounts['places'];
      places.push(
        ...less(
          rows.filter((r) => r.name),
          (r) => r.key,
          `SELECT pl.${c.key}, COUNT(*) FROM ${TRASH} JOIN photo_places pl ON pl.photo_id = t.id
           WHERE ${IN_TRASH} AND pl.${c.key} IS NOT NULL GROUP BY pl.${c.key}`,
        ),
      );
    }

    const albums = this.db
      .prepare(
        `SELECT a.id, a.name, COUNT(*) AS photos, COALESCE(a.cover_photo_id, MAX(p.id)) AS cover
         FROM albums a JOIN album_photos ap ON ap.album_id = a.id
           JOIN photos p ON p.id = ap.photo_id AND p.trashed_at IS NULL
         GROUP BY a.id`,
      )
      .all() as SuggestCounts['albums'];

    const makes = less(
      this.db
        .prepare(
          `SELECT make, COUNT(*) AS photos FROM photos INDEXED BY photos_make
           WHERE make IS NOT NULL GROUP BY make`,
        )
        .all() as SuggestCounts['makes'],
      (r) => r.make,
      `SELECT t.make, COUNT(*) FROM ${TRASH} WHERE ${IN_TRASH} AND t.make IS NOT NULL GROUP BY t.make`,
    );
    const models = less(
      this.db
        .prepare(
          `SELECT g.model, g.photos, (SELECT make FROM photos m WHERE m.model = g.model LIMIT 1) AS make
           FROM (SELECT model, COUNT(*) AS photos FROM photos INDEXED BY photos_model
                 WHERE model IS NOT NULL GROUP BY model) g`,
        )
        .all() as SuggestCounts['models'],
      (r) => r.model,
      `SELECT t.model, COUNT(*) FROM ${TRASH} WHERE ${IN_TRASH} AND t.model IS NOT NULL GROUP BY t.model`,
    );

    const months = this.db
      .prepare(
        `SELECT month, n AS photos FROM photo_month_counts WHERE scope = 'all' AND n > 0 ORDER BY month`,
      )
      .all() as SuggestCounts['months'];
    return { people, places, albums, makes, models, months };
  }

  /** Thumbnails of live photos among `ids` (covers of the suggestions shown): id → content hash. */
  covers(ids: string[]): Map<string, string> {
    const out = new Map<string, string>();
    const stmt = this.db.prepare(
      'SELECT content_hash FROM photos WHERE id = ? AND trashed_at IS NULL AND thumb_width IS NOT NULL',
    );
    for (const id of ids) {
      const r = stmt.get(id) as { content_hash: string } | undefined;
      if (r) out.set(id, r.content_hash);
    }
    return out;
  }
}
