import { PictoError } from '../../shared/errors.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Picto } from '../../app/picto.js';
import { withOffset } from '../../interchange/format.js';
import type { TimelineRow, TimelineScope } from '../../db/repos/timeline.js';
import type {
  Album,
  Buckets,
  PhotoDetails,
  TimelineItem,
  TimelinePage,
  TimelineQuery,
} from '../../shared/api.js';
import { PageCache } from './page-cache.js';
import { originalUrl, previewUrl, thumbUrl } from './urls.js';

/** Formats a browser shows natively: the viewer can zoom into the original for these. */
const VIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);

export function encodeCursor(row: { sort_at: string; id: string }): string {
  return Buffer.from(`${row.sort_at}\n${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { sortAt: string; id: string } {
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

/** A photo row as the grid draws it: the timeline's item shape, also for search, people, memories. */
export function gridItem(r: TimelineRow): TimelineItem {
  const hasThumb = r.thumb_width !== null;
  return {
    id: r.id,
    thumbUrl: hasThumb ? thumbUrl(r.id, r.content_hash) : null,
    takenAt: r.sort_at,
    width: hasThumb ? r.thumb_width : r.width,
    height: hasThumb ? r.thumb_height : r.height,
    favourite: r.favourite === 1,
    status: r.status,
  };
}

/** Read side of the gallery: listings, buckets, details, albums as the API shows them. */
export class GalleryService {
  private readonly cache = new PageCache();

  constructor(private readonly picto: Picto) {}

  /**
   * A page as JSON. Pages of one month (how the web app asks) are cached under the month's change
   * counter: many clients scrolling the same library, or one client coming back to a month, cost
   * one lookup instead of a query. Album pages and cross-month pages are always fresh.
   */
  pageJson(
    scope: TimelineScope,
    q: TimelineQuery,
    serialize: (page: TimelinePage) => string,
  ): string {
    if (!q.month || scope.kind === 'album') return serialize(this.page(scope, q));
    const version = this.picto.repos.timeline.monthVersion(q.month);
    const key = `${scope.kind}|${q.month}|${version}|${q.limit ?? 200}|${q.cursor ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const json = serialize(this.page(scope, q));
    this.cache.set(key, json);
    return json;
  }

  private checkScope(scope: TimelineScope): void {
    if (scope.kind === 'album') this.picto.collection.album(scope.albumId);
  }

  page(scope: TimelineScope, q: TimelineQuery): TimelinePage {
    this.checkScope(scope);
    const limit = q.limit ?? 200;
    const rows = this.picto.repos.timeline.page(scope, {
      limit,
      month: q.month,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    const last = rows[rows.length - 1];
    return {
      items: rows.map(gridItem),
      nextCursor: rows.length === limit && last ? encodeCursor(last) : null,
    };
  }

  buckets(scope: TimelineScope): Buckets {
    this.checkScope(scope);
    const buckets = this.picto.repos.timeline.buckets(scope);
    return { buckets, total: buckets.reduce((n, b) => n + b.count, 0) };
  }

  details(id: string): PhotoDetails {
    const { repos } = this.picto;
    const p = this.picto.collection.photo(id);
    const hasThumb = p.thumb_width !== null;
    const hasPreview = p.preview_width !== null;
    return {
      id: p.id,
      contentHash: p.content_hash,
      status: p.status,
      error: p.error,
      warnings: parseWarnings(p.warnings),
      takenAt: withOffset(p.taken_at, p.taken_offset),
      takenAtSource: p.taken_source,
      sortAt: p.sort_at,
      width: p.width,
      height: p.height,
      format: p.format,
      mime: p.mime,
      size: p.size,
      orientation: p.orientation,
      camera: { make: p.make, model: p.model, lens: p.lens },
      exposure: {
        exposureTime: p.exposure_time,
        fNumber: p.f_number,
        iso: p.iso,
        focalLength: p.focal_length,
      },
      gps: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon, alt: p.alt } : null,
      place: placeOf(repos.discovery.places.forPhoto(id)),
      things: [...new Set(repos.objects.objectsForPhoto(id).map((o) => o.label))],
      faces: repos.faces.facesForPhoto(id).length,
      favourite: p.favourite === 1,
      trashedAt: p.trashed_at,
      files: repos.locations.forPhoto(id).map((l) => ({
        path: l.path,
        folderId: l.folder_id,
        size: l.size,
        modifiedAt: new Date(l.mtime_ms).toISOString(),
      })),
      albums: repos.albums.namesForPhoto(id),
      stages: repos.jobs
        .stagesForPhoto(id)
        .map((j) => ({ stage: j.stage, status: j.status, error: j.last_error })),
      thumbUrl: hasThumb ? thumbUrl(p.id, p.content_hash) : null,
      previewUrl: hasPreview ? previewUrl(p.id, p.content_hash) : null,
      previewWidth: p.preview_width,
      previewHeight: p.preview_height,
      originalUrl: originalUrl(p.id),
      originalViewable: p.mime !== null && VIEWABLE.has(p.mime),
    };
  }

  albums(): Album[] {
    const { repos } = this.picto;
    const list = repos.albums.list();
    const latest = repos.timeline.latestPerAlbum();
    const counts = repos.timeline.albumCounts();
    const chosen = repos.timeline.thumbFacts(
      list.map((a) => a.cover_photo_id).filter((id): id is string => id !== null),
    );
    return list.map((a) => {
      const coverId = a.cover_photo_id ?? latest.get(a.id)?.id ?? null;
      const facts = a.cover_photo_id ? chosen.get(a.cover_photo_id) : latest.get(a.id);
      return {
        id: a.id,
        name: a.name,
        description: a.description,
        photoCount: counts.get(a.id) ?? 0,
        coverPhotoId: coverId,
        coverThumbUrl:
          coverId && facts && facts.thumb_width !== null
            ? thumbUrl(coverId, facts.content_hash)
            : null,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
      };
    });
  }

  album(id: number): Album {
    this.picto.collection.album(id);
    return this.albums().find((a) => a.id === id)!;
  }

  /** The photo's original: its first file that is still on disk (copies are the same bytes). */
  originalFile(id: string): { path: string; mime: string; name: string; contentHash: string } {
    const p = this.picto.collection.photo(id);
    const locs = this.picto.repos.locations.forPhoto(id);
    if (!locs.length) throw new PictoError('not-found', `photo ${id} has no file in the library`);
    const loc = locs.find((l) => existsSync(l.path)) ?? locs[0];
    return {
      path: loc.path,
      mime: p.mime ?? mimeFromName(loc.path),
      name: path.basename(loc.path),
      contentHash: p.content_hash,
    };
  }
}

function placeOf(
  row: { city: string | null; region: string | null; country: string | null } | undefined,
): PhotoDetails['place'] {
  if (!row || (!row.city && !row.region && !row.country)) return null;
  return { city: row.city, region: row.region, country: row.country };
}

function parseWarnings(text: string | null): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(String) : [String(v)];
  } catch {
    return [text];
  }
}

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** Used only before the indexer has read the file's real type. */
export function mimeFromName(p: string): string {
  return MIME_BY_EXT[path.extname(p).toLowerCase()] ?? 'application/octet-stream';
}
