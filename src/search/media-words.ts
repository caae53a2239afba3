// Words for videos and Live Photos in the search box: `videos`, `live photos`, `has:video`,
// `type:photo|video|live`, and lengths (`longer than 1 minute`, `shorter than 30 s`,
// `duration:>60s`, `duration:10s-2m`). Pure.

import type { Term } from '../shared/search-query.js';

type MediaTerm = Extract<Term, { kind: 'media' }>;
type DurationTerm = Extract<Term, { kind: 'duration' }>;

const VIDEOS: MediaTerm = { kind: 'media', kinds: ['video'], name: 'videos' };
const LIVE: MediaTerm = { kind: 'media', kinds: ['live'], name: 'Live Photos' };
/** Anything that moves: videos and Live Photos (`has:video`). */
export const MOVING: MediaTerm = { kind: 'media', kinds: ['video', 'live'], name: 'with video' };
const STILLS: MediaTerm = { kind: 'media', kinds: ['photo', 'live'], name: 'photos' };

const VIDEO_WORDS = new Set([
  'video',
  'videos',
  'movie',
  'movies',
  'clip',
  'clips',
  'film',
  'films',
]);
const PHOTO_WORDS = new Set([
  'photo',
  'photos',
  'picture',
  'pictures',
  'pic',
  'pics',
  'still',
  'stills',
]);

/** `type:` values that name a kind of item rather than a file format. */
export function mediaType(value: string): MediaTerm | null {
  const v = value.toLowerCase();
  if (VIDEO_WORDS.has(v)) return VIDEOS;
  if (v === 'live' || v === 'livephoto' || v === 'livephotos' || v === 'live-photo') return LIVE;
  if (PHOTO_WORDS.has(v) || v === 'image' || v === 'images') return STILLS;
  return null;
}

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** "90s", "1.5 min", "2m30s" (one token) → ms; a bare number is seconds. */
export function parseLength(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== t.replace(/\s+/g, '')) return null;
  let ms = 0;
  for (const [, n, unit] of parts) {
    const f = UNITS[unit];
    if (!f) return null;
    ms += Number(n) * f;
  }
  return Math.round(ms);
}

export function formatLength(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 100) / 10}s`;
}

export function durationTerm(minMs?: number, maxMs?: number): DurationTerm {
  const name =
    minMs !== undefined && maxMs !== undefined
      ? `${formatLength(minMs)}-${formatLength(maxMs)}`
      : minMs !== undefined
        ? `>${formatLength(minMs)}`
        : `<${formatLength(maxMs ?? 0)}`;
  return {
    kind: 'duration',
    ...(minMs !== undefined && { minMs }),
    ...(maxMs !== undefined && { maxMs }),
    name,
  };
}

/** `duration:` values: `>60s`, `<2m`, `>=1m`, `10s-2m`, `60s` (at least). */
export function durationValue(value: string): DurationTerm | null {
  const v = value.trim();
  const cmp = /^(>=?|<=?)\s*(.+)$/.exec(v);
  if (cmp) {
    const ms = parseLength(cmp[2]);
    if (ms === null) return null;
    return cmp[1].startsWith('>') ? durationTerm(ms) : durationTerm(undefined, ms);
  }
  const range = /^(.+?)\s*(?:-|\.\.)\s*(.+)$/.exec(v);
  if (range) {
    const [a, b] = [parseLength(range[1]), parseLength(range[2])];
    if (a === null || b === null || a > b) return null;
    return durationTerm(a, b);
  }
  const ms = parseLength(v);
  return ms === null ? null : durationTerm(ms);
}

const COUNT_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
};

/**
 * A video phrase at the start of `words` (lower-case tokens): how many tokens it takes and what
 * it means, or null.
 */
export function matchMediaWords(words: readonly string[]): { term: Term; consumed: number } | null {
  const [w0, w1, w2, w3] = words.map((w) => w.toLowerCase());
  if (w0 === 'live' && w1 !== undefined && PHOTO_WORDS.has(w1)) return { term: LIVE, consumed: 2 };
  if (w0 === 'livephoto' || w0 === 'livephotos') return { term: LIVE, consumed: 1 };
  if (VIDEO_WORDS.has(w0)) return { term: VIDEOS, consumed: 1 };
  if ((w0 === 'longer' || w0 === 'shorter') && w1 === 'than' && w2 !== undefined) {
    // "longer than 1 minute", "longer than a minute", "longer than 90s"
    const n = COUNT_WORDS[w2] ?? (/^\d+(\.\d+)?$/.test(w2) ? Number(w2) : null);
    let ms: number | null = null;
    let consumed = 3;
    if (n !== null && w3 !== undefined && UNITS[w3]) {
      ms = n * UNITS[w3];
      consumed = 4;
    } else {
      ms = parseLength(w2);
    }
    if (ms === null) return null;
    return {
      term: w0 === 'longer' ? durationTerm(ms) : durationTerm(undefined, ms),
      consumed,
    };
  }
  return null;
}
