// Suggestions while typing, pure: what the library can complete (entries with photo counts) and
// the text typed so far in, the completions to offer out. The service (service.ts) keeps the
// entries; this file decides which of them the last words typed mean.
//
// [Note: completing the search box] The last words typed are completed, longest first: "alice
// new yo" completes "new yo" to New York and keeps "alice". A fragment matches a name at its
// start ("par" → Paris) or at the start of a later word ("york" → New York, "martin" → Alice
// Martin); whole-name matches rank above word matches, then more photos rank higher. A
// suggestion's query is the whole text with the completion in plain words when the parser
// reads those words back as exactly that one thing, else in explicit syntax (an album called
// "Summer 2019" would be read as a date: album:"Summer 2019"). Counts are of the suggestion
// alone: combining each with the rest of the query would cost a search per suggestion.

import type { Term } from '../../shared/search-query.js';
import type { SuggestionKind } from '../../shared/suggest-api.js';
import { keyKind, isKey } from '../explicit.js';
import { fold } from '../text.js';
import { tokenize, type Token } from '../tokenize.js';

export interface SuggestEntry {
  kind: SuggestionKind;
  label: string;
  detail?: string;
  /** Folded names a fragment is matched against (the label first). */
  keys: string[];
  count: number;
  /** The term it stands for: its explicit syntax (chips.ts termQuery) is the fallback query. */
  term: Term;
  /** Plain words that search it, when the parser agrees (see [Note: completing the search box]). */
  phrase: string;
  cover?: { face: string } | { photo: string };
}

export interface Completion {
  entry: SuggestEntry;
  /** The search text the suggestion stands for. */
  query: string;
}

export interface RankOptions {
  limit: number;
  /** Explicit syntax of a term ("tag:dog"). */
  explicit: (t: Term) => string;
  /** Whether `phrase` alone is read back as exactly the term of `explicit`. */
  readsAs: (phrase: string, explicit: string) => boolean;
}

const MAX_WORDS = 4;
/** Dates are many (every month of every year): a few at most, the rest is for names. */
const MAX_DATES = 3;

/** Which kinds an explicit key completes (`tag:do`), and for places which field. */
function keyFilter(key: string): { kinds: SuggestionKind[]; field?: string } | null {
  if (!isKey(key)) return null;
  const k = keyKind(key);
  switch (k) {
    case 'tag':
    case 'person':
    case 'album':
    case 'camera':
      return { kinds: [k] };
    case 'place':
      return { kinds: ['place'] };
    case 'city':
    case 'region':
    case 'country':
    case 'continent':
      return { kinds: ['place'], field: k };
    case 'date':
      return { kinds: ['date'] };
    default:
      return null;
  }
}

/** How well a folded fragment matches an entry: 3 whole name, 2 start of it, 1 start of a word. */
export function matchQuality(entry: SuggestEntry, fragment: string): number {
  let best = 0;
  for (const key of entry.keys) {
    if (key === fragment) return 3;
    if (key.startsWith(fragment)) best = Math.max(best, 2);
    else if (key.includes(` ${fragment}`)) best = Math.max(best, 1);
  }
  return best;
}

interface Candidate {
  entry: SuggestEntry;
  /** Words of the text the completion replaces. */
  words: number;
  quality: number;
  /** Text kept before the completed words, and whether they were negated. */
  prefix: string;
  negate: boolean;
  keyed: boolean;
}

const KIND_ORDER: SuggestionKind[] = ['person', 'place', 'tag', 'album', 'camera', 'date'];

/** The completions for `text` as typed, best first. */
export function rankSuggestions(
  text: string,
  entries: readonly SuggestEntry[],
  opts: RankOptions,
): Completion[] {
  if (!text.trim() || /\s$/.test(text)) return [];
  const tokens = tokenize(text, (k) => isKey(k));
  const last = tokens[tokens.length - 1];
  if (!last || last.end < text.length) return [];
  const found: Candidate[] = [];
  const offer = (
    fragment: string,
    words: number,
    from: Token,
    keyed: boolean,
    only?: { kinds: SuggestionKind[]; field?: string },
  ) => {
    const f = fold(fragment);
    if (!f) return;
    for (const entry of entries) {
      if (only && !only.kinds.includes(entry.kind)) continue;
      if (only?.field && (entry.term.kind !== 'place' || entry.term.field !== only.field)) continue;
      const quality = matchQuality(entry, f);
      // Several words must be the start of the name: "new yo" is New York, "yo" alone may be anything.
      if (quality === 0 || (words > 1 && quality < 2)) continue;
      found.push({
        entry,
        words,
        quality,
        prefix: text.slice(0, from.start),
        negate: from.negate,
        keyed,
      });
    }
  };
  if (last.key !== undefined) {
    const only = keyFilter(last.key);
    if (only) offer(last.value, 1, last, true, only);
  } else {
    // The last plain words, longest run first; only the first of them may carry a "-".
    for (let n = Math.min(MAX_WORDS, tokens.length); n >= 1; n--) {
      const run = tokens.slice(tokens.length - n);
      const plain = run.every(
        (t, i) => t.key === undefined && (n === 1 || !t.quoted) && (i === 0 || !t.negate),
      );
      if (!plain) continue;
      offer(run.map((t) => t.value).join(' '), n, run[0], false);
    }
  }
  found.sort(
    (a, b) =>
      b.words - a.words ||
      b.quality - a.quality ||
      b.entry.count - a.entry.count ||
      KIND_ORDER.indexOf(a.entry.kind) - KIND_ORDER.indexOf(b.entry.kind) ||
      a.entry.label.localeCompare(b.entry.label),
  );
  const out: Completion[] = [];
  const seen = new Set<SuggestEntry>();
  const perKind = new Map<SuggestionKind, number>();
  const cap = (k: SuggestionKind) =>
    k === 'date' ? MAX_DATES : Math.max(3, Math.ceil(opts.limit / 2));
  for (const c of found) {
    if (out.length >= opts.limit) break;
    if (seen.has(c.entry)) continue;
    const n = perKind.get(c.entry.kind) ?? 0;
    if (n >= cap(c.entry.kind)) continue;
    seen.add(c.entry);
    perKind.set(c.entry.kind, n + 1);
    out.push({ entry: c.entry, query: queryFor(c, opts) });
  }
  return out;
}

function queryFor(c: Candidate, opts: RankOptions): string {
  const explicit = opts.explicit(c.entry.term);
  const plain = !c.keyed && opts.readsAs(c.entry.phrase, explicit);
  const words = plain && !c.negate ? c.entry.phrase : explicit;
  return `${c.prefix}${c.negate ? '-' : ''}${words}`;
}
