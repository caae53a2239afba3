// The vocabulary, clock and term shorthand the query-parser tests share.

import { parseQuery } from '../../src/search/parse.js';
import type { ParsedQuery, Term } from '../../src/shared/search-query.js';
import { Vocabulary } from '../../src/search/vocabulary.js';

// A Wednesday in July: "last summer" is 2024, "this year" 2025.
export const now = new Date(2025, 6, 9, 12, 0, 0);

export const vocab = new Vocabulary({
  persons: [
    { id: 1, name: 'Alice Smith' },
    { id: 2, name: 'Bob' },
    { id: 3, name: 'Alice Jones' },
    { id: 4, name: 'June Carter' },
  ],
  albums: [
    { id: 7, name: 'Summer Trip' },
    { id: 8, name: 'Wedding' },
  ],
  places: [
    { field: 'city', key: 'paris', name: 'Paris' },
    { field: 'city', key: 'new york', name: 'New York' },
    { field: 'city', key: 'zurich', name: 'Zürich' },
    { field: 'region', key: 'england', name: 'England' },
    { field: 'country', key: 'FR', name: 'France' },
    { field: 'country', key: 'US', name: 'United States', aliases: ['USA', 'America'] },
    { field: 'continent', key: 'europe', name: 'Europe' },
  ],
  cameras: [
    { make: 'Apple', model: 'iPhone 12 Pro' },
    { make: 'Apple', model: 'iPhone 8' },
    { make: 'NIKON CORPORATION', model: 'NIKON D750' },
    { make: 'Canon', model: 'Canon EOS 80D' },
  ],
  roots: ['/home/u/Pictures'],
  dirs: [
    '/home/u/Pictures/2019/Holidays',
    '/home/u/Pictures/Scans',
    '/home/u/Pictures/Summer Holidays',
  ],
});

export const parse = (q: unknown) => parseQuery(q, vocab, { now });

/** The clauses as [negate, terms] with terms reduced to what a test cares about. */
export function brief(q: ParsedQuery) {
  return q.clauses.map((c) => ({ negate: c.negate, terms: c.terms.map(short) }));
}

function short(t: Term): string {
  switch (t.kind) {
    case 'tag':
      return `tag:${t.labels.join('|')}`;
    case 'person':
    case 'album':
      return `${t.kind}:${t.ids.join('|')}`;
    case 'date':
      return `date:${t.spans.map((s) => `${s.from ?? ''}..${s.to ?? ''}`).join('|')}${t.yearly.map((y) => `~${y.from}..${y.to}`).join('|')}`;
    case 'place':
      return `place:${t.field}=${t.key}`;
    case 'camera':
      return `camera:${[...t.makes, ...t.models].join('|')}`;
    case 'type':
      return `type:${t.formats.join('|')}`;
    case 'folder':
      return `folder:${t.dirs.join('|')}`;
    case 'favourite':
      return 'favourite';
    case 'text':
      return `text(${t.in}):${t.words.join(' ')}`;
    case 'area':
      return `area:${t.south},${t.west},${t.north},${t.east}`;
    case 'has':
      return `has:${t.what}`;
    case 'media':
      return `media:${t.kinds.join('|')}`;
    case 'duration':
      return `duration:${t.minMs ?? ''}..${t.maxMs ?? ''}`;
    case 'category':
      return `category:${t.category}${t.subtype ? `/${t.subtype}` : ''}`;
  }
}
