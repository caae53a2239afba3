import path from 'node:path';
import { fileRoutes as r } from '../../shared/routes/files.js';
import type { Api, ServerContext } from '../context.js';
import { dispositionFor, sendFile } from '../files/send-file.js';
import { route } from '../route.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'private, no-cache';

/**
 * Image bytes, always addressed by photo id: the server looks up the path itself, so no path a
 * client sends ever reaches the file system. Originals are served only when their content is a
 * recognised image ([Note: Links and real paths] in src/library/real-path.ts).
 */
export function fileRoutes(app: Api, { picto }: ServerContext): void {
  const { gallery } = picto;
  for (const [decl, kind] of [
    [r.getThumbnail, 'thumbnail'],
    [r.getPreview, 'preview'],
  ] as const) {
    route(app, decl, async (req, reply) => {
      const file = gallery.image(req.params.id, kind);
      return sendFile(req, reply, {
        path: file.path,
        contentType: file.mime,
        etag: `"${file.version}-${kind[0]}"`,
        cacheControl: req.query.v === file.version ? IMMUTABLE : REVALIDATE,
      });
    });
  }

  route(app, r.getOriginal, async (req, reply) => {
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
  });
}
