import { favouriteRoutes as r } from '../../shared/routes/favourites.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';
import { sendPage } from './send-page.js';

export function favouriteRoutes(app: Api, { picto, pages }: ServerContext): void {
  route(app, r.listFavourites, async (req, reply) =>
    sendPage(
      reply,
      pages.json({ kind: 'favourites' }, req.query, (p) => String(reply.serialize(p))),
    ),
  );

  route(app, r.getFavouriteBuckets, async () => picto.gallery.buckets({ kind: 'favourites' }));

  route(app, r.addFavourites, async (req) => ({
    changed: picto.collection.setFavourite(req.body.ids, true),
  }));

  route(app, r.removeFavourites, async (req) => ({
    changed: picto.collection.setFavourite(req.body.ids, false),
  }));
}
