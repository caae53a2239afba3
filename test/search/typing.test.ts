import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeople } from '../../bench/search-catalogue.js';
import { FakeLibrary, hexId, type FakePhoto } from './fixture.js';

// What people type into the search box: suggestions for the words typed so far, and one word of a
// two-word tag ("wine" for wine glass). A hand-made catalogue in a real database.

const P = (n: number) => hexId(n);
const nice = { city: 'Nice', country: 'France', countryCode: 'FR', continent: 'Europe' };
const ny = {
  city: 'New York',
  country: 'United States',
  countryCode: 'US',
  region: 'New York',
  continent: 'Americas',
};

const photos: FakePhoto[] = [
  {
    id: P(1),
    path: '2019/IMG_1.jpg',
    sortAt: '2019-06-14T10:00:00',
    tags: [['dog', 0.9]],
    persons: [1],
    make: 'Apple',
    model: 'iPhone 8',
    place: nice,
  },
  {
    id: P(2),
    path: '2019/IMG_2.jpg',
    sortAt: '2019-06-15T10:00:00',
    tags: [
      ['wine glass', 0.8],
      ['dining table', 0.7],
    ],
    persons: [1, 2],
    make: 'Apple',
    model: 'iPhone 8',
    place: nice,
  },
  {
    id: P(3),
    path: '2021/wine tasting.jpg',
    sortAt: '2021-03-02T10:00:00',
    make: 'NIKON CORPORATION',
    model: 'NIKON D750',
    place: ny,
  },
  {
    id: P(4),
    path: '2021/IMG_4.jpg',
    sortAt: '2021-03-03T10:00:00',
    tags: [['dog', 0.6]],
    persons: [3],
    place: ny,
  },
  { id: P(5), path: '2021/IMG_5.jpg', sortAt: '2021-03-04T10:00:00', tags: [['dog', 0.9]] },
];

let lib: FakeLibrary;
const suggest = (q: string, limit = 8) => lib.picto.discovery.suggest.suggest(q, limit);
const brief = async (q: string, limit = 8) =>
  (await suggest(q, limit)).map((s) => `${s.kind}:${s.label}=${s.query} (${s.count})`);

beforeAll(() => {
  lib = new FakeLibrary();
  createPeople(lib.db, [
    { id: 1, name: 'Alice Martin' },
    { id: 2, name: 'Bob' },
    { id: 3, name: 'June' },
  ]);
  lib.add(photos);
  // Face crops are cut by box; the embedding only needs to be one (128 floats).
  lib.db.prepare('UPDATE faces SET embedding = zeroblob(512)').run();
  const { collection } = lib.picto;
  collection.createAlbum('Summer 2019');
  collection.addToAlbum(collection.album('Summer 2019').id, [P(1), P(2)]);
});

afterAll(async () => {
  await lib?.close();
});

describe('search suggestions while typing', () => {
  it('completes a name from its start or a later word, with photo counts', async () => {
    expect(await brief('ali')).toEqual(['person:Alice Martin=Alice Martin (2)']);
    expect(await brief('mart')).toEqual(['person:Alice Martin=Alice Martin (2)']);
    // A city and a region of one name: each in explicit syntax, told apart by its second line.
    const york = await suggest('york');
    expect(york.map((s) => [s.query, s.detail])).toEqual([
      ['city:"New York"', 'United States'],
      ['region:"New York"', 'region of United States'],
    ]);
    const [city] = await suggest('nic');
    expect(city).toMatchObject({ kind: 'place', label: 'Nice', detail: 'France', count: 2 });
    expect(city.coverUrl).toMatch(/^\/api\/photos\/0+2\/thumbnail\?v=/);
  });

  it('keeps the words before the completion, and completes several words at once', async () => {
    expect(await brief('dog new y')).toEqual([
      'place:New York=dog city:"New York" (2)',
      'place:New York=dog region:"New York" (2)',
    ]);
    expect(await brief('alice di')).toEqual(['tag:dining table=alice dining table (1)']);
  });

  it('uses explicit syntax where the plain words would mean something else', async () => {
    // "Summer 2019" would be read as a date, "June" as the person and the month.
    expect(await brief('summ')).toEqual(['album:Summer 2019=album:"Summer 2019" (2)']);
    expect(await brief('jun')).toEqual([
      'date:June=date:June (2)',
      'date:June 2019=june 2019 (2)',
      'person:June=person:June (1)',
    ]);
  });

  it('completes explicit keys within their kind, and exclusions', async () => {
    expect(await brief('tag:d')).toEqual([
      'tag:dog=tag:dog (3)',
      'tag:dining table=tag:"dining table" (1)',
    ]);
    expect(await brief('person:b')).toEqual(['person:Bob=person:Bob (1)']);
    expect(await brief('-do')).toEqual(['tag:dog=-tag:dog (3)']);
  });

  it('cameras by make and model, dates by year, tags and their groups', async () => {
    expect(await brief('nik')).toEqual([
      'camera:Nikon=Nikon (1)',
      'camera:NIKON D750=NIKON D750 (1)',
    ]);
    expect(await brief('iph')).toEqual(['camera:iPhone 8=iPhone 8 (2)']);
    expect(await brief('202')).toEqual(['date:2021=2021 (3)', 'date:March 2021=march 2021 (3)']);
    const animal = (await suggest('anim'))[0];
    expect(animal).toMatchObject({ kind: 'tag', label: 'animal', query: 'animal', count: 3 });
    expect(await brief('wine')).toEqual(['tag:wine glass=wine glass (1)']);
  });

  it('suggests nothing for an empty box, a finished word or nonsense, and caps the list', async () => {
    expect(await suggest('')).toEqual([]);
    expect(await suggest('alice ')).toEqual([]);
    expect(await suggest('zzzqqq')).toEqual([]);
    expect((await suggest('a', 2)).length).toBe(2);
  });

  it('follows what the user changes: a new name, a photo in the trash', async () => {
    // Counting runs in the background: an answer waits a moment for it, then gives the last
    // counts (a loaded machine can take longer than that moment), so ask until it follows.
    const until = async (q: string, done: (r: string[]) => boolean) => {
      let r: string[] = [];
      for (let i = 0; i < 100; i++) {
        r = await brief(q);
        if (done(r)) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      return r;
    };
    lib.picto.people.corrections.rename(2, 'Bobby Tables');
    expect(await until('bob', (r) => r[0]?.includes('Bobby') ?? false)).toEqual([
      'person:Bobby Tables=Bobby Tables (1)',
    ]);
    // June's one photo goes to the trash: counted again, June leaves the list.
    lib.picto.trash.moveToTrash([P(4)]);
    expect(await until('june', (r) => r.length === 2)).toEqual([
      'date:June=date:June (2)',
      'date:June 2019=june 2019 (2)',
    ]);
  });
});

describe('a word of a two-word tag', () => {
  const search = (q: string) =>
    lib.picto.discovery.search.search({ q, count: true }).rows.map((r) => r.id);

  it('"wine" finds the wine glass and the file named with the word; chips say both', () => {
    expect(search('wine').sort()).toEqual([P(2), P(3)]);
    const page = lib.picto.discovery.search.search({ q: 'wine' });
    expect(page.understood.chips.map((c) => c.label)).toEqual(['wine glass or "wine"']);
    expect(search('tag:wine')).toEqual([P(2)]);
    expect(search('wine -tag:wine')).toEqual([P(3)]);
  });

  it('an ordinary word stays a word: "hot" is no hot dog, "dog" no hot dog either', () => {
    expect(search('hot')).toEqual([]);
    // (P(4) went to the trash above.)
    expect(search('dog').sort()).toEqual([P(1), P(5)]);
  });
});
