import { albumRoutes as r } from '../../shared/routes/albums.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function albumMemberRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.listAlbumPhotoIds, async (req) => ({
    ids: picto.collection.albumPhotoIds(req.params.id),
  }));
}
