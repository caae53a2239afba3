import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { ApiError } from '../shared/api.js';
import {
  ERROR_REPLIES,
  isMedia,
  type BodyOf,
  type Media,
  type ParamsOf,
  type QueryOf,
  type RepliesOf,
  type RouteDecl,
  type RouteSpec,
  type SuccessOf,
} from '../shared/routes/declare.js';

/** What a declaration makes of fastify's request and reply: typed params, query, body, replies. */
type Generic<D extends RouteSpec> = {
  Params: ParamsOf<D>;
  Querystring: QueryOf<D>;
  Body: BodyOf<D>;
  Reply: RepliesOf<D>;
};

/**
 * A route's handler: it calls services and returns the success body, or sends the reply itself
 * (another status, a file, a cached page) and returns the reply; a hijacked reply (the event
 * stream) returns nothing.
 */
export type Handler<D extends RouteSpec> = (
  req: FastifyRequest<Generic<D>>,
  reply: FastifyReply<Generic<D>>,
) => Promise<Exclude<SuccessOf<D>, Blob> | FastifyReply<any>> | FastifyReply<any> | void;

/** Marks a raw-bytes body: documented as such, never validated as JSON (validation.ts). */
export const BINARY_BODY = { type: 'string', format: 'binary' } as const;

// The error body, without its $id: each status gets its own copy with its own description.
const { $id: _id, ...errorBody } = ApiError;

function mediaReply(m: Media) {
  const schema = m.text ? { type: 'string' } : { type: 'string', format: 'binary' };
  return {
    description: m.description,
    content: Object.fromEntries(m.media.map((type) => [type, { schema }])),
  };
}

/** The fastify schema of a declaration: what validates, serialises and becomes OpenAPI. */
export function fastifySchema(d: RouteDecl): FastifySchema & Record<string, unknown> {
  const response: Record<number, unknown> = {};
  for (const [status, r] of Object.entries(d.response)) {
    response[Number(status)] = isMedia(r) ? mediaReply(r) : r;
  }
  for (const status of d.errors) {
    response[status] = { ...errorBody, description: ERROR_REPLIES[status] };
  }
  return {
    operationId: d.operationId,
    tags: [d.tag],
    summary: d.summary,
    ...(d.description && { description: d.description }),
    ...(d.params && { params: d.params }),
    ...(d.query && { querystring: d.query }),
    ...(d.body &&
      (isMedia(d.body) ? { body: BINARY_BODY, consumes: [...d.body.media] } : { body: d.body })),
    response,
  };
}

/**
 * Registers a declared route ([Note: One declaration per route] in src/shared/routes). The
 * declaration gives the method, the path and every schema; the handler only translates the typed
 * request into a service call.
 */
export function route<D extends RouteDecl>(
  app: FastifyInstance,
  decl: D,
  handler: Handler<D>,
): void {
  app.route({
    method: decl.method,
    url: decl.path,
    schema: fastifySchema(decl),
    config: { operationId: decl.operationId },
    handler: handler as never,
  });
}
