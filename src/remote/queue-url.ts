// The `--queue redis://…` address: parsed once, checked with a clear message, and shown without
// its password wherever it is printed (status, logs, the Folders page).

import type { RedisOptions } from 'ioredis';
import { PictoError } from '../shared/errors.js';

export interface QueueAddress {
  /** The URL as it may be shown: the password replaced by "***". */
  shown: string;
  /** Connection options for ioredis (host, port, db, credentials, TLS for rediss://). */
  options: RedisOptions;
}

/** redis://[[user]:password@]host[:port][/db] or rediss://… (TLS). */
export function parseQueueUrl(text: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new PictoError('usage', `--queue must be a redis:// URL, got "${redactUrl(text)}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new PictoError(
      'usage',
      `--queue must be a redis:// or rediss:// URL, got "${url.protocol}//…"`,
    );
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new PictoError('usage', '--queue needs a host: redis://HOST:PORT');
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 1_000_000)
    throw new PictoError(
      'usage',
      `--queue: the database must be a number (redis://host:port/0), got "${dbText}"`,
    );
  const options: RedisOptions = { host, port, db };
  if (url.username) options.username = decodeURIComponent(url.username);
  if (url.password) options.password = decodeURIComponent(url.password);
  if (url.protocol === 'rediss:') options.tls = { servername: host };
  return { shown: redactUrl(text), options };
}

/** The URL with any password replaced by "***" (also for text that is not a valid URL). */
export function redactUrl(text: string): string {
  return text
    .trim()
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => {
      const i = auth.indexOf(':');
      return i < 0 ? `${scheme}${auth}@` : `${scheme}${auth.slice(0, i)}:***@`;
    });
}
