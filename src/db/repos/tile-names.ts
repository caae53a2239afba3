import type { Db } from '../connection.js';

/** What a grid tile is named by, besides its date: where, who (named people) and what. */
export interface TileNames {
  place: string | null;
  people: string[];
  tags: string[];
}

/** Tags per tile: the clearest few (a tile's name is read aloud with every focus). */
const TAGS_PER_TILE = 3;

/**
 * Names for a page of grid tiles (TimelineItem.place, people, tags), for any listing: three
 * lookups by photo id, through the primary key of photo_places, faces_photo and photo_tags'
 * primary key, for the page's ids only (~1 ms for 200 tiles).
 */
export class TileNamesRepo {
  constructor(private readonly db: Db) {}

  forPhotos(ids: readonly string[]): Map<string, TileNames> {
    const out = new Map<string, TileNames>();
    if (!ids.length) return out;
    for (const id of ids) out.set(id, { place: null, people: [], tags: [] });
    const list = JSON.stringify(ids);
    const places = this.db
      .prepare(
        `SELECT photo_id, COALESCE(city, region, country) FROM photo_places
         WHERE photo_id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(list) as [string, string | null][];
    for (const [id, place] of places) out.get(id)!.place = place;
    const people = this.db
      .prepare(
        `SELECT f.photo_id, pe.name FROM faces f JOIN people pe ON pe.id = f.person_id
         WHERE f.photo_id IN (SELECT value FROM json_each(?))
           AND pe.name IS NOT NULL AND pe.hidden = 0 AND pe.merged_into IS NULL
         ORDER BY f.photo_id, f.x`,
      )
      .raw()
      .all(list) as [string, string][];
    for (const [id, name] of people) {
      const names = out.get(id)!.people;
      if (!names.includes(name)) names.push(name);
    }
    const tags = this.db
      .prepare(
        `SELECT photo_id, label FROM photo_tags WHERE photo_id IN (SELECT value FROM json_each(?))
         ORDER BY photo_id, score DESC`,
      )
      .raw()
      .all(list) as [string, string][];
    for (const [id, label] of tags) {
      const t = out.get(id)!.tags;
      if (t.length < TAGS_PER_TILE) t.push(label);
    }
    return out;
  }
}
