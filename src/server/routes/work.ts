import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, PhotoIdParams } from '../../shared/api.js';
import { WorkInfo, WorkOriginalQuery } from '../../shared/work-api.js';
import type { Api, ServerContext } from '../context.js';
import { sendError } from '../errors.js';
import { sendFile } from '../files/send-file.js';
import { bearerToken } from '../security.js';
import { tokenMatches } from '../token.js';
import { errors } from './common.js';

/**
 * What remote workers (`picto worker`, src/remote/) ask the primary: the queue and versions, and
 * the originals by photo id and content hash. Unlike every other route these need the access
 * token over loopback too: a worker is a program given the token, and asking for it everywhere
 * means one on this machine is set up and fails exactly like one on another (a wrong token is
 * found at its first request, not when it moves), and the files go to no client without it.
 */
export function workRoutes(app: Api, { picto, token }: ServerContext): void {
  const { work } = picto;
  const tags = ['work'];
  const needsToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (tokenMatches(bearerToken(req), token)) return;
    work.refuse(req.socket.remoteAddress ?? '?', 'the access token it sent is wrong');
    return sendError(
      reply.header('www-authenticate', 'Bearer realm="picto"'),
      'unauthorised',
      'remote workers need the access token (Authorization: Bearer <token>; `picto token` prints it)',
    );
  };
  const unauthorised = { 401: ApiError };

  app.get(
    '/work/info',
    {
      onRequest: needsToken,
      schema: {
        tags,
        summary: 'For remote workers: the queue of this library and the stage versions it writes',
        response: { 200: WorkInfo, ...unauthorised },
      },
    },
    async () => work.info(),
  );

  app.get(
    '/work/:id/original',
    {
      onRequest: needsToken,
      schema: {
        tags,
        summary: 'For remote workers: the original of a photo whose job they took',
        description:
          'Answers 409 when the photo’s content is no longer `hash` (it changed since the job was ' +
          'published). `x-picto-name` is the file name in the library, `x-picto-mtime` its ' +
          'modification time in ms: dates read from names and file times come out as they do here.',
        params: PhotoIdParams,
        querystring: WorkOriginalQuery,
        response: { ...errors, ...unauthorised, 409: ApiError },
      },
    },
    async (req, reply) => {
      const f = await work.original(req.params.id, req.query.hash);
      reply.header('x-picto-name', encodeURIComponent(f.name));
      reply.header('x-picto-mtime', String(Math.round(f.mtimeMs)));
      return sendFile(req, reply, {
        path: f.path,
        contentType: f.mime,
        etag: `"${f.contentHash.slice(0, 32)}"`,
        cacheControl: 'no-store',
      });
    },
  );
}
