import path from 'node:path';
import { ImageQuery, OriginalQuery, PhotoIdParams } from '../../shared/api.js';
import { previewFile, thumbnailPaths } from '../../media/index.js';
import type { Api, ServerContext } from '../context.js';
import { dispositionFor, sendFile } from '../files/send-file.js';
import { PictoError } from '../../shared/errors.js';
import { contentVersion } from '../services/urls.js';
import { errors } from './common.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'private, no-cache';

/**
 * Image bytes, always addressed by photo id: the server looks up the path itself, so no path a
 * client sends ever reaches the file system.
 */
export function fileRoutes(app: Api, { picto, gallery }: ServerContext): void {
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
        const p = picto.collection.photo(req.params.id);
        const made = kind === 'thumbnail' ? p.thumb_width : p.preview_width;
        if (made === null) {
          throw new PictoError('not-ready', `no ${kind} yet for ${p.id} (status: ${p.status})`);
        }
        const version = contentVersion(p.content_hash);
        const file =
          kind === 'thumbnail'
            ? {
                path: thumbnailPaths(picto.layout.thumbs, p.content_hash).thumb,
                mime: 'image/webp',
              }
            : previewFile(picto.layout.thumbs, p.content_hash);
        return sendFile(req, reply, {
          path: file.path,
          contentType: file.mime,
          etag: `"${version}-${kind[0]}"`,
          cacheControl: req.query.v === version ? IMMUTABLE : REVALIDATE,
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
        description: 'Supports byte ranges (206) and conditional requests (ETag → 304).',
        params: PhotoIdParams,
        querystring: OriginalQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const f = gallery.originalFile(req.params.id);
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
