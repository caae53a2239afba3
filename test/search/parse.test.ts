import { describe, expect, it } from 'vitest';
import { understand } from '../../src/search/chips.js';
import { parseQuery, MAX_CLAUSES, MAX_QUERY_LENGTH } from '../../src/search/parse.js';
import type { ParsedQuery, Term } from '../../src/shared/search-query.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import { labelWords } from '../../src/search/lexicon.js';

// A Wednesday in July: "last summer" is 2024, "this year" 2025.
const now = new Date(2025, 6, 9, 12, 0, 0);

const vocab = new Vocabulary({
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

const parse = (q: unknown) => parseQuery(q, vocab, { now });

/** The clauses as [negate, terms] with terms reduced to what a test cares about. */
function brief(q: ParsedQuery) {
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
    case 'category':
      return `category:${t.category}${t.subtype ? `/${t.subtype}` : ''}`;
  }
}

const terms = (q: string) =>
  brief(parse(q)).map((c) => (c.negate ? '-' : '') + c.terms.join(' OR '));

describe('plain words become filters', () => {
  it('the example of the issue: person, tag, text, year', () => {
    expect(terms('Alice dog beach 2019')).toEqual([
      'person:1|3',
      'tag:dog',
      'text(all):beach',
      'date:2019-01-01..2020-01-01',
    ]);
  });

  it('tags, plurals, synonyms and groups', () => {
    expect(terms('dogs')).toEqual(['tag:dog']);
    expect(terms('puppy')).toEqual(['tag:dog']);
    expect(terms('wine glasses')).toEqual(['tag:wine glass']);
    expect(terms('teddy bear')).toEqual(['tag:teddy bear']);
    expect(terms('animals')[0]).toMatch(/^tag:bird\|cat\|dog/);
    expect(terms('animal')).toEqual(terms('animals'));
    expect(terms('people')).toEqual(['tag:person']);
  });

  it('a word of a two-word tag finds it, beside the word as text ("wine" → wine glass)', () => {
    expect(terms('wine')).toEqual(['tag:wine glass OR text(all):wine']);
    expect(terms('rackets')).toEqual(['tag:tennis racket OR text(all):rackets']);
    expect(terms('potted')).toEqual(['tag:potted plant OR text(all):potted']);
    expect(terms('wine 2019')).toEqual([
      'tag:wine glass OR text(all):wine',
      'date:2019-01-01..2020-01-01',
    ]);
    // Excluded too, and explicitly a tag; a quoted word is only the word.
    expect(terms('-wine')).toEqual(['-tag:wine glass OR text(all):wine']);
    expect(terms('tag:wine')).toEqual(['tag:wine glass']);
    expect(terms('"wine"')).toEqual(['text(all):wine']);
    // The chip says both meanings.
    expect(understand(parse('wine')).chips.map((c) => [c.kind, c.label])).toEqual([
      ['mixed', 'wine glass or "wine"'],
    ]);
  });

  it('the words that name a two-word tag on their own are these (reviewed, not grown by accident)', () => {
    expect(Object.fromEntries(labelWords())).toEqual({
      meter: 'parking meter',
      bat: 'baseball bat',
      glove: 'baseball glove',
      racket: 'tennis racket',
      wine: 'wine glass',
      potted: 'potted plant',
      dining: 'dining table',
      cell: 'cell phone',
      drier: 'hair drier',
    });
  });

  it('ordinary words do not turn into a tag they are part of', () => {
    // Labels and synonyms keep their own meaning: the dog, the bear, a table.
    expect(terms('dog')).toEqual(['tag:dog']);
    expect(terms('bear')).toEqual(['tag:bear']);
    expect(terms('table')).toEqual(['tag:dining table']);
    // Everyday words that mostly mean something else stay words.
    for (const w of ['hot', 'light', 'fire', 'sign', 'stop', 'glass', 'glasses', 'hair', 'traffic'])
      expect(terms(w)).toEqual([`text(all):${w}`]);
  });

  it('person names: full, first name (several people), case and accents ignored', () => {
    expect(terms('alice smith')).toEqual(['person:1']);
    expect(terms('ALICE')).toEqual(['person:1|3']);
    expect(terms('bob')).toEqual(['person:2']);
  });

  it('album names, several words', () => {
    expect(terms('summer trip')).toEqual(['album:7']);
    expect(terms('wedding')).toEqual(['album:8']);
  });

  it('places: city, multi-word city, accents, country and its aliases, region, continent', () => {
    expect(terms('paris')).toEqual(['place:city=paris']);
    expect(terms('new york')).toEqual(['place:city=new york']);
    expect(terms('zurich')).toEqual(['place:city=zurich']);
    expect(terms('Zürich')).toEqual(['place:city=zurich']);
    expect(terms('france')).toEqual(['place:country=FR']);
    expect(terms('usa')).toEqual(['place:country=US']);
    expect(terms('england')).toEqual(['place:region=england']);
    expect(terms('europe')).toEqual(['place:continent=europe']);
  });

  it('cameras: make, model, model family, make repeated in the model', () => {
    expect(terms('nikon')).toEqual(['camera:NIKON CORPORATION']);
    expect(terms('iphone')).toEqual(['camera:iPhone 12 Pro|iPhone 8']);
    expect(terms('iphone 12')).toEqual(['camera:iPhone 12 Pro']);
    expect(terms('d750')).toEqual(['camera:NIKON D750']);
    expect(terms('canon eos 80d')).toEqual(['camera:Canon EOS 80D']);
    expect(terms('eos')).toEqual(['camera:Canon EOS 80D']);
  });

  it('favourites and file types', () => {
    expect(terms('favourites')).toEqual(['favourite']);
    expect(terms('favorite')).toEqual(['favourite']);
    expect(terms('heic')).toEqual(['type:heic|heif']);
    expect(terms('png')).toEqual(['type:png']);
    expect(terms('raw')[0]).toMatch(/^type:cr2\|cr3/);
  });

  it('folders: a directory name below a library root, the longest name winning', () => {
    expect(terms('holidays')).toEqual(['folder:/home/u/Pictures/2019/Holidays']);
    expect(terms('scans')).toEqual(['folder:/home/u/Pictures/Scans']);
    expect(terms('summer holidays')).toEqual(['folder:/home/u/Pictures/Summer Holidays']);
    // "pictures" is a word without meaning in a photo search; the key still finds the root.
    expect(terms('folder:pictures')).toEqual(['folder:/home/u/Pictures']);
  });

  it('words carrying no meaning are ignored, the rest is text', () => {
    const q = parse('photos of a dog with a frisbee in the sunset');
    expect(brief(q).map((c) => c.terms[0])).toEqual(['tag:dog', 'tag:frisbee', 'text(all):sunset']);
    expect(q.ignored).toEqual(['photos', 'of', 'a', 'with', 'a', 'in', 'the']);
  });

  it('"or" joins alternatives into one clause', () => {
    expect(terms('dog or cat')).toEqual(['tag:dog OR tag:cat']);
    expect(terms('paris or new york 2019')).toEqual([
      'place:city=paris OR place:city=new york',
      'date:2019-01-01..2020-01-01',
    ]);
    expect(terms('or dog')).toEqual(['tag:dog']);
    expect(terms('dog or')).toEqual(['tag:dog']);
  });

  it('a word with several meanings keeps all of them (any of)', () => {
    // "june" is a month and the first name of June Carter.
    expect(terms('june')).toEqual(['date:~06-01..07-01 OR person:4']);
  });
});

describe('dates', () => {
  const date = (q: string) => terms(q)[0];
  it('years, ranges and decades', () => {
    expect(date('2019')).toBe('date:2019-01-01..2020-01-01');
    expect(date('2019-2021')).toBe('date:2019-01-01..2022-01-01');
    expect(date('2021-2019')).toBe('date:2019-01-01..2022-01-01');
    expect(date('2019..2021')).toBe('date:2019-01-01..2022-01-01');
    expect(date('2019 to 2021')).toBe('date:2019-01-01..2022-01-01');
    expect(date('between 2019 and 2021')).toBe('date:2019-01-01..2022-01-01');
    expect(date('1990s')).toBe('date:1990-01-01..2000-01-01');
    expect(date('the 90s')).toBe('date:1990-01-01..2000-01-01');
    expect(date("'80s")).toBe('date:1980-01-01..1990-01-01');
  });

  it('months and days', () => {
    expect(date('june 2021')).toBe('date:2021-06-01..2021-07-01');
    expect(date('Jun 2021')).toBe('date:2021-06-01..2021-07-01');
    expect(date('june of 2021')).toBe('date:2021-06-01..2021-07-01');
    expect(date('december 2021')).toBe('date:2021-12-01..2022-01-01');
    expect(date('2021-06')).toBe('date:2021-06-01..2021-07-01');
    expect(date('2021-06-15')).toBe('date:2021-06-15..2021-06-16');
    expect(date('2021/6/15')).toBe('date:2021-06-15..2021-06-16');
    expect(date('15 june 2019')).toBe('date:2019-06-15..2019-06-16');
    expect(date('15th june 2019')).toBe('date:2019-06-15..2019-06-16');
    expect(date('june 15, 2019')).toBe('date:2019-06-15..2019-06-16');
    expect(date('31 december')).toBe('date:~12-31..13-01');
    expect(date('march')).toBe('date:~03-01..04-01');
    expect(date('2021-06-01..2021-06-10')).toBe('date:2021-06-01..2021-06-11');
  });

  it('seasons and holidays, with and without a year', () => {
    expect(date('summer 2019')).toBe('date:2019-06-01..2019-09-01');
    expect(date('summer of 2019')).toBe('date:2019-06-01..2019-09-01');
    expect(date('winter 2019')).toBe('date:2019-12-01..2020-03-01');
    expect(date('summer')).toBe('date:~06-01..09-01');
    expect(date('winter')).toBe('date:~12-01..13-01|~01-01..03-01');
    expect(date('fall')).toBe('date:~09-01..12-01');
    expect(date('christmas 2020')).toBe('date:2020-12-24..2020-12-27');
    expect(date('christmas')).toBe('date:~12-24..12-27');
    expect(date('new year 2020')).toBe('date:2019-12-31..2020-01-02');
    expect(date('halloween')).toBe('date:~10-31..11-01');
  });

  it('relative to today', () => {
    expect(date('last summer')).toBe('date:2024-06-01..2024-09-01');
    expect(date('this summer')).toBe('date:2025-06-01..2025-09-01');
    expect(date('last winter')).toBe('date:2024-12-01..2025-03-01');
    expect(date('last year')).toBe('date:2024-01-01..2025-01-01');
    expect(date('this year')).toBe('date:2025-01-01..2026-01-01');
    expect(date('last month')).toBe('date:2025-06-01..2025-07-01');
    expect(date('this month')).toBe('date:2025-07-01..2025-08-01');
    expect(date('today')).toBe('date:2025-07-09..2025-07-10');
    expect(date('yesterday')).toBe('date:2025-07-08..2025-07-09');
    expect(date('last week')).toBe('date:2025-06-30..2025-07-07');
    expect(date('this week')).toBe('date:2025-07-07..2025-07-14');
    expect(date('last weekend')).toBe('date:2025-07-05..2025-07-07');
    expect(date('last 30 days')).toBe('date:2025-06-10..2025-07-10');
    expect(date('3 years ago')).toBe('date:2022-01-01..2023-01-01');
    expect(date('a year ago')).toBe('date:2024-01-01..2025-01-01');
    expect(date('2 months ago')).toBe('date:2025-05-01..2025-06-01');
  });

  it('two years that cannot both hold mean either; a season and a year narrow each other', () => {
    expect(terms('2019 2021')).toEqual([
      'date:2019-01-01..2020-01-01 OR date:2021-01-01..2022-01-01',
    ]);
    expect(terms('summer 2019 beach')).toEqual(['date:2019-06-01..2019-09-01', 'text(all):beach']);
  });

  it('impossible dates are not dates', () => {
    expect(terms('2019-02-30')[0]).toMatch(/^text/);
    expect(terms('31 february')[0]).not.toMatch(/^date/);
    expect(terms('12345')).toEqual(['text(all):12345']);
    expect(terms('0000')).toEqual(['text(all):0000']);
  });
});

describe('explicit syntax', () => {
  it('the example of the issue', () => {
    expect(terms('person:alice tag:dog year:2019 -tag:car')).toEqual([
      'person:1|3',
      'tag:dog',
      'date:2019-01-01..2020-01-01',
      '-tag:car',
    ]);
  });

  it('every key', () => {
    expect(terms('person:"Alice Smith"')).toEqual(['person:1']);
    expect(terms('album:"summer trip"')).toEqual(['album:7']);
    expect(terms('tag:animal')[0]).toMatch(/^tag:bird\|cat/);
    expect(terms('tag:dog,cat')).toEqual(['tag:dog OR tag:cat']);
    expect(terms('date:2019-06')).toEqual(['date:2019-06-01..2019-07-01']);
    expect(terms('date:last-summer')).toEqual(['date:2024-06-01..2024-09-01']);
    expect(terms('date:"june 2021"')).toEqual(['date:2021-06-01..2021-07-01']);
    expect(terms('month:june')).toEqual(['date:~06-01..07-01']);
    expect(terms('after:2020')).toEqual(['date:2020-01-01..']);
    expect(terms('before:2020')).toEqual(['date:..2020-01-01']);
    expect(terms('until:2020')).toEqual(['date:..2021-01-01']);
    expect(terms('city:paris country:fr')).toEqual(['place:city=paris', 'place:country=FR']);
    expect(terms('place:france')).toEqual(['place:country=FR']);
    expect(terms('country:DE')).toEqual(['place:country=DE']);
    expect(terms('camera:iphone')).toEqual(['camera:iPhone 12 Pro|iPhone 8']);
    expect(terms('type:png')).toEqual(['type:png']);
    expect(terms('ext:.JPG')).toEqual(['type:jpeg|mpo']);
    expect(terms('folder:2019/holidays')).toEqual(['folder:/home/u/Pictures/2019/Holidays']);
    expect(terms('text:"hello world"')).toEqual(['text(all):hello world']);
    expect(terms('ocr:stop')).toEqual(['text(ocr):stop']);
    expect(terms('name:IMG_1234')).toEqual(['text(names):img 1234']);
    expect(terms('is:favourite')).toEqual(['favourite']);
    expect(terms('fav:yes')).toEqual(['favourite']);
    expect(terms('has:gps has:text has:faces')).toEqual(['has:gps', 'has:text', 'has:faces']);
    expect(terms('area:48.8,2.2,48.9,2.4')).toEqual(['area:48.8,2.2,48.9,2.4']);
    expect(parse('sort:oldest dog').sort).toBe('oldest');
  });

  it('keys are case-insensitive; unknown keys are plain words', () => {
    expect(terms('TAG:Dog')).toEqual(['tag:dog']);
    expect(terms('colour:red')).toEqual(['text(all):colour red']);
    expect(terms('10:30')).toEqual(['text(all):10 30']);
  });

  it('explicit values that match nothing say so, and match nothing (tags fall back to text)', () => {
    const q = parse('person:zorro album:nope tag:sunset camera:leica folder:nowhere');
    expect(brief(q).map((c) => c.terms[0])).toEqual([
      'person:',
      'album:',
      'text(all):sunset',
      'camera:',
      'folder:',
    ]);
    expect(q.clauses.map((c) => c.note)).toEqual([
      'no person named "zorro"',
      'no album named "nope"',
      '"sunset" is not a tag Picto detects; searched as text',
      'no photos taken with a "leica"',
      'no folder called "nowhere"',
    ]);
  });

  it('negation of plain words, quoted phrases and keys', () => {
    expect(terms('-car')).toEqual(['-tag:car']);
    expect(terms('-"new york"')).toEqual(['-place:city=new york']);
    expect(terms('-beach')).toEqual(['-text(all):beach']);
    expect(terms('!dog')).toEqual(['-tag:dog']);
    expect(terms('dog -is:fav')).toEqual(['tag:dog', '-favourite']);
  });

  it('quoted phrases are taken whole', () => {
    expect(terms('"hot dog"')).toEqual(['tag:hot dog']);
    expect(terms('"happy birthday"')).toEqual(['text(all):happy birthday']);
  });
});

describe('chips and canonical form', () => {
  it('each clause is a removable chip; the canonical query parses back to the same filters', () => {
    const q = parse('Alice dog or cat at the beach last summer -car');
    const u = understand(q);
    expect(u.chips.map((c) => c.label)).toEqual([
      'Alice',
      'dog or cat',
      '"beach"',
      'summer 2024',
      'not car',
    ]);
    expect(u.chips[1].without).toBe('Alice at the beach last summer -car');
    expect(u.canonical).toBe(
      'person:Alice tag:dog or tag:cat text:beach date:2024-06-01..2024-08-31 -tag:car',
    );
    expect(brief(parse(u.canonical))).toEqual(brief(q));
  });

  it('round-trips every kind of term', () => {
    for (const text of [
      'person:"Alice Smith" album:wedding tag:animal country:fr city:"new york" region:england',
      'camera:"iPhone 12 Pro" type:raw folder:scans is:favourite has:gps name:IMG_1 ocr:"stop sign"',
      'date:summer after:2020-03-01 before:2021 area:1,2,3,4 june 2019 2021 -"new york"',
    ]) {
      const q = parse(text);
      expect(brief(parse(understand(q).canonical)), text).toEqual(brief(q));
    }
  });
});

describe('nonsense and injection attempts search, never fail', () => {
  const nasty: unknown[] = [
    '',
    '   ',
    "'; DROP TABLE photos; --",
    'Robert"); DELETE FROM photos WHERE ("1"="1',
    'tag:"dog\' OR 1=1"',
    'person:" OR ""="',
    '1 OR 1=1',
    'text:"NEAR(a b)" OR * AND NOT',
    'name:* ocr:^ text:"\\"',
    '"unbalanced quote',
    'tag:"unbalanced',
    '-',
    '--',
    '- - -',
    ':::',
    'tag: person: year:',
    'year:abcd date:2019-13-45 after:never area:1,2 area:91,0,92,1',
    '%_%',
    '\u0000\u0001\u0007 dog \u001b[31m',
    '🐶 🏖️ 2019',
    'ﬁle Ａｌｉｃｅ',
    'a'.repeat(5000),
    'dog '.repeat(200),
    '" '.repeat(300),
    '\\',
    '$(rm -rf /)',
    '<script>alert(1)</script>',
    'sort:sideways',
    'or or or',
    undefined,
    null,
    42,
    { q: 'dog' },
  ];

  it.each(nasty.map((n) => [JSON.stringify(n)?.slice(0, 40) ?? String(n), n]))(
    '%s',
    (_name, input) => {
      const q = parse(input);
      expect(q.clauses.length).toBeLessThanOrEqual(MAX_CLAUSES);
      expect(q.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      const u = understand(q);
      // Whatever came in, the canonical form is a query the parser takes again.
      expect(() => parse(u.canonical)).not.toThrow();
      for (const c of q.clauses) {
        for (const t of c.terms) {
          // FTS words are letters and digits only: no operator, quote or star can reach FTS5.
          if (t.kind === 'text') for (const w of t.words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
        }
      }
    },
  );

  it('an SQL injection attempt is just words', () => {
    expect(terms("'; DROP TABLE photos; --")).toEqual(['text(all):drop', 'tag:dining table']);
    expect(terms('1 OR 1=1')).toEqual(['text(all):1 OR text(all):1 1']);
  });

  it('a very long query is cut, not refused', () => {
    const q = parse('dog '.repeat(1000));
    expect(q.clauses.length).toBe(MAX_CLAUSES);
    expect(q.ignored.length).toBeGreaterThan(0);
  });
});
