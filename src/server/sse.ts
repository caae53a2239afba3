import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus, PictoEvent } from '../shared/events.js';

/**
 * Server-sent events: every EventBus event goes to every open stream as `event: <type>` with the
 * event as JSON. A comment line every few seconds keeps proxies and idle timers from cutting the
 * connection and lets the browser notice a dead server quickly.
 */
export class SseHub {
  private readonly streams = new Set<ServerResponse>();

  constructor(
    private readonly events: EventBus,
    private readonly heartbeatMs: number,
    /** Sent first on every new stream, so a client starts from the current state. */
    private readonly hello: () => unknown,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  open(req: FastifyRequest, reply: FastifyReply): void {
    const res = reply.raw;
    // Headers set by hooks (security headers) are copied: a hijacked reply skips fastify's send.
    const headers: Record<string, string | number | string[]> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
    reply.hijack();
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n\n`);
    write(res, 'hello', this.hello());
    this.streams.add(res);
    const off = this.events.on((e: PictoEvent) => write(res, e.type, e));
    const beat = setInterval(() => res.write(`: ${Date.now()}\n\n`), this.heartbeatMs);
    const close = () => {
      clearInterval(beat);
      off();
      this.streams.delete(res);
    };
    req.raw.on('close', close);
    res.on('close', close);
  }

  /** Ends every stream (server shutdown), so close() does not wait for browsers to hang up. */
  closeAll(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }
}

function write(res: ServerResponse, type: string, data: unknown): void {
  if (res.writableEnded) return;
  res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}
