import { PhotoDetails, PhotoIdParams } from '../api.js';
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
});
