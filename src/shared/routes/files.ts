import { ImageQuery, OriginalQuery, PhotoIdParams } from '../api.js';
import { binary, declareRoutes } from './declare.js';

const CACHING =
  'Cached for a year when `v` matches the current content version (the URL the API gives ' +
  'out); otherwise revalidated with the ETag.';

/** Image bytes, always addressed by photo id: no path a client sends reaches the file system. */
export const fileRoutes = declareRoutes({
  getThumbnail: {
    method: 'GET',
    path: '/api/photos/:id/thumbnail',
    tag: 'files',
    summary: 'Grid thumbnail (WebP)',
    description: CACHING,
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The thumbnail', 'image/webp'),
      206: binary('A byte range of it', 'image/webp'),
    },
    errors: [404, 416],
  },
  getPreview: {
    method: 'GET',
    path: '/api/photos/:id/preview',
    tag: 'files',
    summary: 'Screen-sized preview (JPEG, ≤ 1440 px; older catalogues may still serve WebP)',
    description: CACHING,
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The preview', 'image/jpeg', 'image/webp'),
      206: binary('A byte range of it', 'image/jpeg', 'image/webp'),
    },
    errors: [404, 416],
  },
  getOriginal: {
    method: 'GET',
    path: '/api/photos/:id/original',
    tag: 'files',
    summary: 'The original file, streamed',
    description:
      'Supports byte ranges (206) and conditional requests (ETag → 304). A file whose content is ' +
      'not an image Picto recognises (a link named like a photo that leads elsewhere) is not served (404).',
    params: PhotoIdParams,
    query: OriginalQuery,
    response: {
      200: binary('The file as it is on disk', 'image/*', 'application/octet-stream'),
      206: binary('A byte range of it', 'image/*', 'application/octet-stream'),
    },
    errors: [404, 416],
  },
});
