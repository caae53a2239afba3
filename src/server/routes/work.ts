import type { FastifyReply, FastifyRequest } from 'fastify';
import { workRoutes as r } from '../../shared/routes/work.js';
import type { Api, ServerContext } from '../context.js';
import { sendError } from '../errors.js';
import { sendFile } from '../files/send-file.js';
import { route } from '../route.js';
import { bearerToken } from '../security.js';
import { tokenMatches } from '../token.js';

/**
 * What remote workers (`picto worker`, src/remote/) ask the primary: the queue and versions, and
 * the originals by photo id and content hash. Unlike every other route these need the access
 * token over loopback too: a worker is a program given the token, and asking for it everywhere
 * means one on this machine is set up and fails exactly like one on another (a wrong token is
 * found at its first request, not when it moves), and the files go to no client without it.
 */
export function workRoutes(app: Api, { picto, token }: ServerContext): void {
  const { work } = picto;
  /** The 401 reply when the request lacks the token, else null. */
  const refused = (req: FastifyRequest, reply: FastifyReply) => {
    if (tokenMatches(bearerToken(req), token)) return null;
    work.refuse(req.socket.remoteAddress ?? '?', 'the access token it sent is wrong');
    return sendError(
      reply.header('www-authenticate', 'Bearer realm="picto"'),
      'unauthorised',
      'remote workers need the access token (Authorization: Bearer <token>; `picto token` prints it)',
    );
  };

  route(app, r.getWorkInfo, async (req, reply) => refused(req, reply) ?? work.info());

  route(app, r.getWorkOriginal, async (req, reply) => {
    const no = refused(req, reply);
    if (no) return no;
    const f = await work.original(req.params.id, req.query.hash);
    reply.header('x-picto-name', encodeURIComponent(f.name));
    reply.header('x-picto-mtime', String(Math.round(f.mtimeMs)));
    return sendFile(req, reply, {
      path: f.path,
      contentType: f.mime,
      etag: `"${f.contentHash.slice(0, 32)}"`,
      cacheControl: 'no-store',
    });
  });
}
