import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PictoError } from '../../shared/errors.js';
import { parseRangeStart } from './range.js';

/** A file still being written (a transcode as it is made), as the video service hands it out. */
export interface GrowingToSend {
  /** waits until more than `bytes` are written or the writer finished; the size then */
  waitFor(bytes: number, timeoutMs: number): Promise<number>;
  /** everything from `start` on, following the file until it is finished */
  follow(start?: number): Readable;
  /** bytes start..end (inclusive), which exist */
  slice(start: number, end: number): Readable;
}

/** How long a range beyond what is written waits for those bytes before answering 416. */
const RANGE_WAIT_MS = 10_000;

/**
 * Sends a file that is still growing ([Note: live transcode] in media/video/growing-file.ts). Its
 * length is not known yet, so: the whole of it (no Range, or `bytes=0-`) is a 200 without
 * Content-Length that follows the file until it is finished, which a video element plays as it
 * arrives; a range is answered with what exists of it (206, `Content-Range: bytes a-b/*`), after
 * waiting a little for its first byte. `Accept-Ranges: none` tells players not to seek in it, and
 * nothing of it may be cached: the finished file is another answer at the same URL.
 */
export async function sendGrowing(
  req: FastifyRequest,
  reply: FastifyReply,
  file: GrowingToSend,
  contentType: string,
  headers: Record<string, string> = {},
): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  reply.header('accept-ranges', 'none');
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply.type(contentType);
  const range = parseRangeStart(req.headers.range);
  let body: () => Readable;
  if (!range || (range.start === 0 && range.end === null)) {
    body = () => file.follow(0);
  } else {
    const size = await file.waitFor(range.start, RANGE_WAIT_MS);
    if (range.start >= size) {
      throw new PictoError('bad-range', `only ${size} bytes of this video are converted so far`);
    }
    const end = Math.min(range.end ?? size - 1, size - 1);
    reply.code(206);
    reply.header('content-range', `bytes ${range.start}-${end}/*`);
    reply.header('content-length', String(end - range.start + 1));
    body = () => file.slice(range.start, end);
  }
  if (req.method === 'HEAD') {
    const sent = reply.getHeaders();
    reply.hijack();
    reply.raw.writeHead(reply.statusCode, sent as Record<string, string>);
    reply.raw.end();
    return reply;
  }
  return reply.send(body());
}
