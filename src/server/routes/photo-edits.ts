import { photoEditRoutes as r } from '../../shared/routes/photo-edits.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

/** Dates and places set by the user, and places found by name for them. */
export function photoEditRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.editPhotoDate, async (req) => {
    const { ids, ...edit } = req.body;
    return { changed: picto.edits.editDate(ids, edit) };
  });

  route(app, r.editPhotoPlace, async (req) => {
    const { ids, ...edit } = req.body;
    return picto.edits.editPlace(ids, edit);
  });

  route(app, r.findPlaces, async (req) => ({
    places: picto.discovery.places.find(req.query.q, req.query.limit ?? 8),
  }));
}
