// A worker's view of the primary's HTTP API: the handshake and the originals. Every request
// carries the access token; the primary asks for it even over loopback on these routes.

import { createWriteStream } from 'node:fs';
import { stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import type { WorkInfo } from '../shared/work-api.js';

export interface PrimaryApi {
  /** http://host:port of the primary. */
  server: string;
  token: string;
}

function headers(api: PrimaryApi): Record<string, string> {
  return { authorization: `Bearer ${api.token}` };
}

async function problem(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text.slice(0, 300) || res.statusText;
  }
}

/** Thrown for answers that say this worker must stop (wrong token). */
export class Refused extends Error {
  override readonly name = 'Refused';
}

function unreachable(api: PrimaryApi, err: unknown): Error {
  const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
  return new Error(`the primary at ${api.server} cannot be reached (${cause})`);
}

/** GET /api/work/info: the queue name and the stage versions the primary writes. */
export async function hello(api: PrimaryApi): Promise<WorkInfo> {
  let res: Response;
  try {
    res = await fetch(new URL('/api/work/info', api.server), { headers: headers(api) });
  } catch (err) {
    throw unreachable(api, err);
  }
  if (res.status === 401 || res.status === 429)
    throw new Refused(
      `the primary at ${api.server} refused the access token (${res.status}: ${await problem(res)}). ` +
        'Use the token that "picto token" prints on the primary.',
    );
  if (!res.ok)
    throw new Error(`the primary at ${api.server} answered ${res.status}: ${await problem(res)}`);
  return (await res.json()) as WorkInfo;
}

export type Fetched =
  | { ok: true; path: string; bytes: number }
  /** The photo is gone (404) or changed (409): a failure of the photo, not of the worker. */
  | { ok: false; code: 'missing-file' | 'changed'; error: string };

/**
 * Downloads a photo's original into `dir`, under the name it has in the library and with its
 * modification time, so dates read from file names and file times come out as they do locally.
 */
export async function fetchOriginal(
  api: PrimaryApi,
  photoId: string,
  contentHash: string,
  dir: string,
): Promise<Fetched> {
  const url = new URL(`/api/work/${encodeURIComponent(photoId)}/original`, api.server);
  url.searchParams.set('hash', contentHash);
  let res: Response;
  try {
    res = await fetch(url, { headers: headers(api) });
  } catch (err) {
    throw unreachable(api, err);
  }
  if (res.status === 401)
    throw new Refused(`the primary refused the access token: ${await problem(res)}`);
  if (res.status === 404) return { ok: false, code: 'missing-file', error: await problem(res) };
  if (res.status === 409) return { ok: false, code: 'changed', error: await problem(res) };
  if (!res.ok || !res.body)
    throw new Error(`fetching the original failed: ${res.status} ${await problem(res)}`);
  const name = safeName(
    decodeURIComponent(res.headers.get('x-picto-name') ?? '') || `${photoId}.bin`,
  );
  const file = path.join(dir, name);
  await pipeline(Readable.fromWeb(res.body as WebStream), createWriteStream(file));
  const mtime = Number(res.headers.get('x-picto-mtime'));
  if (Number.isFinite(mtime) && mtime > 0) await utimes(file, new Date(mtime), new Date(mtime));
  const expected = Number(res.headers.get('content-length'));
  const { size } = await stat(file);
  if (Number.isFinite(expected) && expected !== size)
    throw new Error(`the original arrived incomplete (${size} of ${expected} bytes)`);
  return { ok: true, path: file, bytes: size };
}

/** A file name that stays inside the temp folder whatever the header says. */
export function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '');
  if (!base || base === '.' || base === '..') return 'original';
  return base.slice(-200);
}
