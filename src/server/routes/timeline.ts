import { Buckets, TimelinePage, TimelineQuery } from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors } from './common.js';
import { sendPage } from './send-page.js';

export function timelineRoutes(app: Api, { picto, pages }: ServerContext): void {
  app.get(
    '/timeline',
    {
      schema: {
        tags: ['timeline'],
        summary: 'Page through the library, newest first',
        description:
          'Keyset-paginated: pass `nextCursor` back as `cursor`. Pages stay stable while photos are added. ' +
          'Trashed photos are left out. With `month`, only that month.',
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req, reply) =>
      sendPage(
        reply,
        pages.json({ kind: 'all' }, req.query, (p) => String(reply.serialize(p))),
      ),
  );

  app.get(
    '/timeline/buckets',
    {
      schema: {
        tags: ['timeline'],
        summary: 'Photo counts per month',
        description:
          'Lets a client size the whole timeline (and a date scrubber) before loading photos.',
        response: { 200: Buckets },
      },
    },
    async () => picto.gallery.buckets({ kind: 'all' }),
  );
}
