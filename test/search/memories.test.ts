import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHome, findTrips, tripTitle, type TripPoint } from '../../src/search/memories/trips.js';
import { FakeLibrary, hexId, type FakePhoto } from './fixture.js';

const PARIS = { lat: 48.8566, lon: 2.3522, city: 'Paris', country: 'France' };
const ROME = { lat: 41.9028, lon: 12.4964, city: 'Rome', country: 'Italy' };
const FLORENCE = { lat: 43.7696, lon: 11.2558, city: 'Florence', country: 'Italy' };
const NOWHERE = { lat: null, lon: null, city: null, country: null };

let n = 0;
const at = (sortAt: string, place: typeof PARIS | typeof NOWHERE): TripPoint => ({
  id: hexId(++n),
  sort_at: sortAt,
  ...place,
});

describe('trips (pure)', () => {
  // A year of everyday photos in Paris, a week in Italy, a day trip too short to count.
  const points: TripPoint[] = [];
  for (let d = 1; d <= 28; d++)
    points.push(at(`2019-02-${String(d).padStart(2, '0')}T12:00:00`, PARIS));
  points.push(
    at('2019-06-01T09:00:00', ROME),
    at('2019-06-01T10:00:00', ROME),
    at('2019-06-01T18:00:00', NOWHERE), // camera without GPS, same trip
    at('2019-06-02T10:00:00', ROME),
    at('2019-06-03T10:00:00', FLORENCE),
    at('2019-06-04T10:00:00', FLORENCE),
    at('2019-06-05T10:00:00', PARIS), // back home
    at('2019-06-10T10:00:00', ROME), // alone: fewer than 5 photos
    at('2019-06-20T10:00:00', NOWHERE),
  );

  it('home is the city of the most days', () => {
    expect(findHome(points)).toMatchObject({ city: 'Paris', days: 29 });
  });

  it('a trip is the photos away from home, with the photos without position taken in between', () => {
    const trips = findTrips(points, findHome(points));
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({
      start: '2019-06-01T09:00:00',
      end: '2019-06-04T10:00:00',
      title: 'Rome & Florence',
      countries: ['Italy'],
    });
    expect(trips[0].photoIds).toHaveLength(6);
    expect(trips[0].km).toBeGreaterThan(1000);
  });

  it('a long silence splits trips; no position at all means no trips', () => {
    const split = [
      ...Array.from({ length: 10 }, (_, i) =>
        at(`2018-01-${String(i + 1).padStart(2, '0')}T10:00:00`, PARIS),
      ),
      ...Array.from({ length: 5 }, (_, i) => at(`2018-05-0${i + 1}T10:00:00`, ROME)),
      ...Array.from({ length: 5 }, (_, i) => at(`2018-05-2${i + 1}T10:00:00`, ROME)),
    ];
    expect(findTrips(split, findHome(split)).map((t) => t.start)).toEqual([
      '2018-05-01T10:00:00',
      '2018-05-21T10:00:00',
    ]);
    expect(findHome([at('2020-01-01T00:00:00', NOWHERE)])).toBeNull();
    expect(findTrips([at('2020-01-01T00:00:00', NOWHERE)], null)).toEqual([]);
  });

  it('titles', () => {
    const p = (city: string | null, country: string | null) => ({ city, country, photos: 1 });
    expect(tripTitle([p('Rome', 'Italy')], ['Italy'])).toBe('Rome');
    expect(tripTitle([p('A', 'X'), p('B', 'X'), p('C', 'Y')], ['X', 'Y'])).toBe('A, B & C');
    expect(tripTitle([p('A', 'X'), p('B', 'X'), p('C', 'Y'), p('D', 'Y')], ['X', 'Y'])).toBe(
      'X & Y',
    );
    expect(tripTitle([], [])).toBe('A trip');
  });
});

describe('memories of a day', () => {
  let lib: FakeLibrary;
  beforeAll(() => {
    lib = new FakeLibrary();
    const photos: FakePhoto[] = [];
    let id = 100;
    const add = (sortAt: string, extra: Partial<FakePhoto> = {}) =>
      photos.push({ id: hexId(++id), path: `${sortAt.slice(0, 10)}-${id}.jpg`, sortAt, ...extra });
    for (let d = 1; d <= 20; d++)
      add(`2020-03-${String(d).padStart(2, '0')}T12:00:00`, { lat: PARIS.lat, lon: PARIS.lon });
    add('2021-07-14T10:00:00');
    add('2021-07-14T11:00:00', { favourite: true });
    add('2022-07-14T10:00:00');
    add('2022-07-15T10:00:00');
    add('2024-02-29T10:00:00');
    add('2025-07-14T09:00:00'); // today: not a memory
    for (let d = 10; d <= 16; d++) add(`2023-07-${d}T10:00:00`, { lat: ROME.lat, lon: ROME.lon });
    lib.add(photos);
  });
  afterAll(async () => lib.close());

  it('on this day in earlier years, newest first, and trips around their anniversary', () => {
    const m = lib.picto.discovery.memories.forDay('2025-07-14');
    expect(m.map((x) => [x.kind, x.title, x.count])).toEqual([
      ['on-this-day', '2 years ago', 1],
      ['on-this-day', '3 years ago', 1],
      ['on-this-day', '4 years ago', 2],
      ['trip', 'Rome', 7],
    ]);
    expect(m[2].subtitle).toBe('14 July 2021');
    expect(m[2].query).toBe('date:2021-07-14');
    expect(m[3].query).toBe('date:2023-07-10..2023-07-16');
    expect(m[3].subtitle).toBe('2 years ago · 10–16 July');
    // The query of a memory finds its photos.
    expect(lib.picto.discovery.search.search({ q: m[3].query }).rows).toHaveLength(7);
  });

  it('29 February is remembered on the 28th in other years', () => {
    expect(lib.picto.discovery.memories.forDay('2025-02-28').map((x) => x.subtitle)).toEqual([
      '28 February 2024',
    ]);
    expect(lib.picto.discovery.memories.forDay('2025-01-01')).toEqual([]);
  });

  it('lists trips with home', () => {
    const t = lib.picto.discovery.memories.trips();
    expect(t.home?.lat).toBeCloseTo(PARIS.lat, 3);
    expect(t.trips.map((x) => x.query)).toEqual(['date:2023-07-10..2023-07-16']);
  });
});
