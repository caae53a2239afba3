import { timingSafeEqual } from 'node:crypto';

// The token itself is made once per install and kept in the catalogue (Picto.accessToken()).

/** Constant-time comparison, so response timing does not leak the token byte by byte. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
