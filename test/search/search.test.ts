import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsExpression } from '../../src/db/repos/search.js';
import { createPeople } from '../../bench/search-catalogue.js';
import { FakeLibrary, hexId, type FakePhoto } from './fixture.js';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const P = (n: number) => hexId(n);

const photos: FakePhoto[] = [
  // Alice with her dog on the beach, summer 2019, Nice.
  {
    id: P(1),
    path: '2019/Holidays/IMG_0001.jpg',
    sortAt: '2019-07-14T10:00:00',
    tags: [
      ['dog', 0.9],
      ['person', 0.95],
    ],
    persons: [1],
    make: 'Apple',
    model: 'iPhone 8',
    lat: 43.7,
    lon: 7.26,
    place: { city: 'Nice', country: 'France', countryCode: 'FR', continent: 'Europe' },
    text: 'PLAGE PUBLIQUE',
  },
  {
    id: P(2),
    path: '2019/Holidays/IMG_0002.jpg',
    sortAt: '2019-07-15T11:00:00',
    tags: [
      ['dog', 0.4],
      ['car', 0.8],
    ],
    persons: [1],
    make: 'Apple',
    model: 'iPhone 8',
    lat: 43.7,
    lon: 7.27,
    place: { city: 'Nice', country: 'France', countryCode: 'FR', continent: 'Europe' },
  },
  {
    id: P(3),
    path: '2019/Holidays/beach sunset.jpg',
    sortAt: '2019-07-16T20:00:00',
    tags: [['person', 0.8]],
    persons: [1, 2],
    favourite: true,
    make: 'Apple',
    model: 'iPhone 8',
  },
  // Bob's cat in Paris, 2021.
  {
    id: P(4),
    path: '2021/Paris/cat.png',
    sortAt: '2021-06-02T09:00:00',
    format: 'png',
    tags: [['cat', 0.7]],
    persons: [2],
    lat: 48.85,
    lon: 2.35,
    place: { city: 'Paris', country: 'France', countryCode: 'FR', continent: 'Europe' },
  },
  {
    id: P(5),
    path: '2021/Paris/DSC_5000.NEF',
    sortAt: '2021-06-03T09:00:00',
    format: 'nef',
    make: 'NIKON CORPORATION',
    model: 'NIKON D750',
    tags: [
      ['dog', 0.6],
      ['cat', 0.5],
    ],
    lat: 48.86,
    lon: 2.34,
    place: { city: 'Paris', country: 'France', countryCode: 'FR', continent: 'Europe' },
  },
  // Trashed: never found.
  {
    id: P(6),
    path: '2021/Paris/dog-trashed.jpg',
    sortAt: '2021-06-04T09:00:00',
    tags: [['dog', 0.99]],
    trashed: true,
  },
  // A scanned receipt, no date but the file time, New York.
  {
    id: P(7),
    path: 'Scans/receipt.jpg',
    sortAt: '2023-01-05T12:00:00',
    text: 'Total due: $42 — Thank you for shopping',
    lat: 40.75,
    lon: -73.99,
    place: {
      city: 'New York',
      country: 'United States',
      countryCode: 'US',
      region: 'New York',
      continent: 'Americas',
    },
  },
  { id: P(8), path: 'Scans/café menu.jpg', sortAt: '2023-01-06T12:00:00', text: 'Café crème 3,50' },
];

let lib: FakeLibrary;
const search = (
  q: string,
  opts: { sort?: 'relevance' | 'newest' | 'oldest'; limit?: number; cursor?: string } = {},
) => lib.picto.discovery.search.search({ q, ...opts, count: true });

beforeAll(() => {
  lib = new FakeLibrary();
  createPeople(lib.db, [
    { id: 1, name: 'Alice Martin' },
    { id: 2, name: 'Bob' },
  ]);
  lib.add(photos);
  lib.picto.collection.createAlbum('Best of 2019');
  lib.picto.collection.addToAlbum(lib.picto.collection.album('Best of 2019').id, [P(1), P(3)]);
});

afterAll(async () => {
  await lib.close();
});

describe('one query, every filter', () => {
  it('the example: person + tag + text + year', () => {
    expect(ids(search('Alice dog plage 2019').rows)).toEqual([P(1)]);
  });

  it('tags come newest first, or by detection score with sort:relevance; groups expand; negation excludes', () => {
    expect(ids(search('dog').rows)).toEqual([P(5), P(2), P(1)]);
    expect(ids(search('dog sort:relevance').rows)).toEqual([P(1), P(5), P(2)]);
    expect(ids(search('animals').rows).sort()).toEqual([P(1), P(2), P(4), P(5)]);
    expect(ids(search('dog -car sort:relevance').rows)).toEqual([P(1), P(5)]);
    // A photo with both ranks first: every wanted tag adds its score.
    expect(ids(search('dog or cat', { sort: 'relevance' }).rows)).toEqual([P(5), P(1), P(4), P(2)]);
  });

  it('people, albums, places, cameras, types, favourites, folders', () => {
    expect(ids(search('bob').rows)).toEqual([P(4), P(3)]);
    expect(ids(search('alice bob').rows)).toEqual([P(3)]);
    expect(ids(search('best of 2019').rows)).toEqual([P(3), P(1)]);
    expect(ids(search('paris').rows)).toEqual([P(5), P(4)]);
    expect(ids(search('france').rows)).toEqual([P(5), P(4), P(2), P(1)]);
    expect(ids(search('new york').rows)).toEqual([P(7)]);
    expect(ids(search('europe 2019').rows)).toEqual([P(2), P(1)]);
    expect(ids(search('iphone').rows)).toEqual([P(3), P(2), P(1)]);
    expect(ids(search('nikon raw').rows)).toEqual([P(5)]);
    expect(ids(search('png').rows)).toEqual([P(4)]);
    expect(ids(search('favourites').rows)).toEqual([P(3)]);
    expect(ids(search('holidays').rows)).toEqual([P(3), P(2), P(1)]);
    expect(ids(search('folder:scans').rows)).toEqual([P(8), P(7)]);
  });

  it('dates: years, months across years, ranges, open ends', () => {
    expect(ids(search('2021').rows)).toEqual([P(5), P(4)]);
    expect(ids(search('july').rows)).toEqual([P(3), P(2), P(1)]);
    expect(ids(search('summer 2019').rows)).toEqual([P(3), P(2), P(1)]);
    expect(ids(search('2020-2023').rows)).toEqual([P(8), P(7), P(5), P(4)]);
    expect(ids(search('after:2022').rows)).toEqual([P(8), P(7)]);
    expect(ids(search('before:2020 -person:bob').rows)).toEqual([P(2), P(1)]);
  });

  it('unknown words search file names and text found in photos, accents folded, prefixes allowed', () => {
    expect(ids(search('sunset').rows)).toEqual([P(3)]);
    expect(ids(search('receipt').rows)).toEqual([P(7)]);
    expect(ids(search('shopping').rows)).toEqual([P(7)]);
    expect(ids(search('cafe').rows)).toEqual([P(8)]);
    expect(ids(search('creme').rows)).toEqual([P(8)]);
    expect(ids(search('"thank you"').rows)).toEqual([P(7)]);
    expect(ids(search('IMG_0002').rows)).toEqual([P(2)]);
    expect(ids(search('DSC_5000.NEF').rows)).toEqual([P(5)]);
    expect(ids(search('ocr:receipt').rows)).toEqual([]);
    expect(ids(search('name:receipt').rows)).toEqual([P(7)]);
    expect(ids(search('-receipt scans').rows)).toEqual([P(8)]);
    expect(ids(search('nothingmatchesthis').rows)).toEqual([]);
  });

  it('map area and has:', () => {
    expect(ids(search('area:48,2,49,3').rows)).toEqual([P(5), P(4)]);
    expect(ids(search('has:gps 2019').rows)).toEqual([P(2), P(1)]);
    expect(ids(search('has:text').rows)).toEqual([P(8), P(7), P(1)]);
    expect(ids(search('has:faces -alice').rows)).toEqual([P(4)]);
  });

  it('an empty query lists the library newest first; trashed photos never appear', () => {
    const all = search('');
    expect(all.rows.length).toBe(7);
    expect(all.total).toBe(7);
    expect(ids(all.rows)).not.toContain(P(6));
    expect(all.sort).toBe('newest');
  });
});

describe('paging and ordering', () => {
  it('keyset pages cover every result once, in every order', () => {
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = search('france or new york or scans', { sort, limit: 2, cursor });
        seen.push(...ids(page.rows));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(seen.length, sort).toBe(6);
    }
  });

  it('sort:oldest in the text and a sort parameter', () => {
    expect(ids(search('2021 sort:oldest').rows)).toEqual([P(4), P(5)]);
    expect(ids(search('dog', { sort: 'oldest' }).rows)).toEqual([P(1), P(2), P(5)]);
  });

  it('refuses a cursor of another order or a forged one', () => {
    const page = search('france', { limit: 1 });
    expect(() => search('france', { sort: 'oldest', cursor: page.nextCursor! })).toThrow(/cursor/);
    expect(() => search('france', { cursor: 'not-a-cursor' })).toThrow(/cursor/);
  });
});

describe('plans', () => {
  it('every way of reading the catalogue gives the same results', () => {
    const repo = lib.picto.repos.discovery.search;
    for (const q of [
      'alice dog 2019',
      'dog -car',
      'bob or alice',
      'france 2019',
      'july dog',
      'png or nikon',
      'favourites holidays',
      'has:text -receipt',
      'area:40,-80,50,10 -france',
      'cafe or sunset',
      'iphone summer',
      'best of 2019 alice',
      'folder:scans -cafe',
      'animals europe',
      'sort:oldest has:gps',
      'dog plage sort:relevance',
    ]) {
      const page = search(q);
      const crit = { clauses: page.parsed.clauses, sort: page.sort, limit: 50 };
      const plans = [
        { mode: 'walk' as const },
        ...page.parsed.clauses.flatMap((c, i) =>
          c.negate ? [] : [{ mode: 'driven' as const, driver: i }],
        ),
      ];
      for (const plan of plans) {
        expect(ids(repo.search(crit, plan)), `${q} ${JSON.stringify(plan)}`).toEqual(
          ids(page.rows),
        );
        expect(repo.count(crit.clauses, undefined, plan, 100), `${q} count`).toBe(page.total);
      }
    }
  });
});

describe('understood, and safe', () => {
  it('reports chips and the canonical query', () => {
    const r = search('Alice dog plage 2019');
    expect(r.understood.chips.map((c) => [c.kind, c.label])).toEqual([
      ['person', 'Alice'],
      ['tag', 'dog'],
      ['text', '"plage"'],
      ['date', '2019'],
    ]);
    expect(r.understood.canonical).toBe(
      'person:Alice tag:dog text:plage date:2019-01-01..2019-12-31',
    );
  });

  it('injection attempts are searched as words and the tables survive', () => {
    for (const q of [
      "'; DROP TABLE photos; --",
      'text:"x\\" OR 1=1 --"',
      'name:") OR rowid > 0 --',
      'tag:"dog\') OR 1=1 --"',
      'folder:"../../etc" camera:"\' OR \'1\'=\'1"',
      'NEAR(a b) OR * AND NOT "',
      'area:-91,0,0,1 area:0,0,0,0',
    ]) {
      expect(() => search(q), q).not.toThrow();
    }
    expect(search('').rows.length).toBe(7);
  });

  it('FTS expressions quote every word', () => {
    expect(ftsExpression(['img', '1234'], 'all')).toBe('"img 1234" *');
    expect(ftsExpression(['ab'], 'names')).toBe('names : "ab"');
    expect(ftsExpression(['stop'], 'ocr')).toBe('ocr : "stop" *');
  });
});

describe('text in photos glued together by OCR', () => {
  it('is found by a word inside it, not as a file name', async () => {
    const glued = new FakeLibrary();
    try {
      glued.add([
        {
          id: P(21),
          path: 'a.jpg',
          sortAt: '2024-01-01T00:00:00',
          text: 'WelcometoLisbon2024\nCafé do Norte',
        },
        { id: P(22), path: 'lisbon.jpg', sortAt: '2024-01-02T00:00:00' },
      ]);
      const found = (q: string) => ids(glued.picto.discovery.search.search({ q }).rows);
      expect(found('lisbon')).toEqual([P(22), P(21)]); // a whole word ranks above a glued one
      expect(found('ocr:lisbon')).toEqual([P(21)]);
      expect(found('name:lisbon')).toEqual([P(22)]);
      expect(found('welcome lisbon')).toEqual([P(21)]);
      expect(found('cafe norte')).toEqual([P(21)]);
      expect(found('-lisbon')).toEqual([]);
      // Replaced text is searched as it is now.
      glued.db.prepare(`UPDATE photo_text SET text = 'Porto' WHERE photo_id = ?`).run(P(21));
      expect(found('ocr:lisbon')).toEqual([]);
    } finally {
      await glued.close();
    }
  });
});
