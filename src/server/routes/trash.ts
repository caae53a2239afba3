import {
  Buckets,
  Changed,
  EmptyTrashBody,
  EmptyTrashResult,
  PhotoIds,
  TimelinePage,
  TimelineQuery,
} from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors, errors409 } from './common.js';
import { sendPage } from './send-page.js';

export function trashRoutes(app: Api, { picto, pages }: ServerContext): void {
  app.get(
    '/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'Page through the trash',
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req, reply) =>
      sendPage(
        reply,
        pages.json({ kind: 'trash' }, req.query, (p) => String(reply.serialize(p))),
      ),
  );

  app.get(
    '/trash/buckets',
    {
      schema: { tags: ['trash'], summary: 'Trashed photos per month', response: { 200: Buckets } },
    },
    async () => picto.gallery.buckets({ kind: 'trash' }),
  );

  app.post(
    '/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'Move photos to the trash',
        description: 'Nothing is deleted: the photos leave the timeline and albums until restored.',
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: picto.trash.moveToTrash(req.body.ids) }),
  );

  app.post(
    '/trash/restore',
    {
      schema: {
        tags: ['trash'],
        summary: 'Restore photos from the trash',
        body: PhotoIds,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => ({ changed: picto.trash.restore(req.body.ids) }),
  );

  app.post(
    '/trash/empty',
    {
      schema: {
        tags: ['trash'],
        summary: 'Empty the trash: DELETES THE ORIGINAL FILES FROM DISK',
        description:
          'The only endpoint that deletes originals, and only with `"confirm": true`. Every file of each ' +
          'trashed photo is deleted, then the photo leaves the catalogue. A file that changed on disk since ' +
          'the last scan is kept and reported in `kept`.',
        body: EmptyTrashBody,
        response: { 200: EmptyTrashResult, ...errors409 },
      },
    },
    async (req) => picto.trash.empty({ confirm: req.body.confirm, ids: req.body.ids }),
  );
}
