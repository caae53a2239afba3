// Explicit syntax of the search box: `key:value`, `key:"two words"`, `key:a,b`. Each key names
// the kind of thing it looks for; values are resolved against the library's names, and a value
// that names nothing says so in a note rather than failing.

import { boundTerm, parseDateValue } from './dates.js';
import { categoryForWord, CATEGORY_NAMES } from '../categories/index.js';
import { categoryTerm, FAVOURITE_WORDS, TYPE_WORDS } from './lexicon.js';
import type { HasWhat, PlaceField, SortOrder, Term } from '../shared/search-query.js';
import { phraseKey, words } from './text.js';
import type { Vocabulary } from './vocabulary.js';

export interface Meaning {
  terms: Term[];
  note?: string;
}

/** Words of one text term: FTS handles more, but no one types a paragraph into a search box. */
const MAX_TEXT_WORDS = 8;

export type KeyKind =
  | 'tag'
  | 'person'
  | 'album'
  | 'date'
  | 'after'
  | 'before'
  | 'until'
  | 'place'
  | PlaceField
  | 'camera'
  | 'type'
  | 'folder'
  | 'text'
  | 'names'
  | 'ocr'
  | 'is'
  | 'has'
  | 'fav'
  | 'area'
  | 'category'
  | 'sort';

const KEYS: Record<string, KeyKind> = {
  tag: 'tag',
  tags: 'tag',
  object: 'tag',
  label: 'tag',
  thing: 'tag',
  person: 'person',
  people: 'person',
  who: 'person',
  face: 'person',
  album: 'album',
  year: 'date',
  date: 'date',
  when: 'date',
  month: 'date',
  day: 'date',
  on: 'date',
  after: 'after',
  since: 'after',
  from: 'after',
  before: 'before',
  until: 'until',
  to: 'until',
  place: 'place',
  where: 'place',
  in: 'place',
  at: 'place',
  near: 'place',
  city: 'city',
  town: 'city',
  region: 'region',
  state: 'region',
  country: 'country',
  continent: 'continent',
  camera: 'camera',
  make: 'camera',
  model: 'camera',
  phone: 'camera',
  type: 'type',
  format: 'type',
  ext: 'type',
  filetype: 'type',
  kind: 'type',
  folder: 'folder',
  dir: 'folder',
  path: 'folder',
  text: 'text',
  says: 'text',
  ocr: 'ocr',
  name: 'names',
  file: 'names',
  filename: 'names',
  is: 'is',
  has: 'has',
  fav: 'fav',
  favourite: 'fav',
  favorite: 'fav',
  bbox: 'area',
  area: 'area',
  category: 'category',
  categories: 'category',
  sort: 'sort',
  order: 'sort',
};

const HAS: Record<string, HasWhat> = {
  gps: 'gps',
  location: 'gps',
  geo: 'gps',
  coordinates: 'gps',
  place: 'place',
  places: 'place',
  text: 'text',
  ocr: 'text',
  words: 'text',
  faces: 'faces',
  face: 'faces',
  people: 'faces',
  person: 'faces',
  tags: 'tags',
  tag: 'tags',
  objects: 'tags',
};

const SORTS: Record<string, SortOrder> = {
  relevance: 'relevance',
  best: 'relevance',
  newest: 'newest',
  new: 'newest',
  latest: 'newest',
  recent: 'newest',
  desc: 'newest',
  oldest: 'oldest',
  old: 'oldest',
  asc: 'oldest',
  earliest: 'oldest',
};

const NO = new Set(['no', 'false', '0', 'off', 'n']);

export function textMeaning(
  value: string,
  where: 'all' | 'names' | 'ocr',
  quoted = false,
): Meaning {
  const w = words(value).slice(0, MAX_TEXT_WORDS);
  if (!w.length) return { terms: [] };
  const name = quoted ? `"${value.trim()}"` : value.trim();
  return { terms: [{ kind: 'text', words: w, in: where, name }] };
}

/** Comma-separated values of an unquoted explicit key are alternatives: `tag:dog,cat`. */
function alternatives(value: string, quoted: boolean): string[] {
  return (quoted ? [value] : value.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Keys whose values may be comma lists of alternatives (dates and areas have commas of their own). */
const LISTS = new Set<KeyKind>([
  'tag',
  'person',
  'album',
  'place',
  'city',
  'region',
  'country',
  'continent',
  'camera',
  'type',
  'folder',
  'category',
]);

export function explicit(
  kind: KeyKind,
  key: string,
  value: string,
  quoted: boolean,
  vocab: Vocabulary,
  now: Date,
): Meaning {
  const values = alternatives(value, quoted || !LISTS.has(kind));
  if (!values.length) return { terms: [] };
  const terms: Term[] = [];
  const notes: string[] = [];
  for (const v of values) {
    const m = explicitOne(kind, key, v, vocab, now);
    terms.push(...m.terms);
    if (m.note) notes.push(m.note);
  }
  return { terms, ...(notes.length ? { note: notes.join('; ') } : {}) };
}

function explicitOne(kind: KeyKind, key: string, v: string, vocab: Vocabulary, now: Date): Meaning {
  const phrase = phraseKey(v);
  switch (kind) {
    case 'tag': {
      const tags = vocab.lookupKind('tag', phrase);
      if (tags.length) return { terms: tags };
      const part = vocab.labelWord(phrase);
      if (part) return { terms: [part] };
      // Not an object the detector knows: the word may still be in a file name or in the photo.
      return {
        ...textMeaning(v, 'all'),
        note: `"${v}" is not a tag Picto detects; searched as text`,
      };
    }
    case 'person': {
      const people = vocab.lookupKind('person', phrase);
      if (people.length) return { terms: people };
      return { terms: [{ kind: 'person', ids: [], name: v }], note: `no person named "${v}"` };
    }
    case 'album': {
      const albums = vocab.lookupKind('album', phrase);
      if (albums.length) return { terms: albums };
      return { terms: [{ kind: 'album', ids: [], name: v }], note: `no album named "${v}"` };
    }
    case 'date':
    case 'after':
    case 'before':
    case 'until': {
      const d = parseDateValue(v, now);
      const term = d && kind !== 'date' ? boundTerm(kind, d) : d;
      if (term) return { terms: [term] };
      return { terms: [], note: `"${key}:${v}" is not a date Picto understands` };
    }
    case 'place':
    case 'city':
    case 'region':
    case 'country':
    case 'continent': {
      const field = kind === 'place' ? null : kind;
      let places = vocab.lookupKind('place', phrase).filter((p) => !field || p.field === field);
      if (!places.length && /^[a-z]{2}$/i.test(v) && (field === null || field === 'country')) {
        places = vocab.lookupKind('place', phrase).filter((p) => p.field === 'country');
        if (!places.length)
          places = [
            { kind: 'place', field: 'country', key: v.toUpperCase(), name: v.toUpperCase() },
          ];
      }
      if (places.length) return { terms: places };
      return {
        terms: [{ kind: 'place', field: field ?? 'city', key: phrase, name: v }],
        note: `no photos taken in a place called "${v}"`,
      };
    }
    case 'camera': {
      const cams = vocab.lookupKind('camera', phrase);
      if (cams.length) return { terms: cams };
      return {
        terms: [{ kind: 'camera', makes: [], models: [], name: v }],
        note: `no photos taken with a "${v}"`,
      };
    }
    case 'type': {
      const t =
        TYPE_WORDS[phrase.replace(/^\./, '')] ?? TYPE_WORDS[v.toLowerCase().replace(/^\./, '')];
      if (t) return { terms: [{ kind: 'type', formats: t.formats, name: t.name }] };
      return {
        terms: [{ kind: 'type', formats: [v.toLowerCase()], name: v }],
        note: `"${v}" is not a file type Picto reads`,
      };
    }
    case 'folder': {
      const f = vocab.folders(v);
      if (f) return { terms: [f] };
      return { terms: [{ kind: 'folder', dirs: [], name: v }], note: `no folder called "${v}"` };
    }
    case 'text':
      return textMeaning(v, 'all', true);
    case 'names':
      return textMeaning(v, 'names', true);
    case 'ocr':
      return textMeaning(v, 'ocr', true);
    case 'is':
    case 'fav': {
      const word = v.toLowerCase();
      if (kind === 'fav' ? !NO.has(word) : FAVOURITE_WORDS.has(word))
        return { terms: [{ kind: 'favourite' }] };
      return { terms: [], note: `"${key}:${v}" is not understood` };
    }
    case 'has': {
      const what = HAS[v.toLowerCase()];
      if (what) return { terms: [{ kind: 'has', what }] };
      return { terms: [], note: `"has:${v}" is not understood (try has:gps, has:text, has:faces)` };
    }
    case 'area':
      return areaMeaning(v);
    case 'category': {
      // A name (screenshot, group, pets), a plural or label ("group photos"), a subtype (receipt).
      const w = categoryForWord(v) ?? categoryForWord(v.replace(/[_-]+/g, ' '));
      if (w) return { terms: [categoryTerm(w)] };
      return {
        terms: [{ kind: 'category', category: phrase, name: v }],
        note: `no category called "${v}" (categories: ${CATEGORY_NAMES.join(', ')})`,
      };
    }
    case 'sort':
      return { terms: [] };
  }
}

/** `area:south,west,north,east` in degrees: a rectangle drawn on the map. */
function areaMeaning(v: string): Meaning {
  const n = v.split(',').map((x) => Number(x.trim()));
  if (n.length === 4 && n.every(Number.isFinite)) {
    const [south, west, north, east] = n;
    if (
      south >= -90 &&
      north <= 90 &&
      south <= north &&
      west >= -180 &&
      west <= 180 &&
      east >= -180 &&
      east <= 180
    ) {
      return { terms: [{ kind: 'area', south, west, north, east }] };
    }
  }
  return { terms: [], note: `"area:${v}" needs south,west,north,east in degrees` };
}

/** Whether `key:` is explicit syntax (else the token is an ordinary word, like "10:30"). */
export function isKey(key: string): boolean {
  return key in KEYS;
}

/** The kind of an explicit key, or 'sort' for `sort:`. */
export function keyKind(key: string): KeyKind {
  return KEYS[key];
}

/** The order asked for by `sort:value`, or undefined. */
export function sortOrder(value: string): SortOrder | undefined {
  return SORTS[value.toLowerCase()];
}
