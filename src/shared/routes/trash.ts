import {
  Buckets,
  Changed,
  EmptyTrashBody,
  EmptyTrashResult,
  PhotoIds,
  TimelinePage,
  TimelineQuery,
} from '../api.js';
import { declareRoutes } from './declare.js';

export const trashRoutes = declareRoutes({
  listTrash: {
    method: 'GET',
    path: '/api/trash',
    tag: 'trash',
    summary: 'Page through the trash',
    query: TimelineQuery,
    response: { 200: TimelinePage },
    errors: [404],
  },
  getTrashBuckets: {
    method: 'GET',
    path: '/api/trash/buckets',
    tag: 'trash',
    summary: 'Trashed photos per month',
    response: { 200: Buckets },
  },
  moveToTrash: {
    method: 'POST',
    path: '/api/trash',
    tag: 'trash',
    summary: 'Move photos to the trash',
    description: 'Nothing is deleted: the photos leave the timeline and albums until restored.',
    body: PhotoIds,
    response: { 200: Changed },
    errors: [404],
  },
  restoreFromTrash: {
    method: 'POST',
    path: '/api/trash/restore',
    tag: 'trash',
    summary: 'Restore photos from the trash',
    body: PhotoIds,
    response: { 200: Changed },
    errors: [404],
  },
  emptyTrash: {
    method: 'POST',
    path: '/api/trash/empty',
    tag: 'trash',
    summary: 'Empty the trash: DELETES THE ORIGINAL FILES FROM DISK',
    description:
      'The only endpoint that deletes originals, and only with `"confirm": true`. Every file of each ' +
      'trashed photo is deleted, then the photo leaves the catalogue. A file that changed on disk since ' +
      'the last scan is kept and reported in `kept`.',
    body: EmptyTrashBody,
    response: { 200: EmptyTrashResult },
    errors: [404, 409],
  },
});
