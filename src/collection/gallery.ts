// The gallery's read side: the timeline and its scopes (favourites, an album, the trash) as pages
// and month buckets, a photo's details, albums with counts and covers, and the files behind a
// photo (thumbnail, preview, original). The API serves these shapes as they are; the CLI reads
// the same models.

import type { Repos } from '../db/index.js';
import type { TimelineRow, TimelineScope } from '../db/repos/timeline.js';
import { previewFile, thumbFile } from '../media/files.js';
import type {
  Album,
  Buckets,
  PhotoDetails,
  TimelineItem,
  TimelinePage,
  TimelineQuery,
} from '../shared/api.js';
import { PictoError } from '../shared/errors.js';
import { contentVersion, thumbUrl } from '../shared/routes/urls.js';
import type { Collection } from './collection.js';
import { decodeCursor, gridItems, gridPage } from './grid.js';
import { servableOriginal, type OriginalFile } from './originals.js';
import { originalIsPreview, photoDetails } from './photo-details.js';

export type { TimelineScope };

export interface GalleryDeps {
  repos: Repos;
  collection: Collection;
  /** Where thumbnails and previews are (the data directory's thumbs/). */
  thumbDir: string;
  /** A photo was opened in the viewer: its pending indexing work should go next. */
  opened?: (photoId: string) => void;
  /** How far a running transcode is (jobs/transcoder.ts), for the details' `video.progress`. */
  transcodeProgress?: (photoId: string) => number | undefined;
}

/** A derived image of a photo, named by content: `version` changes when the content does. */
export interface ImageFile {
  path: string;
  mime: string;
  version: string;
}

export class Gallery {
  constructor(private readonly deps: GalleryDeps) {}

  private checkScope(scope: TimelineScope): void {
    if (scope.kind === 'album') this.deps.collection.album(scope.albumId);
  }

  /** A keyset page, newest first: pass `nextCursor` back as `cursor`; `month` keeps to one month. */
  page(scope: TimelineScope, q: TimelineQuery): TimelinePage {
    this.checkScope(scope);
    const limit = q.limit ?? 200;
    const rows = this.deps.repos.timeline.page(scope, {
      limit,
      month: q.month,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    return gridPage(rows, limit, this.nameTiles);
  }

  /** Rows of any listing (search, memories) as named grid tiles. */
  items(rows: readonly TimelineRow[]): TimelineItem[] {
    return gridItems(rows, this.nameTiles);
  }

  private readonly nameTiles = (ids: readonly string[]) => this.deps.repos.tileNames.forPhotos(ids);

  buckets(scope: TimelineScope): Buckets {
    this.checkScope(scope);
    const buckets = this.deps.repos.timeline.buckets(scope);
    return { buckets, total: buckets.reduce((n, b) => n + b.count, 0) };
  }

  /** A counter that changes whenever a photo of the month changes (for caching its pages). */
  monthVersion(month: string): number {
    return this.deps.repos.timeline.monthVersion(month);
  }

  /**
   * A photo's details: what the viewer asks for when it opens one, so its pending work (AI, a
   * preview, even its thumbnail) is raised to go next ([Note: visible first] in jobs/pipeline.ts).
   */
  details(id: string): PhotoDetails {
    const photo = this.deps.collection.photo(id);
    this.deps.opened?.(id);
    return photoDetails(this.deps.repos, photo, this.deps.transcodeProgress);
  }

  albums(): Album[] {
    const { repos } = this.deps;
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
    this.deps.collection.album(id);
    return this.albums().find((a) => a.id === id)!;
  }

  /**
   * The grid thumbnail (WebP) or the screen-sized preview of a photo, once the indexer made it.
   * Photos a browser shows as they are (JPEG, PNG, WebP, GIF) get no preview file: their preview
   * is the original ([Note: decode scales] in media/process.ts), so the URL works for every photo.
   */
  async image(id: string, kind: 'thumbnail' | 'preview'): Promise<ImageFile> {
    const p = this.deps.collection.photo(id);
    if (kind === 'preview' && p.preview_width === null && originalIsPreview(p)) {
      const file = await servableOriginal(id, this.deps.repos.locations.forPhoto(id));
      return { path: file.path, mime: file.mime, version: contentVersion(p.content_hash) };
    }
    const made = kind === 'thumbnail' ? p.thumb_width : p.preview_width;
    if (made === null)
      throw new PictoError('not-ready', `no ${kind} yet for ${p.id} (status: ${p.status})`);
    const file =
      kind === 'thumbnail'
        ? thumbFile(this.deps.thumbDir, p.content_hash)
        : previewFile(this.deps.thumbDir, p.content_hash);
    return { ...file, version: contentVersion(p.content_hash) };
  }

  /** The original file, when it may be served ([Note: Links and real paths]). */
  async original(id: string): Promise<OriginalFile & { contentHash: string }> {
    const p = this.deps.collection.photo(id);
    const file = await servableOriginal(id, this.deps.repos.locations.forPhoto(id));
    return { ...file, contentHash: p.content_hash };
  }

  /** The first file path of a photo (null when none is left), for listings that name files. */
  firstPath(id: string): string | null {
    return this.deps.repos.locations.forPhoto(id)[0]?.path ?? null;
  }
}
