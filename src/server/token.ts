import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingsRepo } from '../db/repos/settings.js';

const KEY = 'server.token';

/** The per-install access token: made once, kept in the catalogue's settings. */
export function installToken(settings: SettingsRepo): string {
  let token = settings.get(KEY);
  if (!token) {
    token = randomBytes(24).toString('base64url');
    settings.set(KEY, token);
  }
  return token;
}

/** Constant-time comparison, so response timing does not leak the token byte by byte. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
