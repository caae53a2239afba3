import { trashRoutes as r } from '../../shared/routes/trash.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';
import { sendPage } from './send-page.js';

export function trashRoutes(app: Api, { picto, pages }: ServerContext): void {
  route(app, r.listTrash, async (req, reply) =>
    sendPage(
      reply,
      pages.json({ kind: 'trash' }, req.query, (p) => String(reply.serialize(p))),
    ),
  );

  route(app, r.getTrashBuckets, async () => picto.gallery.buckets({ kind: 'trash' }));

  route(app, r.moveToTrash, async (req) => ({ changed: picto.trash.moveToTrash(req.body.ids) }));

  route(app, r.restoreFromTrash, async (req) => ({ changed: picto.trash.restore(req.body.ids) }));

  route(app, r.emptyTrash, async (req) =>
    picto.trash.empty({ confirm: req.body.confirm, ids: req.body.ids }),
  );
}
