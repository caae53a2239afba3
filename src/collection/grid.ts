// The grid's read model, shared by every listing that shows photos as tiles: the timeline,
// favourites, albums, the trash, a person's photos, search results and memories.

import type { TileNames } from '../db/repos/tile-names.js';
import type { TimelineKey, TimelineRow } from '../db/repos/timeline.js';
import type { TimelineItem, TimelinePage } from '../shared/api.js';
import { PictoError } from '../shared/errors.js';
import { thumbUrl } from '../shared/routes/urls.js';

/** Names of a page of tiles by photo id (TileNamesRepo.forPhotos). */
export type TileNamer = (ids: readonly string[]) => Map<string, TileNames>;

const UNNAMED: TileNames = { place: null, people: [], tags: [] };

/** A photo row as the grid draws it (the thumbnail's size once there is one, else the photo's). */
export function gridItem(r: TimelineRow, names: TileNames = UNNAMED): TimelineItem {
  const hasThumb = r.thumb_width !== null;
  return {
    id: r.id,
    thumbUrl: hasThumb ? thumbUrl(r.id, r.content_hash) : null,
    takenAt: r.sort_at,
    width: hasThumb ? r.thumb_width : r.width,
    height: hasThumb ? r.thumb_height : r.height,
    favourite: r.favourite === 1,
    status: r.status,
    place: names.place,
    people: names.people,
    tags: names.tags,
  };
}

/** Rows as tiles, each named by its place, people and tags. */
export function gridItems(rows: readonly TimelineRow[], name: TileNamer): TimelineItem[] {
  const names = name(rows.map((r) => r.id));
  return rows.map((r) => gridItem(r, names.get(r.id)));
}

/** The opaque `nextCursor` of a keyset page: the position of its last row. */
function encodeCursor(row: { sort_at: string; id: string }): string {
  return Buffer.from(`${row.sort_at}\n${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): TimelineKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [sortAt, id, extra] = text.split('\n');
  if (!sortAt || !id || extra !== undefined || !/^[0-9a-f]{16,64}$/.test(id)) {
    throw new PictoError(
      'invalid',
      'cursor is not valid: pass nextCursor from the previous page unchanged',
    );
  }
  return { sortAt, id };
}

/** One page of rows asked for with `limit`: a full page has a next cursor, a short one is the end. */
export function gridPage(rows: TimelineRow[], limit: number, name: TileNamer): TimelinePage {
  const last = rows[rows.length - 1];
  return {
    items: gridItems(rows, name),
    nextCursor: rows.length === limit && last ? encodeCursor(last) : null,
  };
}
