import { PhotoDetails, PhotoIdParams } from '../api.js';
import { KeywordBody, UpdatePhotoBody } from '../interchange-api.js';
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
  addPhotoKeyword: {
    method: 'POST',
    path: '/api/photos/:id/keywords',
    tag: 'photos',
    summary: 'Add a keyword to a photo',
    description:
      'A keyword of the user’s; levels are joined by / or | ("Places/Korea/Seoul"), and each level finds the photo in search.',
    params: PhotoIdParams,
    body: KeywordBody,
    response: { 200: PhotoDetails },
    errors: [404],
  },
  removePhotoKeyword: {
    method: 'DELETE',
    path: '/api/photos/:id/keywords',
    tag: 'photos',
    summary: 'Take a keyword off a photo',
    description:
      'Only keywords added in Picto; one read from another program’s sidecar is changed there (409).',
    params: PhotoIdParams,
    body: KeywordBody,
    response: { 200: PhotoDetails },
    errors: [404, 409],
  },
});
