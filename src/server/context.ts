import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Picto } from '../app/picto.js';
import type { GalleryService } from './services/gallery.js';
import type { FolderApiService } from './services/folders.js';
import type { JobsApiService } from './services/jobs.js';
import type { SseHub } from './sse.js';

/** The fastify instance as route files see it: TypeBox schemas type requests and replies. */
export type Api = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What controllers may call: services, never repositories directly. */
export interface ServerContext {
  picto: Picto;
  gallery: GalleryService;
  folders: FolderApiService;
  jobs: JobsApiService;
  sse: SseHub;
}
