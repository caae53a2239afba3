import type { FastifyReply } from 'fastify';

/** Sends an already serialised page (from the page cache or the route's own serialiser). */
export function sendPage(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
