import { FindByPhotoBody, FoundFaces } from '../people-api.js';
import { binary, declareRoutes } from './declare.js';

/** The image types an upload may be sent as (octet-stream: let Picto sniff it). */
export const UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/tiff',
  'application/octet-stream',
];

/** Find by face: who is in a photo of the library, or in an image sent for the purpose. */
export const findByFaceRoutes = declareRoutes({
  findByPhoto: {
    method: 'POST',
    path: '/api/people/find',
    tag: 'people',
    summary: 'Find by face: the people in a library photo and their photos',
    body: FindByPhotoBody,
    response: { 200: FoundFaces },
    errors: [404],
  },
  findByUpload: {
    method: 'POST',
    path: '/api/people/find/upload',
    tag: 'people',
    summary: 'Find by face with a photo from outside the library',
    description:
      'Send the image bytes as the body (Content-Type image/jpeg, image/png, …). Nothing is ' +
      'stored. An image Picto cannot use is refused: 415 when it is not an image format it ' +
      'knows, 413 when it is over the pixel or size limit, 422 when it is broken.',
    body: binary('The image', ...UPLOAD_TYPES),
    response: { 200: FoundFaces },
    errors: [404, 413, 415, 422, 503],
  },
});
