import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiNotFound } from './errors.js';
import { webDist } from './assets.js';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Picto</title></head>
<body><h1>The Picto web app is not built</h1><p>Run <code>npm run build</code>, then reload.
The API is up: see <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** Client-side routes of the web app (web/src/app/App.tsx). */
const APP_ROUTES =
  /^\/(favourites|albums|albums\/\d+|folders|trash|search|map|things|duplicates|review|people|people\/\d+)?\/?$/;

/**
 * Serves the built web app at /. Hashed assets are cached for good; index.html is revalidated so
 * a new build shows up on reload. Any other GET outside /api/ is a client-side route: index.html.
 */
export async function installWebApp(app: FastifyInstance): Promise<void> {
  const root = webDist();
  if (root) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      setHeaders(res, file) {
        const rel = path.relative(root, file);
        res.setHeader(
          'cache-control',
          rel.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return apiNotFound(req, reply);
    if (req.method !== 'GET' && req.method !== 'HEAD') return apiNotFound(req, reply);
    // Only the app's own pages get the app shell; anything else is a plain 404.
    if (!APP_ROUTES.test(req.url.split('?')[0])) return apiNotFound(req, reply);
    if (!root) return reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
