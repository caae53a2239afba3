import { Buckets, Changed, PhotoIds, TimelinePage, TimelineQuery } from '../api.js';
import { declareRoutes } from './declare.js';

export const favouriteRoutes = declareRoutes({
  listFavourites: {
    method: 'GET',
    path: '/api/favourites',
    tag: 'favourites',
    summary: 'Page through favourites, newest first',
    query: TimelineQuery,
    response: { 200: TimelinePage },
    errors: [404],
  },
  getFavouriteBuckets: {
    method: 'GET',
    path: '/api/favourites/buckets',
    tag: 'favourites',
    summary: 'Favourites per month',
    response: { 200: Buckets },
  },
  addFavourites: {
    method: 'POST',
    path: '/api/favourites',
    tag: 'favourites',
    summary: 'Mark photos as favourites',
    body: PhotoIds,
    response: { 200: Changed },
    errors: [404],
  },
  removeFavourites: {
    method: 'DELETE',
    path: '/api/favourites',
    tag: 'favourites',
    summary: 'Unmark favourites',
    body: PhotoIds,
    response: { 200: Changed },
    errors: [404],
  },
});
