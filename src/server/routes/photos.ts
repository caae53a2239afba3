import { PhotoDetails, PhotoIdParams } from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function photoRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/photos/:id',
    {
      schema: {
        tags: ['photos'],
        summary: "One photo's details",
        description: 'All metadata, every file path, albums, indexing stages and the image URLs.',
        params: PhotoIdParams,
        response: { 200: PhotoDetails, ...errors },
      },
    },
    async (req) => picto.gallery.details(req.params.id),
  );
}
