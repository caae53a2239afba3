import { PictoError } from '../shared/errors.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Repos } from '../db/index.js';
import type { AlbumRow, AlbumWithCount } from '../db/repos/albums.js';
import type { PhotoRow } from '../db/repos/photos.js';
import type { EventBus } from '../shared/events.js';
import { cleanName, MAX_DESCRIPTION } from '../shared/names.js';
import { withUserKeyword } from './keywords.js';

const MAX_ALBUM_NAME = 200;
/** Control characters (but line breaks and tabs) and bidi overrides have no place in a caption. */
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** What a person or another program said about a photo, as the info panel shows it. */
export interface PhotoNotes {
  description: string | null;
  /** 'xmp' (read from other programs), 'takeout' (Google Takeout), 'user' (set in Picto). */
  descriptionSource: string | null;
  /** 1–5 stars; null when unrated. */
  rating: number | null;
  ratingSource: string | null;
  /** Keyword paths, levels joined by '/' ("Places/Korea/Seoul"), with their last level. */
  keywords: { path: string; leaf: string; source: string }[];
}

function checkRating(rating: number | null): void {
  if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
    throw new PictoError('invalid', 'a rating is a whole number of stars from 1 to 5, or none');
  }
}

/** A description as stored: unwanted characters out, trimmed, null when nothing is left. */
function cleanDescription(text: string | null): string | null {
  const clean = (text ?? '').replace(UNWANTED, '').trim();
  if (clean.length > MAX_DESCRIPTION) {
    throw new PictoError('invalid', `a description has at most ${MAX_DESCRIPTION} characters`);
  }
  return clean || null;
}

/** What people do with their photos: favourites, albums, lookups. */
export class Collection {
  constructor(
    private readonly repos: Repos,
    private readonly events: EventBus,
  ) {}

  private now(): string {
    return new Date().toISOString();
  }

  photo(id: string): PhotoRow {
    const p = this.repos.photos.get(id);
    if (!p) throw new PictoError('not-found', `no photo with id ${id}`);
    return p;
  }

  /** The photo at a file path typed by a user (links resolved), or null when it is not one. */
  async photoIdAt(filePath: string): Promise<string | null> {
    const abs = path.resolve(filePath);
    let loc = this.repos.locations.byPath(abs);
    if (!loc) {
      const real = await fs.realpath(abs).catch(() => abs);
      loc = this.repos.locations.byPath(real);
    }
    return loc?.photo_id ?? null;
  }

  /** Resolves file paths typed by a user to photo ids; unknown paths are an error naming them. */
  async photoIdsForPaths(paths: string[]): Promise<string[]> {
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const p of paths) {
      const id = await this.photoIdAt(p);
      if (id) ids.push(id);
      else unknown.push(p);
    }
    if (unknown.length) {
      throw new PictoError(
        'not-found',
        `not in the library: ${unknown.join(', ')} (is its folder added and scanned?)`,
      );
    }
    return [...new Set(ids)];
  }

  setFavourite(ids: string[], on: boolean): number {
    for (const id of ids) this.photo(id);
    const n = this.repos.db.transaction(() =>
      this.repos.photos.setFavourite(ids, on, this.now()),
    )();
    this.events.emit({ type: 'photos.changed', ids, reason: 'updated' });
    return n;
  }

  // Ratings, descriptions, keywords ------------------------------------------------------------

  /** Description, rating and keywords of a photo. */
  notes(id: string): PhotoNotes {
    const p = this.photo(id);
    return {
      description: p.description,
      descriptionSource: p.description_source,
      rating: p.rating,
      ratingSource: p.rating_source,
      keywords: this.repos.keywords.forPhoto(id),
    };
  }

  /**
   * Stars for photos (1–5, or null for unrated). Set by the user, so later imports of other
   * programs' ratings leave them alone.
   */
  setRating(ids: string[], rating: number | null): number {
    checkRating(rating);
    for (const id of ids) this.photo(id);
    const now = this.now();
    this.repos.db.transaction(() => {
      for (const id of ids)
        this.repos.photos.setImported(id, { rating, rating_source: 'user' }, now);
    })();
    this.events.emit({ type: 'photos.changed', ids, reason: 'updated' });
    return ids.length;
  }

  /**
   * What the info panel changes on one photo: its rating, its description, or both (a field left
   * out stays as it is). Both checks run before anything is written.
   */
  updateNotes(id: string, change: { rating?: number | null; description?: string | null }): void {
    this.photo(id);
    if (change.rating === undefined && change.description === undefined) {
      // Unknown fields are dropped by validation: `{ stars: 3 }` arrives here empty.
      throw new PictoError('validation', 'give a rating, a description or both');
    }
    if (change.rating !== undefined) checkRating(change.rating);
    const description =
      change.description !== undefined ? cleanDescription(change.description) : undefined;
    const now = this.now();
    this.repos.db.transaction(() => {
      if (change.rating !== undefined) {
        this.repos.photos.setImported(id, { rating: change.rating, rating_source: 'user' }, now);
      }
      if (description !== undefined) {
        this.repos.photos.setImported(id, { description, description_source: 'user' }, now);
      }
    })();
    this.events.emit({ type: 'photos.changed', ids: [id], reason: 'updated' });
  }

  /** Adds a keyword of the user's to a photo, or takes one out (see withUserKeyword). */
  setKeyword(id: string, keyword: string, on: boolean): void {
    this.photo(id);
    const next = withUserKeyword(this.repos.keywords.forPhoto(id), keyword, on);
    this.repos.db.transaction(() => this.repos.keywords.replace(id, 'user', next))();
    this.events.emit({ type: 'photos.changed', ids: [id], reason: 'updated' });
  }

  /** A photo's description ('' or null clears it; imports then leave it empty). */
  setDescription(id: string, text: string | null): PhotoNotes {
    this.photo(id);
    const description = cleanDescription(text);
    this.repos.photos.setImported(id, { description, description_source: 'user' }, this.now());
    this.events.emit({ type: 'photos.changed', ids: [id], reason: 'updated' });
    return this.notes(id);
  }

  // Albums ------------------------------------------------------------------------------------

  albums(): AlbumWithCount[] {
    return this.repos.albums.list();
  }

  album(idOrName: number | string): AlbumRow {
    const a =
      typeof idOrName === 'number'
        ? this.repos.albums.get(idOrName)
        : this.repos.albums.byName(idOrName);
    if (!a)
      throw new PictoError(
        'not-found',
        `no album ${typeof idOrName === 'number' ? 'with id ' : ''}${idOrName}`,
      );
    return a;
  }

  /** Ids of the album's photos outside the trash, newest first (a picker marks them). */
  albumPhotoIds(id: number): string[] {
    this.album(id);
    return this.repos.albums.photoIds(id, { live: true });
  }

  /** A new album, with its first photos in the same transaction (all of them or no album). */
  createAlbum(name: string, description = '', photoIds: string[] = []): AlbumRow {
    const clean = validAlbumName(name);
    if (this.repos.albums.byName(clean))
      throw new PictoError('conflict', `album "${clean}" already exists`);
    for (const id of photoIds) this.photo(id);
    const now = this.now();
    const a = this.repos.db.transaction(() => {
      const row = this.repos.albums.insert(clean, description, now);
      if (photoIds.length) this.repos.albums.addPhotos(row.id, photoIds, now);
      return row;
    })();
    this.events.emit({ type: 'albums.changed' });
    return a;
  }

  updateAlbum(
    id: number,
    fields: { name?: string; description?: string; coverPhotoId?: string | null },
  ): AlbumRow {
    this.album(id);
    const name = fields.name !== undefined ? validAlbumName(fields.name) : undefined;
    if (name !== undefined) {
      const other = this.repos.albums.byName(name);
      if (other && other.id !== id)
        throw new PictoError('conflict', `album "${name}" already exists`);
    }
    if (fields.coverPhotoId) this.photo(fields.coverPhotoId);
    this.repos.albums.update(
      id,
      { name, description: fields.description, cover_photo_id: fields.coverPhotoId },
      this.now(),
    );
    this.events.emit({ type: 'albums.changed' });
    return this.album(id);
  }

  deleteAlbum(id: number): void {
    this.album(id);
    this.repos.albums.delete(id);
    this.events.emit({ type: 'albums.changed' });
  }

  addToAlbum(albumId: number, photoIds: string[]): number {
    this.album(albumId);
    for (const id of photoIds) this.photo(id);
    const n = this.repos.db.transaction(() =>
      this.repos.albums.addPhotos(albumId, photoIds, this.now()),
    )();
    this.events.emit({ type: 'albums.changed' });
    return n;
  }

  removeFromAlbum(albumId: number, photoIds: string[]): number {
    this.album(albumId);
    const n = this.repos.db.transaction(() =>
      this.repos.albums.removePhotos(albumId, photoIds, this.now()),
    )();
    this.events.emit({ type: 'albums.changed' });
    return n;
  }
}

function validAlbumName(name: string): string {
  const clean = cleanName(name, 'album name', MAX_ALBUM_NAME);
  if (!clean) throw new PictoError('invalid', 'album name must not be empty');
  return clean;
}
