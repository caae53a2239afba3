import type { Db } from '../connection.js';
import { windowSql, type PhotoWindow } from '../photo-windows.js';

export interface PlaceRow {
  photo_id: string;
  lat: number;
  lon: number;
  city: string | null;
  city_key: string | null;
  city_id: number | null;
  city_km: number | null;
  region: string | null;
  region_key: string | null;
  country_code: string | null;
  country: string | null;
  continent: string | null;
  continent_key: string | null;
  version: string;
}

export interface PlaceCount {
  field: 'city' | 'region' | 'country' | 'continent';
  key: string;
  name: string;
  country: string | null;
  photos: number;
  /** The newest photo there, for a cover. */
  cover_id: string;
  cover_hash: string;
  cover_thumb: number | null;
  lat: number;
  lon: number;
}

/** Where photos were taken (photo_places), written by the places pass. */
export class PlacesRepo {
  constructor(private readonly db: Db) {}

  /**
   * Photos with a position that has no place yet, a changed position, or an older geocoder (of
   * these, or in this window of the photos table).
   */
  stale(
    version: string,
    limit: number,
    ids?: string[],
    window?: PhotoWindow,
  ): { id: string; lat: number; lon: number }[] {
    const only = ids ? `AND p.id IN (${ids.map(() => '?').join(', ')})` : '';
    const w = windowSql('p', window);
    return this.db
      .prepare(
        `SELECT p.id, p.lat, p.lon FROM photos p LEFT JOIN photo_places pl ON pl.photo_id = p.id
         WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL ${only} ${w.sql}
           AND (pl.photo_id IS NULL OR pl.lat != p.lat OR pl.lon != p.lon OR pl.version != ?)
         LIMIT ?`,
      )
      .all(...(ids ?? []), ...w.args, version, limit) as { id: string; lat: number; lon: number }[];
  }

  /** Places of photos whose position was removed (of every photo, or of these). */
  dropOrphans(ids?: string[]): number {
    if (ids) {
      const stmt = this.db.prepare(
        `DELETE FROM photo_places WHERE photo_id = ? AND photo_id IN
           (SELECT id FROM photos WHERE id = ? AND (lat IS NULL OR lon IS NULL))`,
      );
      return ids.reduce((n, id) => n + stmt.run(id, id).changes, 0);
    }
    return this.db
      .prepare(
        `DELETE FROM photo_places WHERE photo_id IN (
           SELECT pl.photo_id FROM photo_places pl JOIN photos p ON p.id = pl.photo_id
           WHERE p.lat IS NULL OR p.lon IS NULL)`,
      )
      .run().changes;
  }

  /** `dropOrphans` for the photos in one window of the photos table. */
  dropOrphansIn(window: PhotoWindow): number {
    return this.db
      .prepare(
        `DELETE FROM photo_places WHERE photo_id IN (
           SELECT p.id FROM photos p WHERE p.rowid > ? AND p.rowid <= ?
             AND (p.lat IS NULL OR p.lon IS NULL))`,
      )
      .run(window.after, window.upTo).changes;
  }

  upsert(rows: PlaceRow[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO photo_places (photo_id, lat, lon, city, city_key, city_id, city_km, region, region_key,
         country_code, country, continent, continent_key, version)
       VALUES (@photo_id, @lat, @lon, @city, @city_key, @city_id, @city_km, @region, @region_key,
         @country_code, @country, @continent, @continent_key, @version)
       ON CONFLICT (photo_id) DO UPDATE SET lat = excluded.lat, lon = excluded.lon, city = excluded.city,
         city_key = excluded.city_key, city_id = excluded.city_id, city_km = excluded.city_km,
         region = excluded.region, region_key = excluded.region_key, country_code = excluded.country_code,
         country = excluded.country, continent = excluded.continent, continent_key = excluded.continent_key,
         version = excluded.version`,
    );
    for (const r of rows) stmt.run(r);
  }

  forPhoto(id: string): PlaceRow | undefined {
    return this.db.prepare('SELECT * FROM photo_places WHERE photo_id = ?').get(id) as
      PlaceRow | undefined;
  }

  /**
   * Photo counts per country and per city (live photos only), with the newest photo of each as a
   * cover and the mean position for a map.
   */
  counts(field: 'city' | 'country'): PlaceCount[] {
    const key = field === 'city' ? 'city_key' : 'country_code';
    const name = field === 'city' ? 'city' : 'country';
    return this.db
      .prepare(
        `SELECT '${field}' AS field, k AS key, name, country, photos, lat, lon, cover_id, cover_hash, cover_thumb
         FROM (
           SELECT pl.${key} AS k, pl.${name} AS name, pl.country AS country,
                  COUNT(*) OVER w AS photos, AVG(pl.lat) OVER w AS lat, AVG(pl.lon) OVER w AS lon,
                  ROW_NUMBER() OVER (PARTITION BY pl.${key} ORDER BY p.thumb_width IS NULL, p.sort_at DESC) AS n,
                  p.id AS cover_id, p.content_hash AS cover_hash, p.thumb_width AS cover_thumb
           FROM photo_places pl JOIN photos p ON p.id = pl.photo_id
           WHERE p.trashed_at IS NULL AND p.live_of IS NULL AND pl.${key} IS NOT NULL
           WINDOW w AS (PARTITION BY pl.${key}))
         WHERE n = 1 ORDER BY photos DESC, name`,
      )
      .all() as PlaceCount[];
  }
}
