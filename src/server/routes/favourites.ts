import { Buckets, Changed, PhotoIds, TimelinePage, TimelineQuery } from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';
import { sendPage } from './send-page.js';

export function favouriteRoutes(app: Api, { picto, pages }: ServerContext): void {
  app.get(
    '/favourites',
    {
      schema: {
        tags: ['favourites'],
        summary: 'Page through favourites, newest first',
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req, reply) =>
      sendPage(
        reply,
        pages.json({ kind: 'favourites' }, req.query, (p) => String(reply.serialize(p))),
      ),
  );

  app.get(
    '/favourites/buckets',
    {
      schema: { tags: ['favourites'], summary: 'Favourites per month', response: { 200: Buckets } },
    },
    async () => picto.gallery.buckets({ kind: 'favourites' }),
  );

  app.post(
    '/favourites',
    {
      schema: {
        tags: ['favourites'],
        summary: 'Mark photos as favourites',
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: picto.collection.setFavourite(req.body.ids, true) }),
  );

  app.delete(
    '/favourites',
    {
      schema: {
        tags: ['favourites'],
        summary: 'Unmark favourites',
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: picto.collection.setFavourite(req.body.ids, false) }),
  );
}
