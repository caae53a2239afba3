import { timelineRoutes as r } from '../../shared/routes/timeline.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';
import { sendPage } from './send-page.js';

export function timelineRoutes(app: Api, { picto, pages }: ServerContext): void {
  route(app, r.listTimeline, async (req, reply) =>
    sendPage(
      reply,
      pages.json({ kind: 'all' }, req.query, (p) => String(reply.serialize(p))),
    ),
  );

  route(app, r.getTimelineBuckets, async () => picto.gallery.buckets({ kind: 'all' }));
}
