import { photoRoutes as r } from '../../shared/routes/photos.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function photoRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getPhoto, async (req) => picto.gallery.details(req.params.id));

  route(app, r.updatePhoto, async (req) => {
    picto.collection.updateNotes(req.params.id, req.body);
    return picto.gallery.details(req.params.id);
  });

  route(app, r.addPhotoKeyword, async (req) => {
    picto.collection.setKeyword(req.params.id, req.body.keyword, true);
    return picto.gallery.details(req.params.id);
  });

  route(app, r.removePhotoKeyword, async (req) => {
    picto.collection.setKeyword(req.params.id, req.body.keyword, false);
    return picto.gallery.details(req.params.id);
  });
}
