import { videoRoutes as r } from '../../shared/routes/videos.js';
import type { Api, ServerContext } from '../context.js';
import { sendFile } from '../files/send-file.js';
import { sendGrowing } from '../files/send-growing.js';
import { route } from '../route.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'private, no-cache';

/**
 * Moving pictures ([Note: The video contract] in shared/video-api.ts): the stream a browser plays,
 * with ranges, or the transcode as it is being made, or 202 with its progress; the hover preview
 * clip.
 */
export function videoRoutes(app: Api, { picto }: ServerContext): void {
  route(app, r.getVideo, async (req, reply) => {
    const s = await picto.videos.stream(req.params.id);
    if (s.ready === 'growing') {
      // The viewer tells a growing answer from the finished file by this header.
      return sendGrowing(req, reply, s.output, s.mime, {
        'x-picto-transcode': 'running',
        'x-picto-progress': s.progress.toFixed(3),
      });
    }
    if (!s.ready) {
      reply.header('cache-control', 'no-store');
      reply.header('retry-after', '2');
      return reply.code(202).send({ state: s.state, progress: s.progress });
    }
    return sendFile(req, reply, {
      path: s.path,
      contentType: s.mime,
      etag: `"${s.version}-v"`,
      cacheControl: req.query.v === s.version ? IMMUTABLE : REVALIDATE,
    });
  });
  route(app, r.getVideoPreview, async (req, reply) => {
    const f = await picto.videos.preview(req.params.id);
    return sendFile(req, reply, {
      path: f.path,
      contentType: f.mime,
      etag: `"${f.version}-p"`,
      cacheControl: req.query.v === f.version ? IMMUTABLE : REVALIDATE,
    });
  });
}
