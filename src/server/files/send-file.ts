import { createReadStream, promises as fs } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PictoError } from '../../shared/errors.js';
import { etagMatches, parseRange } from './range.js';

export interface FileToSend {
  path: string;
  contentType: string;
  etag: string;
  cacheControl: string;
  /** Content-Disposition value, when the file should carry a name. */
  disposition?: string;
}

/**
 * Streams a file with conditional requests (ETag → 304) and single byte ranges (206/416), so the
 * viewer and video elements can seek and browsers revalidate instead of downloading again.
 */
export async function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  file: FileToSend,
): Promise<FastifyReply> {
  let st;
  try {
    st = await fs.stat(file.path);
  } catch {
    throw new PictoError('not-found', 'the file is missing on disk (is its folder offline?)');
  }
  if (!st.isFile()) throw new PictoError('not-found', 'the file is missing on disk');
  reply.header('etag', file.etag);
  reply.header('cache-control', file.cacheControl);
  reply.header('last-modified', st.mtime.toUTCString());
  reply.header('accept-ranges', 'bytes');
  if (file.disposition) reply.header('content-disposition', file.disposition);

  if (etagMatches(req.headers['if-none-match'], file.etag)) return reply.code(304).send();

  const ifRange = req.headers['if-range'];
  const rangeAllowed = !ifRange || ifRange === file.etag;
  const range = rangeAllowed ? parseRange(req.headers.range, st.size) : null;
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${st.size}`);
    throw new PictoError('bad-range', `the file has ${st.size} bytes`);
  }
  reply.type(file.contentType);
  const start = range?.start ?? 0;
  const end = range?.end ?? st.size - 1;
  if (range) {
    reply.code(206);
    reply.header('content-range', `bytes ${start}-${end}/${st.size}`);
  }
  reply.header('content-length', String(Math.max(0, end - start + 1)));
  if (req.method === 'HEAD') {
    // fastify would send "content-length: 0" for an empty HEAD reply: write the headers ourselves.
    const headers = reply.getHeaders();
    reply.hijack();
    reply.raw.writeHead(reply.statusCode, headers as Record<string, string>);
    reply.raw.end();
    return reply;
  }
  if (st.size === 0) return reply.send('');
  return reply.send(createReadStream(file.path, { start, end }));
}

/** Content-Disposition with a safe ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function dispositionFor(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
