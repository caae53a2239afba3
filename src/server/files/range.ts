/** A byte range, both ends inclusive, as in Content-Range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a Range header against a file size (RFC 9110 §14). Returns:
 * - null: no usable range, send the whole file (absent, another unit, several ranges, malformed —
 *   servers may ignore a Range header they do not support);
 * - 'unsatisfiable': a well-formed range that lies outside the file (416);
 * - the range, clamped to the file.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    if (size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Does an If-None-Match header match this ETag (weak comparison, as caches use it)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

/**
 * The first and last byte a Range header asks for, without knowing the size (a file still being
 * written): `bytes=N-` has no end. Null for what parseRange also ignores, and for suffix ranges
 * (the last N bytes of a file whose end is not known yet).
 */
export function parseRangeStart(
  header: string | undefined,
): { start: number; end: number | null } | null {
  if (!header) return null;
  const m = /^bytes=\s*(\d+)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === '' ? null : Number(m[2]);
  if (end !== null && end < start) return null;
  return { start, end };
}
