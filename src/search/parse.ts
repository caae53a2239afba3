// The search box's language. Plain words are matched against what the library knows (tags and
// their groups, people, albums, places, cameras, file types, folders, dates); what matches nothing
// is searched as text (file names and text found in photos). Explicit keys say it outright:
// `person:alice tag:dog year:2019 -tag:car`. The parser is pure and total: any input at all gives
// a query, never an error, and values only ever reach SQL as bound parameters.

import { dateTokens, matchDate, parseDateValue } from './dates.js';
import { explicit, isKey, keyKind, sortOrder, textMeaning, type Meaning } from './explicit.js';
import { FAVOURITE_WORDS, STOPWORDS } from './lexicon.js';
import type { Clause, ParsedQuery, SortOrder, Term } from '../shared/search-query.js';
import { phraseKey, words } from './text.js';
import { tokenize, type Token } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_CLAUSES = 32;
export interface ParseOptions {
  /** What "today" is, for relative dates (default: now). */
  now?: Date;
}

/** Parses a search box's text. Never throws. */
export function parseQuery(
  input: unknown,
  vocab: Vocabulary,
  opts: ParseOptions = {},
): ParsedQuery {
  const now = opts.now ?? new Date();
  const text = cleanInput(input);
  const tokens = tokenize(text, isKey);
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
      const kind = keyKind(t.key);
      if (kind === 'sort') {
        const s = sortOrder(t.value);
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
  if (!vocabHit) {
    // "wine" for wine glass: the tag and the word as text, either may hold.
    const part = phraseKey(values[0]) ? vocab.labelWord(phraseKey(values[0])) : null;
    if (part) vocabHit = { k: 1, terms: [part, ...textMeaning(values[0], 'all').terms] };
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
  // "-wine" leaves out wine glasses too; a quoted "wine" is the word itself.
  const part = !quoted && !terms.length ? vocab.labelWord(key) : null;
  if (part) return { terms: [part, ...textMeaning(value, 'all').terms] };
  if (!terms.length) {
    const folder = vocab.folders(value);
    if (folder) terms.push(folder);
  }
  if (terms.length) return { terms };
  return textMeaning(value, 'all', quoted);
}
