import { describe, expect, it } from 'vitest';
import { understand } from '../../src/search/chips.js';
import { parseQuery } from '../../src/search/parse.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import type { Term } from '../../src/shared/search-query.js';

// The category words of the search box (issue 14): what each means, how they combine with the
// words they already were (tags, file-name text, folders), negation, and what the chips say.

const vocab = new Vocabulary({
  persons: [{ id: 1, name: 'Alice' }],
  albums: [],
  places: [{ field: 'city', key: 'paris', name: 'Paris' }],
  cameras: [],
  roots: ['/home/u/Pictures'],
  dirs: ['/home/u/Pictures/Scans'],
});

const parse = (q: string) => parseQuery(q, vocab, { now: new Date(2025, 6, 9, 12) });

function short(t: Term): string {
  if (t.kind === 'category') return `category:${t.category}${t.subtype ? `/${t.subtype}` : ''}`;
  if (t.kind === 'text') return `text:${t.words.join(' ')}`;
  if (t.kind === 'tag') return `tag:${t.labels.join('|')}`;
  if (t.kind === 'folder') return 'folder';
  return t.kind;
}

/** Each clause as "-"? and its alternatives' category terms (others shortened). */
const terms = (q: string) =>
  parse(q).clauses.map((c) => (c.negate ? '-' : '') + c.terms.map(short).join(' OR '));

/** The category each clause names, or its terms when it names none. */
const categories = (q: string) =>
  parse(q).clauses.map(
    (c) =>
      (c.negate ? '-' : '') +
      (c.terms
        .filter((t) => t.kind === 'category')
        .map(short)
        .join(' OR ') || c.terms.map(short).join(' OR ')),
  );

describe('category words', () => {
  it('every word of the issue, singular and plural', () => {
    const cases: [string, string][] = [
      ['screenshot', 'category:screenshot'],
      ['screenshots', 'category:screenshot'],
      ['screen shots', 'category:screenshot'],
      ['document', 'category:document'],
      ['documents', 'category:document'],
      ['receipt', 'category:document/receipt'],
      ['receipts', 'category:document/receipt'],
      ['selfie', 'category:selfie'],
      ['selfies', 'category:selfie'],
      ['panorama', 'category:panorama'],
      ['panoramas', 'category:panorama'],
      ['night', 'category:night'],
      ['night photos', 'category:night'],
      ['group photo', 'category:group'],
      ['group photos', 'category:group'],
      ['portrait', 'category:portrait'],
      ['portraits', 'category:portrait'],
    ];
    for (const [q, want] of cases) expect(categories(q), q).toEqual([want]);
  });

  it('a single word still finds itself in file names and text, as before', () => {
    expect(terms('selfies')).toEqual(['category:selfie OR text:selfies']);
    // Several words are one phrase: the category only.
    expect(terms('group photos')).toEqual(['category:group']);
  });

  it('category:NAME takes names, plurals, labels and the receipt subtype', () => {
    expect(terms('category:selfie')).toEqual(['category:selfie']);
    expect(terms('category:selfies')).toEqual(['category:selfie']);
    expect(terms('category:group')).toEqual(['category:group']);
    expect(terms('category:"group photos"')).toEqual(['category:group']);
    expect(terms('category:group-photos')).toEqual(['category:group']);
    expect(terms('category:receipt')).toEqual(['category:document/receipt']);
    expect(terms('category:pets')).toEqual(['category:pets']);
    expect(terms('category:food')).toEqual(['category:food']);
    expect(terms('category:scans')).toEqual(['category:document']);
  });

  it('the object-group words and "scans" keep the meaning they had', () => {
    expect(categories('food')[0]).toMatch(/^tag:/);
    expect(categories('vehicles')[0]).toMatch(/^tag:/);
    // A folder called Scans is the folder, not the documents.
    expect(terms('scans')).not.toContain('category:document');
  });

  it('an unknown category says so and matches nothing', () => {
    const q = parse('category:sunsets');
    expect(q.clauses[0].note).toMatch(/no category called "sunsets" \(categories: screenshot,/);
  });

  it('negation: -screenshots, -category:selfie, and with other words', () => {
    expect(categories('-screenshots')).toEqual(['-category:screenshot']);
    expect(terms('-category:selfie')).toEqual(['-category:selfie']);
    expect(categories('alice -selfies')).toEqual(['person', '-category:selfie']);
    expect(categories('paris night')).toEqual(['place', 'category:night']);
  });

  it('chips name the category and read back as category:NAME', () => {
    const u = understand(parse('selfies -screenshots receipts'));
    expect(u.chips.map((c) => [c.kind, c.label, c.negate])).toEqual([
      ['category', 'Selfies', false],
      ['category', 'not Screenshots', true],
      ['category', 'Receipts', false],
    ]);
    expect(u.chips[0].query).toBe('category:selfie or text:selfies');
    expect(u.chips[1].query).toBe('-category:screenshot -text:screenshots');
    expect(understand(parse('category:group')).canonical).toBe('category:group');
  });
});
