import { ImageQuery, OriginalQuery, PhotoIdParams } from '../api.js';
import { binary, declareRoutes } from './declare.js';
import { IMAGE_PATHS } from './image-paths.js';

const CACHING =
  'Cached for a year when `v` matches the current content version (the URL the API gives ' +
  'out); otherwise revalidated with the ETag.';

/** Image bytes, always addressed by photo id: no path a client sends reaches the file system. */
export const fileRoutes = declareRoutes({
  getThumbnail: {
    method: 'GET',
    path: IMAGE_PATHS.thumbnail,
    tag: 'files',
    summary: 'Grid thumbnail (WebP)',
    description: CACHING,
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The thumbnail', 'image/jpeg', 'image/webp'),
      206: binary('A byte range of it', 'image/jpeg', 'image/webp'),
    },
    errors: [404, 416],
  },
  getPreview: {
    method: 'GET',
    path: IMAGE_PATHS.preview,
    tag: 'files',
    summary: 'Screen-sized image for the viewer',
    description:
      'A JPEG preview (≤ 1333 px) for formats a browser cannot show (HEIC, RAW, TIFF, AVIF…); ' +
      'for JPEG, PNG, WebP and GIF the original itself, which needs no preview. Older ' +
      'catalogues may still serve a 1440 px preview or WebP. ' +
      CACHING,
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The preview or the original', 'image/jpeg', 'image/webp', 'image/*'),
      206: binary('A byte range of it', 'image/jpeg', 'image/webp', 'image/*'),
    },
    errors: [404, 416],
  },
  getOriginal: {
    method: 'GET',
    path: IMAGE_PATHS.original,
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
