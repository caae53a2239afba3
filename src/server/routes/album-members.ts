import { NumericIdParams } from '../../shared/api.js';
import { AlbumPhotoIds } from '../../shared/album-members-api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';

export function albumMemberRoutes(app: Api, { picto }: ServerContext): void {
  app.get(
    '/albums/:id/photo-ids',
    {
      schema: {
        tags: ['albums'],
        summary: "The ids of an album's photos",
        description:
          'Every photo of the album outside the trash, newest first, ids only: what a photo picker needs ' +
          'to mark the photos already in it (an album of 10 000 photos is ~200 KB).',
        params: NumericIdParams,
        response: { 200: AlbumPhotoIds, ...errors },
      },
    },
    async (req) => ({ ids: picto.collection.albumPhotoIds(req.params.id) }),
  );
}
