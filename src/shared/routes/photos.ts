import { PhotoDetails, PhotoIdParams } from '../api.js';
import { UpdatePhotoBody } from '../interchange-api.js';
import { declareRoutes } from './declare.js';

export const photoRoutes = declareRoutes({
  getPhoto: {
    method: 'GET',
    path: '/api/photos/:id',
    tag: 'photos',
    summary: "One photo's details",
    description: 'All metadata, every file path, albums, indexing stages and the image URLs.',
    params: PhotoIdParams,
    response: { 200: PhotoDetails },
    errors: [404],
  },
  updatePhoto: {
    method: 'PATCH',
    path: '/api/photos/:id',
    tag: 'photos',
    summary: "Set a photo's rating or description",
    description:
      'Stars (1–5, null for none) and the description, as the info panel edits them. What is set here is the user’s: later imports from sidecars leave it alone.',
    params: PhotoIdParams,
    body: UpdatePhotoBody,
    response: { 200: PhotoDetails },
    errors: [404],
  },
});
