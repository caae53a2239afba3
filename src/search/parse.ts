// The search box's language. Plain words are matched against what the library knows (tags and
// their groups, people, albums, places, cameras, file types, folders, dates); what matches nothing
// is searched as text (file names and text found in photos). Explicit keys say it outright:
// `person:alice tag:dog year:2019 -tag:car`. The parser is pure and total: any input at all gives
// a query, never an error, and values only ever reach SQL as bound parameters.

import { boundTerm, dateTokens, matchDate, parseDateValue } from './dates.js';
import { FAVOURITE_WORDS, STOPWORDS, TYPE_WORDS } from './lexicon.js';
import type { Clause, HasWhat, ParsedQuery, PlaceField, SortOrder, Term } from './query-types.js';
import { phraseKey, words } from './text.js';
import { tokenize, type Token } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_CLAUSES = 32;
/** Words of one text term: FTS handles more, but no one types a paragraph into a search box. */
const MAX_TEXT_WORDS = 8;

type KeyKind =
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

export interface ParseOptions {
  /** What "today" is, for relative dates (default: now). */
  now?: Date;
}

interface Meaning {
  terms: Term[];
  note?: string;
}

/** Parses a search box's text. Never throws. */
export function parseQuery(
  input: unknown,
  vocab: Vocabulary,
  opts: ParseOptions = {},
): ParsedQuery {
  const now = opts.now ?? new Date();
  const text = cleanInput(input);
  const tokens = tokenize(text, (k) => k in KEYS);
  const clauses: Clause[] = [];
  const ignored: string[] = [];
  let sort: SortOrder | undefined;
  let orPending = false;

  const add = (t: Token[], meaning: Meaning, negate: boolean) => {
    const span: [number, number] = [t[0].start, t[t.length - 1].end];
    if (!meaning.terms.length) {
      ignored.push(text.slice(span[0], span[1]));
      return;
    }
    const prev = clauses[clauses.length - 1];
    if (orPending && prev && !prev.negate && !negate) {
      // "dog or cat": one clause that any of its terms satisfies.
      prev.terms.push(...meaning.terms);
      prev.span = [prev.span[0], span[1]];
      if (meaning.note) prev.note = prev.note ? `${prev.note}; ${meaning.note}` : meaning.note;
    } else if (clauses.length >= MAX_CLAUSES) {
      ignored.push(text.slice(span[0], span[1]));
    } else {
      clauses.push({
        terms: meaning.terms,
        negate,
        span,
        ...(meaning.note ? { note: meaning.note } : {}),
      });
    }
    orPending = false;
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.key !== undefined) {
      const kind = KEYS[t.key];
      if (kind === 'sort') {
        const s = SORTS[t.value.toLowerCase()];
        if (s) sort = s;
        else ignored.push(text.slice(t.start, t.end));
      } else {
        add([t], explicit(kind, t.key, t.value, t.quoted, vocab, now), t.negate);
      }
      i++;
      continue;
    }
    if (!t.quoted && !t.negate && /^(or|\|\||\|)$/i.test(t.value)) {
      if (clauses.length && !orPending) orPending = true;
      else ignored.push(t.value);
      i++;
      continue;
    }
    if (t.quoted || t.negate) {
      add([t], phraseMeaning(t.value, t.quoted, vocab, now), t.negate);
      i++;
      continue;
    }
    // A run of plain words: match the longest phrase at each position.
    let end = i;
    // No phrase is longer than a few words: looking further only costs time on long inputs.
    while (end < tokens.length && end - i < 8 && isPlain(tokens[end])) end++;
    const run = tokens.slice(i, end);
    const m = longestMatch(run, vocab, now);
    if (m) {
      add(run.slice(0, m.consumed), m, false);
      i += m.consumed;
      continue;
    }
    const word = t.value;
    if (STOPWORDS.has(phraseKey(word)) || !words(word).length) ignored.push(word);
    else add([t], textMeaning(word, 'all'), false);
    i++;
  }
  return { text, clauses: mergeDisjointDates(clauses), ...(sort ? { sort } : {}), ignored };
}

/**
 * "2019 2021" or "june 2019 june 2020": dates that cannot both hold mean either of them (all of
 * them would be empty). A date and a yearly span ("summer 2019" typed as "summer" "2019") still
 * narrow each other.
 */
function mergeDisjointDates(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const prev = out[out.length - 1];
    if (prev && isSpanDate(prev) && isSpanDate(c) && !overlaps(prev, c)) {
      prev.terms.push(...c.terms);
      prev.span = [prev.span[0], c.span[1]];
      continue;
    }
    out.push(c);
  }
  return out;
}

function isSpanDate(c: Clause): boolean {
  return (
    !c.negate &&
    c.terms.every((t) => t.kind === 'date' && t.spans.length > 0 && t.yearly.length === 0)
  );
}

function overlaps(a: Clause, b: Clause): boolean {
  const spans = (c: Clause) => c.terms.flatMap((t) => (t.kind === 'date' ? t.spans : []));
  return spans(a).some((x) =>
    spans(b).some(
      (y) => (x.from ?? '') < (y.to ?? '\uffff') && (y.from ?? '') < (x.to ?? '\uffff'),
    ),
  );
}

function isPlain(t: Token): boolean {
  return t.key === undefined && !t.quoted && !t.negate && !/^(or|\|\||\|)$/i.test(t.value);
}

/** Strips control characters and caps the length; non-strings become an empty query. */
function cleanInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const s = input.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ');
  return s.length > MAX_QUERY_LENGTH ? s.slice(0, MAX_QUERY_LENGTH) : s.trim();
}

/**
 * The longest phrase at the start of `run` that means something: a date, a name in the
 * vocabulary, a favourites word or a folder. Equal lengths of different kinds are all kept (a
 * person called "June" and the month), except folders, the weakest meaning.
 */
function longestMatch(
  run: Token[],
  vocab: Vocabulary,
  now: Date,
): (Meaning & { consumed: number }) | null {
  const values = run.map((t) => t.value);
  const date = matchDate(dateTokens(values), now);
  let vocabHit: { k: number; terms: Term[] } | null = null;
  for (let k = Math.min(vocab.maxWords, run.length); k >= 1; k--) {
    const keys = values.slice(0, k).map(phraseKey);
    if (keys.some((x) => !x)) continue;
    const terms = vocab.lookup(keys.join(' '));
    if (terms.length) {
      vocabHit = { k, terms };
      break;
    }
  }
  const fav = FAVOURITE_WORDS.has(values[0].toLowerCase()) ? 1 : 0;
  const best = Math.max(date?.consumed ?? 0, vocabHit?.k ?? 0, fav);
  if (best > 0) {
    const terms: Term[] = [];
    if (date && date.consumed === best) terms.push(date.term);
    if (vocabHit && vocabHit.k === best) terms.push(...vocabHit.terms);
    if (fav === best) terms.push({ kind: 'favourite' });
    // A longer folder name still beats a shorter match ("summer holidays" folder vs "summer").
    const folder = folderMatch(values, vocab, best + 1);
    if (folder) return { terms: [folder.term], consumed: folder.consumed };
    return { terms, consumed: best };
  }
  if (STOPWORDS.has(phraseKey(values[0]))) return null;
  const folder = folderMatch(values, vocab, 1);
  return folder ? { terms: [folder.term], consumed: folder.consumed } : null;
}

function folderMatch(
  values: string[],
  vocab: Vocabulary,
  minWords: number,
): { term: Term; consumed: number } | null {
  for (let k = Math.min(3, values.length); k >= minWords; k--) {
    const term = vocab.folders(values.slice(0, k).join(' '));
    if (term) return { term, consumed: k };
  }
  return null;
}

/** A quoted or negated phrase is taken whole: every meaning of exactly that phrase, else text. */
function phraseMeaning(value: string, quoted: boolean, vocab: Vocabulary, now: Date): Meaning {
  const key = phraseKey(value);
  if (!key) return { terms: [] };
  const terms: Term[] = [];
  const date = parseDateValue(value, now);
  if (date) terms.push(date);
  terms.push(...vocab.lookup(key));
  if (FAVOURITE_WORDS.has(key)) terms.push({ kind: 'favourite' });
  if (!terms.length) {
    const folder = vocab.folders(value);
    if (folder) terms.push(folder);
  }
  if (terms.length) return { terms };
  return textMeaning(value, 'all', quoted);
}

function textMeaning(value: string, where: 'all' | 'names' | 'ocr', quoted = false): Meaning {
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
]);

function explicit(
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

export const SEARCH_KEYS = Object.keys(KEYS);
