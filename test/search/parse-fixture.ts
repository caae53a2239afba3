// The vocabulary, clock and term shorthand the query-parser tests share.

import { parseQuery } from '../../src/search/parse.js';
import type { ParsedQuery } from '../../src/shared/search-query.js';
import { short } from './term-short.js';
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
