// The people pages' read models in the shape the API serves: people and faces with their crop
// URLs, a person's photos as a timeline, suggestions, and the face crops themselves.

import { createHash } from 'node:crypto';
import { decodeCursor, gridPage } from '../collection/grid.js';
import { servableOriginal } from '../collection/originals.js';
import { originalIsPreview } from '../collection/photo-details.js';
import type { Repos } from '../db/index.js';
import { previewFile, thumbFile } from '../media/files.js';
import type { Buckets, TimelinePage, TimelineQuery } from '../shared/api.js';
import { PictoError } from '../shared/errors.js';
import type { Face, Person, Suggestion } from '../shared/people-api.js';
import { contentVersion, faceCropUrl } from '../shared/routes/urls.js';
import type { FaceView, PeopleService, PersonSummary } from './service.js';

export class PersonPages {
  constructor(
    private readonly repos: Repos,
    private readonly people: PeopleService,
    /** Where previews are (face crops are cut from them); absent: no crops. */
    private readonly thumbDir?: string,
  ) {}

  /** The version in a crop URL: it changes with the photo's content and the face's box. */
  private cropVersion(f: { content_hash: string; x: number; y: number; w: number; h: number }) {
    return createHash('sha1')
      .update(`${contentVersion(f.content_hash)}:${f.x},${f.y},${f.w},${f.h}`)
      .digest('hex')
      .slice(0, 16);
  }

  cropUrl(faceId: string): string | null {
    const f = this.repos.people.cropFacts(faceId);
    return f ? faceCropUrl(faceId, this.cropVersion(f)) : null;
  }

  person(p: PersonSummary): Person {
    return { ...p, coverUrl: p.coverFaceId ? this.cropUrl(p.coverFaceId) : null };
  }

  /** One person by id (merged ids resolve to the person they joined). */
  personById(id: number): Person {
    return this.person(this.people.get(id));
  }

  face(f: FaceView): Face {
    return { ...f, cropUrl: this.cropUrl(f.id) ?? '' };
  }

  /** A person's photos, newest first, in the timeline's page shape. */
  photos(personId: number, q: TimelineQuery): TimelinePage {
    const id = this.people.get(personId).id;
    const limit = q.limit ?? 200;
    const rows = this.repos.people.personPage(id, {
      limit,
      month: q.month,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    return gridPage(rows, limit, (ids) => this.repos.tileNames.forPhotos(ids));
  }

  buckets(personId: number): Buckets {
    const buckets = this.repos.people.personBuckets(this.people.get(personId).id);
    return { buckets, total: buckets.reduce((n, b) => n + b.count, 0) };
  }

  suggestions(personId: number, limit: number): Suggestion[] {
    return this.people.suggestions(personId, limit).map((s) => ({
      kind: s.kind,
      personId: s.kind === 'person' ? s.personId : null,
      faceId: s.kind === 'face' ? s.faceId : null,
      faceCount: s.kind === 'person' ? s.faceCount : 1,
      distance: Math.round(s.distance * 1e4) / 1e4,
      cropUrl: s.coverFaceId ? this.cropUrl(s.coverFaceId) : null,
      photoId: s.photoId,
    }));
  }

  /**
   * A square WebP around a face, cut from the photo's preview (else its thumbnail). `current`
   * tells whether `version` is the face's current one, so the reply may be cached for good.
   */
  async crop(
    faceId: string,
    size: number,
    version?: string,
  ): Promise<{ body: Buffer; current: boolean }> {
    const f = this.repos.people.face(faceId);
    if (!f) throw new PictoError('not-found', `no face with id ${faceId}`);
    const p = this.repos.photos.get(f.photo_id);
    if (!p) throw new PictoError('not-found', `no photo with id ${f.photo_id}`);
    const dir = this.thumbDir;
    const original = !p.preview_width && originalIsPreview(p);
    const [file, w, h] = original
      ? [
          (await servableOriginal(p.id, this.repos.locations.forPhoto(p.id))).path,
          p.width,
          p.height,
        ]
      : p.preview_width && p.preview_height
        ? [dir && previewFile(dir, p.content_hash).path, p.preview_width, p.preview_height]
        : [dir && thumbFile(dir, p.content_hash).path, p.thumb_width, p.thumb_height];
    if (!file || !w || !h || !p.width || !p.height) {
      throw new PictoError('not-ready', `no preview yet for photo ${p.id} (status: ${p.status})`);
    }
    // sharp loads with the first face crop asked for, not with the app.
    const { faceCrop } = await import('./face-crop.js');
    const body = await faceCrop(
      {
        file,
        original,
        width: w,
        height: h,
        photoWidth: p.width,
        photoHeight: p.height,
        box: [f.x, f.y, f.w, f.h],
      },
      size,
    );
    return { body, current: version === this.cropVersion(f) };
  }
}
