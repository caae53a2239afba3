import { photoRoutes as r } from '../../shared/routes/photos.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function photoRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getPhoto, async (req) => picto.gallery.details(req.params.id));
}
