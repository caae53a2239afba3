import type { FastifyInstance } from 'fastify';
import type { Picto } from '../app/picto.js';
import type { SseHub } from './sse.js';
import type { TimelinePages } from './timeline-pages.js';

/**
 * The fastify instance as route files see it. Requests and replies are typed by each route's
 * declaration (src/shared/routes, registered with `route()` from route.ts), not by the instance.
 */
export type Api = FastifyInstance;

/**
 * What route files get. They call Picto's services (picto.gallery, picto.library, picto.people,
 * picto.discovery, …), never its repositories: the CLI calls the same services, so both shells
 * answer the same. Only what is about HTTP lives in the server: cached response bodies, the event
 * stream, files streamed with ranges, access control.
 */
export interface ServerContext {
  picto: Picto;
  /** Timeline pages as cached JSON bodies. */
  pages: TimelinePages;
  sse: SseHub;
  /** The access token (routes that need it even over loopback: work.ts). */
  token: string;
}
