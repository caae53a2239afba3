import type { Buckets, TimelinePage, TimelineQuery } from '../../../src/shared/api.js';
import { routes } from '../../../src/shared/routes/index.js';
import { call } from '../api/call.js';

/** Where a photo grid gets its photos: every listing has a page and a month-count route. */
export interface Source {
  key: string;
  kind: 'all' | 'favourites' | 'trash' | 'album' | 'person' | 'category';
  albumId?: number;
  personId?: number;
  /** A category's photos (the Review page). */
  category?: string;
  /** A page of its photos, newest first. */
  page(query: TimelineQuery): Promise<TimelinePage>;
  /** Its photos per month. */
  buckets(): Promise<Buckets>;
}

export const allPhotos: Source = {
  key: 'all',
  kind: 'all',
  page: (query) => call(routes.listTimeline, { query }),
  buckets: () => call(routes.getTimelineBuckets),
};
export const favourites: Source = {
  key: 'favourites',
  kind: 'favourites',
  page: (query) => call(routes.listFavourites, { query }),
  buckets: () => call(routes.getFavouriteBuckets),
};
export const trash: Source = {
  key: 'trash',
  kind: 'trash',
  page: (query) => call(routes.listTrash, { query }),
  buckets: () => call(routes.getTrashBuckets),
};

export function albumSource(id: number): Source {
  return {
    key: `album:${id}`,
    kind: 'album',
    albumId: id,
    page: (query) => call(routes.listAlbumPhotos, { params: { id }, query }),
    buckets: () => call(routes.getAlbumBuckets, { params: { id } }),
  };
}

export function personSource(id: number): Source {
  return {
    key: `person:${id}`,
    kind: 'person',
    personId: id,
    page: (query) => call(routes.listPersonPhotos, { params: { id }, query }),
    buckets: () => call(routes.getPersonBuckets, { params: { id } }),
  };
}
