// Keywords, descriptions and ratings in the search box, on a small hand-made catalogue: every
// level of a keyword path is a word that finds it, descriptions are found by plain words, and
// `rating:` filters by stars. Also the notes document kept by triggers (migration 13).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingMeaning } from '../../src/search/explicit.js';
import { parseQuery } from '../../src/search/parse.js';
import { phraseKey } from '../../src/search/text.js';
import { Vocabulary } from '../../src/search/vocabulary.js';
import { FakeLibrary, hexId } from './fixture.js';

const P = (n: number) => hexId(n);

describe('rating: values', () => {
  const r = (v: string) => ratingMeaning(v).terms.map((t) => t.kind === 'rating' && [t.min, t.max]);
  it('reads single stars, bounds, ranges and none', () => {
    expect(r('5')).toEqual([[5, 5]]);
    expect(r('>=4')).toEqual([[4, 5]]);
    expect(r('>3')).toEqual([[4, 5]]);
    expect(r('<=2')).toEqual([[1, 2]]);
    expect(r('<3')).toEqual([[1, 2]]);
    expect(r('2-4')).toEqual([[2, 4]]);
    expect(r('4..2')).toEqual([[2, 4]]);
    expect(r('none')).toEqual([[0, 0]]);
    expect(r('0')).toEqual([[0, 0]]);
    expect(r('<1')).toEqual([[0, 0]]);
    expect(r('any')).toEqual([[1, 5]]);
    expect(r('9')).toEqual([]);
    expect(ratingMeaning('lots').note).toContain('not understood');
  });
});

describe('keywords in the vocabulary', () => {
  const vocab = new Vocabulary({
    persons: [],
    albums: [],
    places: [{ field: 'city', key: 'seoul', name: 'Seoul' }],
    cameras: [],
    keywords: [
      { key: 'seoul', name: 'Seoul' },
      { key: 'new york', name: 'New York' },
    ],
    roots: [],
    dirs: [],
  });
  const kinds = (q: string) =>
    parseQuery(q, vocab).clauses.map((c) => c.terms.map((t) => t.kind).join('|'));
  it('a level is a phrase; a place of the same name stays a meaning too', () => {
    expect(kinds('seoul')).toEqual(['place|keyword']);
    expect(kinds('new york')).toEqual(['keyword']);
    expect(kinds('keyword:"Places/USA/New York"')).toEqual(['keyword']);
    expect(parseQuery('keyword:nowhere', vocab).clauses[0].note).toContain('nowhere');
  });
});

describe('searching keywords, descriptions and ratings', () => {
  let lib: FakeLibrary;
  const search = (q: string) =>
    lib.picto.discovery.search
      .search({ q, limit: 50 })
      .rows.map((r) => r.id)
      .sort();

  beforeAll(() => {
    lib = new FakeLibrary();
    lib.add([
      { id: P(1), path: 'a.jpg', sortAt: '2020-01-01T10:00:00' },
      { id: P(2), path: 'b.jpg', sortAt: '2020-01-02T10:00:00' },
      { id: P(3), path: 'c.jpg', sortAt: '2020-01-03T10:00:00' },
    ]);
    const { repos } = lib.picto;
    const kw = (path: string) => {
      const levels = path.split('/');
      return {
        path,
        leaf: levels[levels.length - 1],
        levels: levels.map((l) => ({ key: phraseKey(l), name: l })),
      };
    };
    const now = new Date().toISOString();
    repos.db.transaction(() => {
      repos.keywords.replace(P(1), 'xmp', [kw('Places/Korea/Seoul'), kw('Events/Wedding')]);
      repos.keywords.replace(P(2), 'xmp', [kw('Places/Korea/Busan')]);
      repos.photos.setImported(P(1), { rating: 4, rating_source: 'xmp' }, now);
      repos.photos.setImported(P(2), { rating: 2, rating_source: 'xmp' }, now);
      repos.photos.setImported(
        P(3),
        { description: 'Grandmother’s café in Lisbon', description_source: 'user' },
        now,
      );
    })();
  });
  afterAll(() => lib.close());

  it('every level of a keyword finds it', () => {
    expect(search('korea')).toEqual([P(1), P(2)]);
    expect(search('seoul')).toEqual([P(1)]);
    expect(search('places')).toEqual([P(1), P(2)]);
    expect(search('keyword:wedding')).toEqual([P(1)]);
    expect(search('-korea')).toEqual([P(3)]);
  });

  it('descriptions by plain words, accents folded, prefixes too', () => {
    expect(search('cafe')).toEqual([P(3)]);
    expect(search('grandmother lisbon')).toEqual([P(3)]);
    expect(search('lisb')).toEqual([P(3)]);
  });

  it('ratings', () => {
    expect(search('rating:>=4')).toEqual([P(1)]);
    expect(search('rating:<=3')).toEqual([P(2)]);
    expect(search('rating:none')).toEqual([P(3)]);
    expect(search('korea rating:2')).toEqual([P(2)]);
  });

  it('the notes document follows changes and leaves with its photo', () => {
    const { repos } = lib.picto;
    const now = new Date().toISOString();
    repos.photos.setImported(P(3), { description: 'Porto by night' }, now);
    lib.picto.discovery.search.invalidate();
    expect(search('lisbon')).toEqual([]);
    expect(search('porto')).toEqual([P(3)]);
    // The other source's keywords stay when one source's are replaced.
    repos.keywords.replace(P(2), 'user', [
      { path: 'Trips', leaf: 'Trips', levels: [{ key: 'trips', name: 'Trips' }] },
    ]);
    repos.keywords.replace(P(2), 'xmp', []);
    lib.picto.discovery.search.invalidate();
    expect(search('busan')).toEqual([]);
    expect(search('trips')).toEqual([P(2)]);
    repos.photos.delete(P(3));
    const left = repos.db.prepare('SELECT COUNT(*) AS n FROM note_text').get() as { n: number };
    expect(left.n).toBe(2);
  });
});
