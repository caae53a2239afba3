/** Where a photo grid gets its photos: every listing has the same page and bucket endpoints. */
export interface Source {
  key: string;
  /** GET base for pages; `${base}/buckets` for month counts. */
  base: string;
  bucketsBase: string;
  kind: 'all' | 'favourites' | 'trash' | 'album' | 'person' | 'category';
  albumId?: number;
  personId?: number;
  /** A category's photos (the Review page). */
  category?: string;
}

export const allPhotos: Source = {
  key: 'all',
  base: '/api/timeline',
  bucketsBase: '/api/timeline',
  kind: 'all',
};
export const favourites: Source = {
  key: 'favourites',
  base: '/api/favourites',
  bucketsBase: '/api/favourites',
  kind: 'favourites',
};
export const trash: Source = {
  key: 'trash',
  base: '/api/trash',
  bucketsBase: '/api/trash',
  kind: 'trash',
};

export function albumSource(id: number): Source {
  return {
    key: `album:${id}`,
    base: `/api/albums/${id}/photos`,
    bucketsBase: `/api/albums/${id}`,
    kind: 'album',
    albumId: id,
  };
}

export function personSource(id: number): Source {
  return {
    key: `person:${id}`,
    base: `/api/people/${id}/photos`,
    bucketsBase: `/api/people/${id}`,
    kind: 'person',
    personId: id,
  };
}
