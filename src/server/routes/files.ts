import path from 'node:path';
import { ImageQuery, OriginalQuery, PhotoIdParams } from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { dispositionFor, sendFile } from '../files/send-file.js';
import { errors } from './common.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'private, no-cache';

/**
 * Image bytes, always addressed by photo id: the server looks up the path itself, so no path a
 * client sends ever reaches the file system. Originals are served only when their content is a
 * recognised image ([Note: Links and real paths] in src/library/real-path.ts).
 */
export function fileRoutes(app: Api, { picto }: ServerContext): void {
  const { gallery } = picto;
  for (const kind of ['thumbnail', 'preview'] as const) {
    app.get(
      `/photos/:id/${kind}`,
      {
        schema: {
          tags: ['files'],
          summary:
            kind === 'thumbnail'
              ? 'Grid thumbnail (WebP)'
              : 'Screen-sized preview (JPEG, ≤ 1440 px; older catalogues may still serve WebP)',
          description:
            'Cached for a year when `v` matches the current content version (the URL the API gives ' +
            'out); otherwise revalidated with the ETag.',
          params: PhotoIdParams,
          querystring: ImageQuery,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = gallery.image(req.params.id, kind);
        return sendFile(req, reply, {
          path: file.path,
          contentType: file.mime,
          etag: `"${file.version}-${kind[0]}"`,
          cacheControl: req.query.v === file.version ? IMMUTABLE : REVALIDATE,
        });
      },
    );
  }

  app.get(
    '/photos/:id/original',
    {
      schema: {
        tags: ['files'],
        summary: 'The original file, streamed',
        description:
          'Supports byte ranges (206) and conditional requests (ETag → 304). A file whose content is ' +
          'not an image Picto recognises (a link named like a photo that leads elsewhere) is not served (404).',
        params: PhotoIdParams,
        querystring: OriginalQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const f = await gallery.original(req.params.id);
      return sendFile(req, reply, {
        path: f.path,
        contentType: f.mime,
        etag: `"${f.contentHash.slice(0, 32)}"`,
        cacheControl: REVALIDATE,
        disposition: dispositionFor(
          req.query.download ? 'attachment' : 'inline',
          path.basename(f.name),
        ),
      });
    },
  );
}
