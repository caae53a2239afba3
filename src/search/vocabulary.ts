// The names the parser recognises in plain words: fixed ones (tags, file types) and the ones this
// catalogue holds (people, albums, places, cameras, folders). Built from plain data so the parser
// stays pure and tests can hand it any library they like.

import path from 'node:path';
import {
  categoryTerm,
  labelWords,
  PLAIN_CATEGORY_WORDS,
  singulars,
  tagPhrases,
  TYPE_WORDS,
} from './lexicon.js';
import type { PlaceField, Term, TermKind } from '../shared/search-query.js';
import { phraseKey, words } from './text.js';

export interface VocabularyData {
  persons: { id: number; name: string }[];
  albums: { id: number; name: string }[];
  /** Places present in the library; `key` as stored in photo_places, `aliases` extra names. */
  places: { field: PlaceField; key: string; name: string; aliases?: string[] }[];
  cameras: { make: string | null; model: string | null }[];
  /** Library roots (added folders) and directories holding photos, absolute. */
  roots: string[];
  dirs: string[];
}

/** Words that name a multi-word tag on their own ("wine" → wine glass): fixed, made once. */
let labelWordTable: Map<string, string> | null = null;

/** Longest phrase the parser tries to match, in words. */
const MAX_PHRASE_WORDS = 6;

// Company suffixes in EXIF makes ("NIKON CORPORATION", "OLYMPUS IMAGING CORP.").
const MAKE_NOISE = new Set([
  'corporation',
  'corp',
  'co',
  'ltd',
  'inc',
  'company',
  'imaging',
  'digital',
  'electric',
  'electronics',
  'optical',
  'camera',
  'cameras',
  'gmbh',
  'ag',
  'sa',
  'limited',
  'kk',
]);

export class Vocabulary {
  private readonly phrases = new Map<string, Term[]>();
  readonly maxWords: number;

  constructor(private readonly data: VocabularyData) {
    for (const [phrase, t] of tagPhrases())
      this.add(phrase, { kind: 'tag', labels: t.labels, name: t.name });
    for (const [word, t] of Object.entries(TYPE_WORDS))
      this.add(word, { kind: 'type', formats: t.formats, name: t.name });
    // "selfies": the category, and a single word still the word in file names and found text
    // (a "Selfies" folder, a receipt that says RECEIPT), as it meant before the categories.
    for (const w of PLAIN_CATEGORY_WORDS) {
      this.add(w.word, categoryTerm(w));
      if (!w.word.includes(' '))
        this.add(w.word, { kind: 'text', words: words(w.word), in: 'all', name: w.word });
    }
    for (const p of data.persons) {
      const key = phraseKey(p.name);
      this.add(key, { kind: 'person', ids: [p.id], name: p.name });
      const first = key.split(' ')[0];
      // First names find a person too ("alice" for "Alice Smith"); two Alices mean either of them.
      if (first && first !== key)
        this.add(first, { kind: 'person', ids: [p.id], name: p.name.trim().split(/\s+/)[0] });
    }
    for (const a of data.albums)
      this.add(phraseKey(a.name), { kind: 'album', ids: [a.id], name: a.name });
    for (const p of data.places) {
      const term: Term = { kind: 'place', field: p.field, key: p.key, name: p.name };
      this.add(phraseKey(p.name), term);
      for (const alias of p.aliases ?? []) this.add(phraseKey(alias), term);
    }
    for (const c of data.cameras) this.addCamera(c.make, c.model);
    this.maxWords = Math.min(
      MAX_PHRASE_WORDS,
      Math.max(1, ...[...this.phrases.keys()].map((k) => k.split(' ').length)),
    );
  }

  private add(phrase: string, term: Term): void {
    if (!phrase) return;
    const list = this.phrases.get(phrase) ?? [];
    const same = list.find((t) => sameTarget(t, term));
    if (same) mergeInto(same, term, phrase);
    else list.push(structuredClone(term));
    this.phrases.set(phrase, list);
  }

  private addCamera(make: string | null, model: string | null): void {
    const makeWords = make ? words(make) : [];
    const shortMake = makeWords.filter((w) => !MAKE_NOISE.has(w));
    if (make && shortMake.length) {
      const term: Term = {
        kind: 'camera',
        makes: [make],
        models: [],
        name: capitalise(shortMake.join(' ')),
      };
      this.add(makeWords.join(' '), term);
      this.add(shortMake.join(' '), term);
      this.add(shortMake[0], term);
    }
    if (!model) return;
    let mw = words(model);
    // The same words as written, for names on chips ("iPhone", not "iphone").
    let shown = model
      .trim()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (shown.length !== mw.length) shown = mw;
    // Models often repeat the make ("Canon EOS 80D"): match with or without it.
    const full = mw.join(' ');
    if (shortMake.length && mw[0] === shortMake[0]) {
      mw = mw.slice(1);
      shown = shown.slice(1);
    }
    const name = model.trim();
    const term: Term = { kind: 'camera', makes: [], models: [model], name };
    this.add(full, term);
    // Leading words name a model family: "iphone", "iphone 12" find "iPhone 12 Pro".
    for (let n = 1; n <= mw.length; n++) {
      const phrase = mw.slice(0, n).join(' ');
      if (phrase.length >= 3 && !/^\d+$/.test(phrase)) {
        this.add(phrase, { ...term, name: n === mw.length ? name : shown.slice(0, n).join(' ') });
      }
    }
  }

  private chains: { abs: string; key: string }[][] | null = null;

  /** For each directory, the chain of folders from its library root down to it, with folded names. */
  private folderChains(): { abs: string; key: string }[][] {
    if (this.chains) return this.chains;
    this.chains = [];
    for (const dir of new Set([...this.data.dirs, ...this.data.roots])) {
      const root = this.data.roots.find((r) => dir === r || dir.startsWith(r + path.sep));
      if (!root) continue;
      const chain: { abs: string; key: string }[] = [
        { abs: root, key: phraseKey(path.basename(root)) },
      ];
      for (const seg of dir === root ? [] : path.relative(root, dir).split(path.sep)) {
        chain.push({ abs: path.join(chain[chain.length - 1].abs, seg), key: phraseKey(seg) });
      }
      this.chains.push(chain);
    }
    return this.chains;
  }

  /** Every meaning of a folded phrase (plural forms fall back to the singular). */
  lookup(phrase: string): Term[] {
    const direct = this.phrases.get(phrase);
    if (direct) return direct;
    const parts = phrase.split(' ');
    const last = parts[parts.length - 1];
    for (const s of singulars(last)) {
      const hit = this.phrases.get([...parts.slice(0, -1), s].join(' '));
      if (hit) return hit.filter((t) => t.kind === 'tag');
    }
    return [];
  }

  /**
   * The tag a single word names as part of a multi-word label ("wine" → wine glass, "rackets" →
   * tennis racket); null for any other word. A weak meaning: see [Note: a word of a tag].
   */
  labelWord(word: string): Extract<Term, { kind: 'tag' }> | null {
    labelWordTable ??= labelWords();
    for (const w of [word, ...singulars(word)]) {
      const label = labelWordTable.get(w);
      if (label) return { kind: 'tag', labels: [label], name: label };
    }
    return null;
  }

  lookupKind<K extends TermKind>(kind: K, phrase: string): Extract<Term, { kind: K }>[] {
    return this.lookup(phrase).filter((t): t is Extract<Term, { kind: K }> => t.kind === kind);
  }

  /**
   * Directories named like `value` ("holidays") or ending with it ("2019/holidays"), below a
   * library root. Folder names are not in the phrase table: they are the weakest meaning of a
   * word and only used when nothing else matches (see parse.ts).
   */
  folders(value: string): Extract<Term, { kind: 'folder' }> | null {
    const want = value
      .split(/[\\/]+/)
      .map(phraseKey)
      .filter(Boolean);
    if (!want.length) return null;
    const found = new Set<string>();
    for (const chain of this.folderChains()) {
      for (let end = want.length - 1; end < chain.length; end++) {
        const start = end - want.length + 1;
        if (want.every((w, k) => chain[start + k].key === w)) found.add(chain[end].abs);
      }
    }
    if (!found.size) return null;
    // A folder inside another found folder is already covered by it.
    const dirs = [...found]
      .sort()
      .filter((d, _i, all) => !all.some((o) => o !== d && d.startsWith(o + path.sep)));
    return { kind: 'folder', dirs, name: value };
  }
}

/** The name a camera make goes by in the search box ("NIKON CORPORATION" → "Nikon"), or null. */
export function cameraMakeName(make: string | null): string | null {
  const short = make ? words(make).filter((w) => !MAKE_NOISE.has(w)) : [];
  return short.length ? capitalise(short.join(' ')) : null;
}

function capitalise(s: string): string {
  return s.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}

function sameTarget(a: Term, b: Term): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'place' && b.kind === 'place') return a.field === b.field && a.key === b.key;
  return (
    a.kind === 'person' ||
    a.kind === 'album' ||
    a.kind === 'camera' ||
    a.kind === 'tag' ||
    a.kind === 'type'
  );
}

/** Unions the targets of two meanings of one phrase ("alice" → both Alices). */
function mergeInto(into: Term, from: Term, phrase: string): void {
  const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
  if (into.kind === 'person' && from.kind === 'person') into.ids = union(into.ids, from.ids);
  else if (into.kind === 'album' && from.kind === 'album') into.ids = union(into.ids, from.ids);
  else if (into.kind === 'camera' && from.kind === 'camera') {
    into.makes = union(into.makes, from.makes);
    into.models = union(into.models, from.models);
    // Several models under one word name the family, not one of them.
    if (
      !into.makes.length &&
      into.models.length > 1 &&
      from.name.split(' ').length === phrase.split(' ').length
    ) {
      into.name = from.name;
    }
  } else if (into.kind === 'tag' && from.kind === 'tag')
    into.labels = union(into.labels, from.labels);
  else if (into.kind === 'type' && from.kind === 'type')
    into.formats = union(into.formats, from.formats);
}
