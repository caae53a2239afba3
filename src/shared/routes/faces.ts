import { PhotoIdParams } from '../api.js';
import { CropQuery, FaceIdParams, FaceList } from '../people-api.js';
import { binary, declareRoutes } from './declare.js';

/** Faces as the viewer and the people pages show them: the boxes in a photo, and face crops. */
export const faceRoutes = declareRoutes({
  listPhotoFaces: {
    method: 'GET',
    path: '/api/photos/:id/faces',
    tag: 'people',
    summary: 'Faces in a photo with their people (for the viewer)',
    params: PhotoIdParams,
    response: { 200: FaceList },
    errors: [404],
  },
  getFaceCrop: {
    method: 'GET',
    path: '/api/faces/:id/crop',
    tag: 'people',
    summary: 'A square crop around a face (WebP)',
    description: 'Cut from the preview; cached for a year when `v` matches the URL the API gave.',
    params: FaceIdParams,
    query: CropQuery,
    response: { 200: binary('The crop', 'image/webp') },
    errors: [404],
  },
});
