import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Picto } from '../../src/app/picto.js';
import { createServer, type PictoServer, type ServerOptions } from '../../src/server/server.js';
import { corpusPath } from '../helpers/corpus.js';

/** Corpus photos the gallery tests index: GPS + camera EXIF, portrait orientation, a broken PNG. */
export const GALLERY_PHOTOS = [
  'exif/gps/DSCN0010.jpg',
  'exif/gps/DSCN0012.jpg',
  'exif/gps/DSCN0021.jpg',
  'exif/gps/DSCN0025.jpg',
  'exif/gps/DSCN0027.jpg',
  'exif/gps/DSCN0029.jpg',
  'exif/orientation/recurser/Portrait_6.jpg',
  'exif/orientation/recurser/Landscape_3.jpg',
];
export const BROKEN_PHOTO = 'exif/corrupt/pillow/broken.png';

export interface Gallery {
  tmp: string;
  lib: string;
  picto: Picto;
  server: PictoServer;
  url: string;
  close(): Promise<void>;
}

/** Copies corpus photos into a fresh library folder (tests may delete files: never the corpus). */
export function makeLibrary(tmp: string, photos: string[], name = 'Pictures'): string {
  const lib = path.join(tmp, name);
  mkdirSync(lib, { recursive: true });
  for (const p of photos) copyFileSync(corpusPath(p), path.join(lib, path.basename(p)));
  return lib;
}

/** A real server on a real catalogue in a temp directory; nothing indexed yet. */
export async function startGallery(
  opts: ServerOptions & { photos?: string[] } = {},
): Promise<Gallery> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-gallery-'));
  const lib = makeLibrary(tmp, opts.photos ?? GALLERY_PHOTOS);
  const picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 2 });
  const server = await createServer(picto, { port: 0, heartbeatMs: 200, ...opts });
  return {
    tmp,
    lib,
    picto,
    server,
    url: server.url,
    async close() {
      await server.close();
      await picto.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Adds the library folder through the API and waits until every photo is indexed. AI is off unless
 * asked for: these tests are about the gallery, and the AI stages have their own.
 */
export async function indexLibrary(g: Gallery, ai = false): Promise<void> {
  const scanned = g.picto.events.once((e) => e.type === 'scan.done');
  const res = await fetch(`${g.url}/api/folders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: g.lib, ai }),
  });
  if (res.status !== 201)
    throw new Error(`adding the folder failed: ${res.status} ${await res.text()}`);
  await scanned;
  await g.picto.runner.drain();
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A request with exactly the given path and headers (fetch would normalise "../" and refuses to
 * set Host), for traversal and DNS-rebinding tests.
 */
export function raw(
  url: string,
  reqPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host ?? u.hostname,
        port: u.port,
        method: opts.method ?? 'GET',
        path: reqPath,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** GET a path of the gallery's server that must answer 200, and its JSON body. */
export async function getOk<T = any>(g: Gallery, urlPath: string): Promise<T> {
  const res = await fetch(`${g.url}${urlPath}`);
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${await res.text()}`);
  return json<T>(res);
}

export function send(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
