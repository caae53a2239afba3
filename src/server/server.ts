import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Picto } from '../app/picto.js';
import { registerApi } from './api-routes.js';
import type { ServerContext } from './context.js';
import { installErrorHandling } from './errors.js';
import { packageVersion } from '../shared/package-root.js';
import { appIcon } from './assets.js';
import { deprioritiseBackgroundThreads } from './priority.js';
import { DEFAULT_LIMITS, RateLimiter, type RateLimits } from './rate-limit.js';
import { installSecurity, isLoopbackHost } from './security.js';
import { SseHub } from './sse.js';
import { TimelinePages } from './timeline-pages.js';
import { installValidation } from './validation.js';
import { installWebApp } from './static.js';
import { TAGS } from '../shared/routes/tags.js';

export interface ServerOptions {
  /** Interface to bind; loopback by default. Anything else requires the token from other machines. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Access token for non-loopback clients; default: the per-install token from the catalogue. */
  token?: string;
  /** Limits for clients on other machines (loopback is never limited); tests use small ones. */
  rateLimits?: RateLimits;
  /** Start the indexing runner with the server (default true). */
  indexing?: boolean;
  /** Log requests (pino) to stderr. */
  logger?: boolean;
  heartbeatMs?: number;
}

export interface PictoServer {
  app: FastifyInstance;
  /** http://host:port with no token: what a browser on this machine opens. */
  url: string;
  host: string;
  port: number;
  token: string;
  /** Whether other machines can reach it (then they need the token). */
  exposed: boolean;
  close(): Promise<void>;
}

// Limits: JSON bodies are small (id lists are capped at 10 000 ids by the schemas).
const BODY_LIMIT = 1024 * 1024;

/** Builds the API and web app around one Picto instance and starts listening. */
export async function createServer(picto: Picto, opts: ServerOptions = {}): Promise<PictoServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? picto.accessToken();
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    trustProxy: false,
    // Keep the URL parser from accepting absurd inputs.
    routerOptions: { maxParamLength: 200 },
  });

  installErrorHandling(app);
  installValidation(app);
  // How long the server itself took (devtools show it; the benchmark separates it from queueing).
  const started = new WeakMap<object, number>();
  app.addHook('onRequest', async (req) => {
    started.set(req, performance.now());
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const t0 = started.get(req);
    if (t0 !== undefined)
      reply.header('server-timing', `app;dur=${(performance.now() - t0).toFixed(2)}`);
    return payload;
  });
  installSecurity(app, token, new RateLimiter(opts.rateLimits ?? DEFAULT_LIMITS), (req) => {
    if (req.url.startsWith('/api/work/'))
      picto.work.refuse(req.socket.remoteAddress ?? '?', 'the access token it sent is wrong');
  });

  const ctx: ServerContext = {
    picto,
    pages: new TimelinePages(picto.gallery),
    sse: new SseHub(picto.events, opts.heartbeatMs ?? 15_000, () => picto.indexing.status()),
    token,
  };

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Picto API',
        version: packageVersion(),
        description:
          'The local HTTP API of a Picto photo library. Requests over loopback need no credentials; ' +
          'from other machines send `Authorization: Bearer <token>` (printed by `picto serve`). ' +
          'Errors are JSON `{statusCode, error, message, field?}`.',
        license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' },
      },
      // Relative: the document describes whichever address it was fetched from.
      servers: [{ url: '/', description: 'this Picto server' }],
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
      security: [{ token: [] }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    },
  });
  const icon = appIcon();
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // validatorUrl null: Swagger UI would otherwise load a badge from validator.swagger.io.
    uiConfig: {
      docExpansion: 'list',
      deepLinking: true,
      defaultModelsExpandDepth: 0,
      validatorUrl: null,
    },
    ...(icon && {
      logo: { type: 'image/svg+xml', content: icon, href: '/', target: '_self' },
      theme: {
        title: 'Picto API',
        favicon: [
          { filename: 'icon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: icon },
        ],
      },
    }),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerApi(app, ctx);
  await installWebApp(app);

  let stopSweep: () => void = () => undefined;
  app.addHook('preClose', async () => ctx.sse.closeAll());
  app.addHook('onClose', async () => {
    stopSweep();
  });

  try {
    await app.listen({ host, port: opts.port ?? 0 });
  } catch (err) {
    await app.close();
    throw err;
  }
  if (opts.indexing ?? true) {
    picto.runner.start();
    stopSweep = deprioritiseBackgroundThreads();
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 0);
  const urlHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    app,
    url: `http://${urlHost}:${port}`,
    host,
    port,
    token,
    exposed: !isLoopbackHost(host),
    close: () => app.close(),
  };
}
