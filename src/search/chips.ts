// How a query was understood, for people: one removable chip per clause, and the same query in
// explicit syntax (what `picto search --json` reports and the UI can show or edit).

import type { Clause, ParsedQuery, Term, TermKind } from '../shared/search-query.js';

export interface Chip {
  /** The kind of every term, or 'mixed' when a word had several meanings. */
  kind: TermKind | 'mixed';
  /** Short text for the chip ("Alice", "June 2021", "not car"). */
  label: string;
  negate: boolean;
  /** Explicit syntax of this clause alone. */
  query: string;
  /** The search text with this chip removed: what to search when the chip is closed. */
  without: string;
  note?: string;
}

export interface Understanding {
  chips: Chip[];
  /** The whole query in explicit syntax. */
  canonical: string;
  ignored: string[];
}

const PLACE_KEY = {
  city: 'city',
  region: 'region',
  country: 'country',
  continent: 'continent',
} as const;
const HAS_LABEL = {
  gps: 'has location',
  place: 'has a place',
  text: 'has text',
  faces: 'has faces',
  tags: 'has tags',
};

function quote(v: string): string {
  const s = v.replace(/"/g, '').trim();
  return /[\s,:]/.test(s) || s === '' ? `"${s}"` : s;
}

export function termLabel(t: Term): string {
  switch (t.kind) {
    case 'tag':
      return t.labels.length > 1 && t.name !== t.labels[0]
        ? `${t.name} (${t.labels.length} tags)`
        : t.name;
    case 'person':
    case 'album':
    case 'date':
    case 'place':
    case 'camera':
    case 'type':
    case 'folder':
      return t.name;
    case 'favourite':
      return 'favourites';
    case 'text':
      return t.in === 'ocr'
        ? `text in photo: ${t.name}`
        : t.in === 'names'
          ? `file name: ${t.name}`
          : `"${t.words.join(' ')}"`;
    case 'area':
      return 'map area';
    case 'has':
      return HAS_LABEL[t.what];
    case 'category':
      return t.name;
  }
}

/** Explicit syntax for one term (parses back to the same meaning). */
export function termQuery(t: Term): string {
  switch (t.kind) {
    case 'tag':
      return `tag:${quote(t.name)}`;
    case 'person':
      return `person:${quote(t.name)}`;
    case 'album':
      return `album:${quote(t.name)}`;
    case 'date': {
      if (t.yearly.length) return `date:${quote(t.name)}`;
      const s = t.spans[0] ?? {};
      const last = s.to ? dayBefore(s.to) : undefined;
      if (s.from && last) return `date:${s.from === last ? s.from : `${s.from}..${last}`}`;
      if (s.from) return `after:${s.from}`;
      return `before:${s.to ?? ''}`;
    }
    case 'place':
      return `${PLACE_KEY[t.field]}:${quote(t.field === 'country' && t.key.length === 2 ? t.key : t.name)}`;
    case 'camera':
      return `camera:${quote(t.name)}`;
    case 'type':
      return `type:${t.formats.length > 3 ? 'raw' : quote(t.name.toLowerCase())}`;
    case 'folder':
      return `folder:${quote(t.name)}`;
    case 'favourite':
      return 'is:favourite';
    case 'text':
      return `${t.in === 'ocr' ? 'ocr' : t.in === 'names' ? 'name' : 'text'}:${quote(t.words.join(' '))}`;
    case 'area':
      return `area:${[t.south, t.west, t.north, t.east].map((x) => +x.toFixed(5)).join(',')}`;
    case 'has':
      return `has:${t.what}`;
    case 'category':
      return `category:${t.subtype ?? t.category}`;
  }
}

function dayBefore(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function clauseQuery(c: Clause): string {
  const parts = c.terms.map(termQuery);
  const neg = c.negate ? '-' : '';
  // "dog or cat" reads back as "tag:dog or tag:cat"; negated alternatives are each excluded.
  return c.negate ? parts.map((p) => neg + p).join(' ') : parts.join(' or ');
}

function clauseLabel(c: Clause): string {
  // "selfies" also finds the word in file names and text (vocabulary.ts), as it did before the
  // categories: the chip names the category, the query keeps both.
  const terms = c.terms.some((t) => t.kind === 'category')
    ? c.terms.filter((t) => t.kind !== 'text')
    : c.terms;
  const labels = [...new Set(terms.map(termLabel))];
  const text = labels.join(' or ');
  return c.negate ? `not ${text}` : text;
}

export function understand(q: ParsedQuery): Understanding {
  const chips = q.clauses.map((c): Chip => {
    const kinds = new Set(c.terms.map((t) => t.kind));
    // A category word keeps its meaning as a word ("selfies" in a folder name): still a category.
    if (kinds.has('category') && kinds.size === 2 && kinds.has('text')) kinds.delete('text');
    const without = (q.text.slice(0, c.span[0]) + ' ' + q.text.slice(c.span[1]))
      .replace(/\s+/g, ' ')
      .trim();
    return {
      kind: kinds.size === 1 ? [...kinds][0] : 'mixed',
      label: clauseLabel(c),
      negate: c.negate,
      query: clauseQuery(c),
      without,
      ...(c.note ? { note: c.note } : {}),
    };
  });
  const canonical = [...chips.map((c) => c.query), ...(q.sort ? [`sort:${q.sort}`] : [])].join(' ');
  return { chips, canonical, ignored: q.ignored };
}
