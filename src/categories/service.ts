// The categories as the app serves them: a photo's categories with labels and reasons, the
// user's removals ("not a screenshot", kept across every recomputation) and their undo, and a
// category's photos as a timeline (the Review page). Search and the Things page read the same
// table through their own modules.

import { decodeCursor, gridPage } from '../collection/grid.js';
import type { Repos } from '../db/index.js';
import type { Buckets, TimelinePage, TimelineQuery } from '../shared/api.js';
import type { EventBus } from '../shared/events.js';
import { PictoError } from '../shared/errors.js';
import { CATEGORIES, category } from './catalogue.js';
import { refreshCategories } from './refresh.js';
import type { PhotoCategory, RemovedCategory } from '../shared/categories.js';
import { CATEGORY_NAMES, type CategoryName } from './types.js';

export interface PhotoCategories {
  /** What the info panel shows: "Selfie — front camera". */
  categories: PhotoCategory[];
  /** Categories the user took the photo out of (undo puts it back if it still qualifies). */
  removedCategories: RemovedCategory[];
}

export function isCategoryName(name: string): name is CategoryName {
  return (CATEGORY_NAMES as readonly string[]).includes(name);
}

function known(name: string): CategoryName {
  if (!isCategoryName(name))
    throw new PictoError(
      'not-found',
      `no category called "${name}" (known: ${CATEGORY_NAMES.join(', ')})`,
    );
  return name;
}

export class CategoryService {
  constructor(
    private readonly repos: Repos,
    private readonly events: EventBus,
  ) {}

  /** Every category: name, labels and definition, in the catalogue's order. */
  definitions() {
    return CATEGORIES.map((c) => ({
      name: c.name,
      label: c.label,
      one: c.one,
      definition: c.definition,
      ...(c.tagGroup ? { tagGroup: c.tagGroup } : {}),
    }));
  }

  forPhoto(photoId: string): PhotoCategories {
    return photoCategories(this.repos, photoId);
  }

  /**
   * Takes photos out of a category; the removal is kept across every recomputation (new faces, a
   * new model) until undone. Returns the photos that were in it.
   */
  remove(name: string, photoIds: readonly string[]): { changed: string[] } {
    const n = known(name);
    this.requirePhotos(photoIds);
    const now = new Date().toISOString();
    const changed = this.repos.db.transaction(() =>
      this.repos.categories.remove(n, photoIds, now),
    )();
    if (changed.length)
      this.events.emit({ type: 'photos.changed', ids: changed, reason: 'updated' });
    return { changed };
  }

  /**
   * Undoes removals: the photos are classified again and are back if they still qualify.
   * Returns the photos that had a removal.
   */
  restore(name: string, photoIds: readonly string[]): { changed: string[] } {
    const n = known(name);
    this.requirePhotos(photoIds);
    const changed = this.repos.db.transaction(() => {
      const had = this.repos.categories.unremove(n, photoIds);
      for (const id of had) refreshCategories(this.repos, id);
      return had;
    })();
    if (changed.length)
      this.events.emit({ type: 'photos.changed', ids: changed, reason: 'updated' });
    return { changed };
  }

  /** Classifies photos again after a signal changed outside the pipeline (a date or place set). */
  refresh(photoIds: readonly string[]): void {
    this.repos.db.transaction(() => {
      for (const id of photoIds) refreshCategories(this.repos, id);
    })();
  }

  /** A category's photos, newest first, in the timeline's page shape (the Review page). */
  photos(name: string, q: TimelineQuery): TimelinePage {
    const n = known(name);
    const limit = q.limit ?? 200;
    const rows = this.repos.categories.page(n, {
      limit,
      month: q.month,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    return gridPage(rows, limit, (ids) => this.repos.tileNames.forPhotos(ids));
  }

  buckets(name: string): Buckets {
    const buckets = this.repos.categories.buckets(known(name));
    return { buckets, total: buckets.reduce((n, b) => n + b.count, 0) };
  }

  private requirePhotos(ids: readonly string[]): void {
    const missing = ids.filter((id) => !this.repos.photos.get(id));
    if (missing.length) throw new PictoError('not-found', `no photo with id ${missing[0]}`);
  }
}

/** A photo's categories in the catalogue's order, with labels, and the ones the user removed. */
export function photoCategories(
  repos: Pick<Repos, 'categories'>,
  photoId: string,
): PhotoCategories {
  const order = (n: string) => CATEGORY_NAMES.indexOf(n as CategoryName);
  const categories = repos.categories
    .forPhoto(photoId)
    .filter((r) => isCategoryName(r.name))
    .sort((a, b) => order(a.name) - order(b.name))
    .map((r): PhotoCategory => {
      const name = r.name as CategoryName;
      const receipt = r.subtype === 'receipt';
      return {
        name,
        label: receipt ? 'Receipt' : category(name).one,
        score: r.score,
        reason: r.reason,
        ...(receipt ? { subtype: 'receipt' as const } : {}),
      };
    });
  const removedCategories = repos.categories
    .removals(photoId)
    .filter(isCategoryName)
    .map((name) => ({ name, label: category(name).one }));
  return { categories, removedCategories };
}
